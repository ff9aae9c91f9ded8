"""Commendation pages. Every object comes from `visible_to`; the work is in services."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tuyengiao.core import undo
from tuyengiao.meetings import xlsx
from tuyengiao.meetings.views import attempt, list_querystring
from tuyengiao.orgs import access

from . import services
from .filters import CommendationFilter
from .forms import CollectiveForm, CommendationForm, IndividualForm
from .models import Commendation, Recipient


def _visible(request, action=access.VIEW):
    return Commendation.objects.visible_to(request.user, action).select_related("unit", "decision")


@login_required
def commendation_list(request):
    filterset = CommendationFilter(request.GET, queryset=_visible(request), request=request)
    commendations = filterset.qs.with_counts().order_by("-year", "name", "id")
    if request.GET.get("export") == "xlsx":
        rows = (
            [
                c.year,
                c.name,
                c.unit.name,
                c.decision.number_text if c.decision else "",
                c.conferred_on,
                c.n_collectives,
                c.n_individuals,
            ]  # fmt: skip
            for c in commendations
        )
        return xlsx.response(
            "khen-thuong.xlsx",
            "Khen thưởng",
            [
                "Năm",
                "Đợt khen thưởng",
                "Đơn vị khen thưởng",
                "Quyết định",
                "Ngày khen thưởng",
                "Số tập thể",
                "Số cá nhân",
            ],  # fmt: skip
            rows,
            [8, 50, 30, 16, 14, 12, 12],
        )
    return render(
        request,
        "awards/list.html",
        {
            "filter": filterset,
            "page": Paginator(commendations, 50).get_page(request.GET.get("page")),
            "querystring": list_querystring(request),
            "can_create": access.has_role_action(request.user, access.CHANGE),
        },
    )


RECIPIENT_HEADERS = ["STT", "Tập thể / cá nhân", "Họ và tên / đơn vị", "Chức vụ",
                     "Đơn vị công tác", "Thành tích"]  # fmt: skip


@login_required
def commendation_detail(request, pk):
    commendation = get_object_or_404(_visible(request), pk=pk)
    recipients = list(commendation.recipients.select_related("unit"))
    if request.GET.get("export") == "xlsx":
        rows = (
            [i, _kind(r), str(r), r.title, r.unit_name, r.reason]
            for i, r in enumerate(recipients, start=1)
        )
        return xlsx.response(
            f"khen-thuong-{commendation.pk}.xlsx", "Danh sách khen thưởng", RECIPIENT_HEADERS,
            rows, [6, 14, 40, 30, 30, 50],
        )  # fmt: skip
    can_change = access.can(request.user, access.CHANGE, commendation.unit)
    context = {
        "commendation": commendation,
        "collectives": [r for r in recipients if r.unit_id],
        "individuals": [r for r in recipients if not r.unit_id],
        "summary": services.summary(*services.counts(commendation).values()),
        "can_change": can_change,
    }
    if can_change:
        context["collective_form"] = CollectiveForm(prefix="collective", user=request.user)
        context["individual_form"] = IndividualForm(prefix="individual")
    return render(request, "awards/detail.html", context)


def _kind(recipient) -> str:
    return "Tập thể" if recipient.unit_id else "Cá nhân"


@login_required
def commendation_edit(request, pk=None):
    commendation = None
    if pk is not None:
        commendation = get_object_or_404(_visible(request, access.CHANGE), pk=pk)
    elif not access.has_role_action(request.user, access.CHANGE):
        raise PermissionDenied
    form = CommendationForm(request.POST or None, instance=commendation, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = {k: form.cleaned_data[k] for k in services.FIELDS}
        saved = {}

        def save():
            if commendation is None:
                saved["obj"] = services.create_commendation(actor=request.user, **data)
            else:
                saved["obj"] = services.update_commendation(
                    commendation, actor=request.user, **data
                )

        if attempt(form, save):
            messages.success(request, _("Commendation saved."))
            return redirect(saved["obj"].get_absolute_url())
    return render(request, "awards/form.html", {"form": form, "commendation": commendation})


@login_required
@require_POST
def recipient_add(request, pk, kind):
    commendation = get_object_or_404(_visible(request, access.CHANGE), pk=pk)
    if kind == "collective":
        form = CollectiveForm(request.POST, prefix=kind, user=request.user)
    else:
        form = IndividualForm(request.POST, prefix=kind)
    if form.is_valid() and attempt(
        form,
        lambda: services.add_recipient(commendation, actor=request.user, **form.cleaned_data),
    ):
        data = form.cleaned_data
        if kind == "collective":
            messages.success(request, _("Collective «%(name)s» added.") % {"name": data["unit"]})
        else:
            messages.success(request, _("Individual «%(name)s» added.") % {"name": data["name"]})
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    return redirect(f"{commendation.get_absolute_url()}#{kind}s")


@login_required
@require_POST
def recipient_remove(request, pk, recipient_pk):
    commendation = get_object_or_404(_visible(request, access.CHANGE), pk=pk)
    recipient = get_object_or_404(Recipient, commendation=commendation, pk=recipient_pk)
    data = {name: getattr(recipient, name) for name in services.RECIPIENT_FIELDS}
    services.remove_recipient(recipient, actor=request.user)
    if recipient.unit_id:
        message = _("Collective «%(name)s» removed.") % {"name": recipient.unit}
    else:
        message = _("Individual «%(name)s» removed.") % {"name": recipient.name}
    undo.offer(
        request,
        message,
        action="awards.restore_recipient",
        payload={"commendation": commendation.pk, "data": data},
        next_url=commendation.get_absolute_url(),
    )
    return redirect(commendation.get_absolute_url())


@undo.register("awards.restore_recipient")
def _restore_recipient(payload, *, actor) -> str:
    commendation = get_object_or_404(
        Commendation.objects.visible_to(actor, access.CHANGE), pk=payload["commendation"]
    )
    services.restore_recipient(commendation, payload["data"], actor=actor)
    return _("Restored.")
