import datetime as dt

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as Forbidden
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tuyengiao.core import audit
from tuyengiao.core.errors import DomainError, PermissionDenied, ValidationFailed
from tuyengiao.orgs import access

from . import charts, export, services
from .filters import ChannelFilter
from .forms import ChannelForm, ImportForm, MonthGridForm
from .models import Channel, ChannelStat

VERB_LABELS = {
    "channel.create": gettext_lazy("created"),
    "channel.update": gettext_lazy("edited"),
    "channel.stats": gettext_lazy("monthly figures entered"),
}


def _year(request, default=None):
    try:
        return services.parse_year(request.GET.get("year"), default or dt.date.today().year - 1)
    except DomainError as exc:
        raise Http404(exc.message) from exc


def _channel(request, pk, action=access.VIEW):
    channel = get_object_or_404(
        Channel.objects.visible_to(request.user).select_related("unit"), pk=pk
    )
    if action != access.VIEW and not access.can(request.user, action, channel.unit):
        raise Forbidden
    return channel


def _latest_year(channels):
    latest = ChannelStat.objects.filter(channel__in=channels).order_by("-year").first()
    return latest.year if latest else dt.date.today().year


def apply_errors(form, exc):
    errors = getattr(exc, "errors", None) or {getattr(exc, "field", None): [exc.message]}
    if isinstance(errors, list):
        errors = {None: errors}
    for field, items in errors.items():
        for message in items:
            form.add_error(field if field in form.fields else None, message)


@login_required
def channel_list(request):
    channels = Channel.objects.visible_to(request.user).select_related("unit")
    filterset = ChannelFilter(request.GET, queryset=channels, request=request)
    year = _year(request, _latest_year(channels))
    if request.GET.get("format") == "xlsx":
        return export.stats_response(filterset.qs, year)
    page = Paginator(filterset.qs, 50).get_page(request.GET.get("page"))
    totals = services.yearly_totals([c.pk for c in page], year)
    rows = [(c, totals.get(c.pk)) for c in page]
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "outreach/list.html",
        {
            "filter": filterset,
            "page": page,
            "rows": rows,
            "year": year,
            "query": query.urlencode(),
            "can_create": access.has_role_action(request.user, access.CHANGE),
        },
    )


@login_required
def channel_detail(request, pk):
    channel = _channel(request, pk)
    year = _year(request, _latest_year([channel.pk]))
    stats = services.monthly(channel, year)
    chart = charts.channel_chart(channel, year).decode()
    return render(
        request,
        "outreach/detail.html",
        {
            "object": channel,
            "year": year,
            "months": list(enumerate(stats, start=1)),
            "totals": services.channel_year(channel, year),
            # Our own matplotlib output, no user text but the channel name (escaped by it).
            "chart": mark_safe(chart[chart.index("<svg") :]),  # noqa: S308
            "can_edit": access.can(request.user, access.CHANGE, channel.unit),
            "events": audit.labelled_events(channel, VERB_LABELS),
        },
    )


@login_required
def channel_create(request):
    if not access.has_role_action(request.user, access.CHANGE):
        raise Forbidden
    form = ChannelForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            channel = services.create_channel(actor=request.user, **form.cleaned_data)
        except (ValidationFailed, PermissionDenied) as exc:
            apply_errors(form, exc)
        else:
            return redirect("outreach:detail", pk=channel.pk)
    return render(request, "outreach/form.html", {"form": form})


@login_required
def channel_edit(request, pk):
    channel = _channel(request, pk, access.CHANGE)
    form = ChannelForm(request.POST or None, instance=channel, user=request.user)
    if request.method == "POST" and form.is_valid():
        channel.refresh_from_db()  # the form wrote its values onto the instance
        try:
            services.update_channel(channel, actor=request.user, **form.cleaned_data)
        except (ValidationFailed, PermissionDenied) as exc:
            apply_errors(form, exc)
        else:
            return redirect("outreach:detail", pk=channel.pk)
    return render(request, "outreach/form.html", {"form": form, "object": channel})


@login_required
def month_grid(request, pk, year):
    channel = _channel(request, pk, access.CHANGE)
    try:
        year = services.parse_year(year, year)
    except DomainError as exc:
        raise Http404(exc.message) from exc
    form = MonthGridForm(request.POST or None, year=year, stats=services.monthly(channel, year))
    if request.method == "POST" and form.is_valid():
        try:
            services.save_months(channel, form.months(), actor=request.user)
        except (ValidationFailed, PermissionDenied) as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("The figures of %(year)s were saved.") % {"year": year})
            return redirect(f"{reverse('outreach:detail', args=[channel.pk])}?year={year}")
    return render(request, "outreach/grid.html", {"form": form, "object": channel, "year": year})


@login_required
def csv_upload(request, pk):
    channel = _channel(request, pk, access.CHANGE)
    form = ImportForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        limit = settings.MAX_UPLOAD_MB * 1024 * 1024
        try:
            # Read one byte past the limit: enough to refuse without loading a huge file.
            months = services.import_csv(channel, upload.read(limit + 1), actor=request.user)
        except ValidationFailed as exc:
            errors = exc.errors if isinstance(exc.errors, list) else sum(exc.errors.values(), [])
        except PermissionDenied as exc:
            errors = [exc.message]
        else:
            years = sorted({y for y, _m in months})
            messages.success(
                request,
                _("Imported %(n)s months of figures.") % {"n": len(months)},
            )
            return redirect(f"{reverse('outreach:detail', args=[channel.pk])}?year={years[-1]}")
    return render(
        request, "outreach/import.html", {"form": form, "object": channel, "errors": errors}
    )
