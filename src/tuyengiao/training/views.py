import datetime as dt

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as Forbidden
from django.core.paginator import Paginator
from django.db.models import Count, Max, Sum
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _

from tuyengiao.core import audit
from tuyengiao.core.errors import PermissionDenied, ValidationFailed
from tuyengiao.orgs import access, catalogues
from tuyengiao.orgs.models import OrgUnit

from . import export, services
from .filters import TrainingClassFilter
from .forms import KindForm, TrainingClassForm
from .models import TrainingClass, TrainingKind

VERB_LABELS = {
    "training_class.create": _("created"),
    "training_class.update": _("edited"),
}


def _visible(request, action=access.VIEW):
    return TrainingClass.objects.visible_to(request.user, action).select_related("kind", "unit")


def apply_errors(form, exc: ValidationFailed | PermissionDenied):
    """Put a service's Vietnamese messages on the form's fields."""
    errors = getattr(exc, "errors", None) or {exc.field: [exc.message]}
    if isinstance(errors, list):
        errors = {None: errors}
    for field, messages in errors.items():
        for message in messages:
            form.add_error(field if field in form.fields else None, message)


@login_required
def class_list(request):
    filterset = TrainingClassFilter(request.GET, queryset=_visible(request), request=request)
    classes = filterset.qs
    totals = classes.aggregate(
        n=Count("pk"), planned=Sum("planned"), attended=Sum("attended"), completed=Sum("completed")
    )
    page = Paginator(classes, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "training/list.html",
        {
            "filter": filterset,
            "page": page,
            "totals": totals,
            "query": query.urlencode(),
            "can_create": access.has_role_action(request.user, access.CHANGE),
        },
    )


@login_required
def class_export(request):
    filterset = TrainingClassFilter(request.GET, queryset=_visible(request), request=request)
    workbook = export.classes_workbook(filterset.qs)
    return export.xlsx_response(workbook, "lop-boi-duong.xlsx")


@login_required
def class_detail(request, pk):
    training_class = get_object_or_404(_visible(request), pk=pk)
    return render(
        request,
        "training/detail.html",
        {
            "object": training_class,
            "events": audit.labelled_events(training_class, VERB_LABELS),
            "history": training_class.history.select_related("history_user")[:20],
            "can_edit": access.can(request.user, access.CHANGE, training_class.unit),
        },
    )


def _save(request, form, training_class=None):
    data = dict(form.cleaned_data)
    try:
        if training_class is None:
            return services.create_class(actor=request.user, **data)
        return services.update_class(training_class, actor=request.user, **data)
    except (ValidationFailed, PermissionDenied) as exc:
        apply_errors(form, exc)
        return None


@login_required
def class_create(request):
    if not access.has_role_action(request.user, access.CHANGE):
        raise Forbidden
    form = TrainingClassForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        saved = _save(request, form)
        if saved:
            return redirect("training:detail", pk=saved.pk)
    return render(request, "training/form.html", {"form": form})


@login_required
def class_edit(request, pk):
    training_class = get_object_or_404(_visible(request), pk=pk)
    if not access.can(request.user, access.CHANGE, training_class.unit):
        raise Forbidden
    form = TrainingClassForm(request.POST or None, instance=training_class, user=request.user)
    if request.method == "POST" and form.is_valid():
        saved = _save(request, form, training_class)
        if saved:
            return redirect("training:detail", pk=saved.pk)
    return render(request, "training/form.html", {"form": form, "object": training_class})


def _year(request, default):
    try:
        year = int(request.GET.get("year") or default)
    except ValueError:
        return default
    return year if 1900 <= year <= 2200 else default


def _default_unit(request):
    code = request.GET.get("unit")
    units = OrgUnit.objects.visible_to(request.user)
    if code:
        return get_object_or_404(units, code=code)
    mine = [m.unit for m in access.memberships(request.user)]
    return mine[0] if mine else get_object_or_404(units.filter(depth=1)[:1])


@login_required
def summary(request):
    """Yearly totals per kind for a unit and its subtree (what the user may see of it)."""
    unit = _default_unit(request)
    classes = TrainingClass.objects.visible_to(request.user).in_subtree(unit)
    latest = classes.aggregate(latest=Max("start_date"))["latest"]
    year = _year(request, latest.year if latest else dt.date.today().year)
    totals = services.yearly_totals(classes, year)
    if request.GET.get("format") == "xlsx":
        rows = classes.in_year(year).select_related("kind", "unit")
        workbook = export.classes_workbook(rows, totals)
        return export.xlsx_response(workbook, f"lop-boi-duong-{unit.code}-{year}.xlsx")
    return render(
        request,
        "training/summary.html",
        {
            "unit": unit,
            "year": year,
            "totals": totals,
            "units": OrgUnit.objects.visible_to(request.user).vi_ordered(),
        },
    )


@login_required
def kind_list(request):
    return render(
        request,
        "training/kinds.html",
        {
            "kinds": [
                (kind, catalogues.may_change(request.user, kind.owner))
                for kind in TrainingKind.objects.annotate(n=Count("classes")).select_related(
                    "owner"
                )
            ],
            "can_edit": access.has_role_action(request.user, access.ADMIN),
        },
    )


@login_required
def kind_edit(request, pk=None):
    if not access.has_role_action(request.user, access.ADMIN):
        raise Forbidden
    kind = get_object_or_404(TrainingKind, pk=pk) if pk else None
    if kind is not None and not catalogues.may_change(request.user, kind.owner):
        raise Forbidden
    form = KindForm(request.POST or None, instance=kind, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_kind(form, actor=request.user)
        except PermissionDenied as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            return redirect("training:kinds")
    return render(request, "training/kind_form.html", {"form": form, "object": kind})
