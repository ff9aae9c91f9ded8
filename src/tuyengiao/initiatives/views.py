from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as Forbidden
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tuyengiao.core import audit
from tuyengiao.core.errors import PermissionDenied, ValidationFailed
from tuyengiao.core.xlsx import workbook_bytes
from tuyengiao.orgs import access

from . import services
from .choices import AssessmentStatus
from .filters import InitiativeFilter
from .forms import AssessmentForm, InitiativeForm
from .models import Initiative

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

VERB_LABELS = {
    "initiative.create": gettext_lazy("created"),
    "initiative.update": gettext_lazy("edited"),
    "initiative.assess": gettext_lazy("assessed"),
}


def _visible(request):
    return Initiative.objects.visible_to(request.user).select_related("unit")


def _object(request, pk, action=access.VIEW):
    initiative = get_object_or_404(_visible(request), pk=pk)
    if action != access.VIEW and not access.can(request.user, action, initiative.unit):
        raise Forbidden
    return initiative


def apply_errors(form, exc):
    errors = getattr(exc, "errors", None) or {getattr(exc, "field", None): [exc.message]}
    if isinstance(errors, list):
        errors = {None: errors}
    for field, items in errors.items():
        for message in items:
            form.add_error(field if field in form.fields else None, message)


def _filtered(request):
    filterset = InitiativeFilter(request.GET, queryset=_visible(request), request=request)
    year = filterset.form.cleaned_data.get("year") if filterset.is_valid() else None
    return filterset, services.with_status(filterset.qs, int(year)) if year else filterset.qs, year


@login_required
def initiative_list(request):
    filterset, initiatives, year = _filtered(request)
    page = Paginator(initiatives, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "initiatives/list.html",
        {
            "filter": filterset,
            "page": page,
            "year": year,
            "statuses": dict(AssessmentStatus.choices),
            "query": query.urlencode(),
            "can_create": access.has_role_action(request.user, access.CHANGE),
        },
    )


@login_required
def initiative_export(request):
    from openpyxl import Workbook
    from openpyxl.styles import Font

    filterset, initiatives, year = _filtered(request)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Mô hình"
    headers = ["Tên mô hình", "Đơn vị", "Năm bắt đầu", "Năm kết thúc", "Mô tả"]
    if year:
        headers += [f"Đánh giá {year}", f"Nội dung đánh giá {year}"]
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    statuses = dict(AssessmentStatus.choices)
    for i in initiatives:
        row = [i.name, i.unit.name, i.start_year, i.end_year, i.description]
        if year:
            row += [str(statuses.get(i.year_status, "")), i.year_text or ""]
        sheet.append(row)
    for letter, width in zip("ABCDEFG", [60, 30, 12, 12, 50, 18, 50], strict=True):
        sheet.column_dimensions[letter].width = width
    response = HttpResponse(workbook_bytes(workbook), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="mo-hinh.xlsx"'
    return response


@login_required
def initiative_detail(request, pk):
    initiative = _object(request, pk)
    can_edit = access.can(request.user, access.CHANGE, initiative.unit)
    form = None
    if can_edit:
        latest = initiative.assessments.first()
        form = AssessmentForm(
            initial={"year": (latest.year + 1) if latest else initiative.start_year}
        )
    return _detail(request, initiative, form, can_edit)


def _detail(request, initiative, form, can_edit):
    return render(
        request,
        "initiatives/detail.html",
        {
            "object": initiative,
            "assessments": initiative.assessments.all(),
            "form": form,
            "can_edit": can_edit,
            "events": audit.labelled_events(initiative, VERB_LABELS),
        },
    )


@login_required
def initiative_assess(request, pk):
    initiative = _object(request, pk, access.CHANGE)
    if request.method != "POST":
        return redirect("initiatives:detail", pk=pk)
    form = AssessmentForm(request.POST)
    if form.is_valid():
        try:
            services.assess(initiative, actor=request.user, **form.cleaned_data)
        except (ValidationFailed, PermissionDenied) as exc:
            apply_errors(form, exc)
        else:
            messages.success(
                request, _("The assessment of %(year)s was saved.") % form.cleaned_data
            )
            return redirect("initiatives:detail", pk=pk)
    return _detail(request, initiative, form, True)


def _save(request, form, initiative=None):
    try:
        if initiative is None:
            return services.create_initiative(actor=request.user, **form.cleaned_data)
        return services.update_initiative(initiative, actor=request.user, **form.cleaned_data)
    except (ValidationFailed, PermissionDenied) as exc:
        apply_errors(form, exc)
        return None


@login_required
def initiative_create(request):
    if not access.has_role_action(request.user, access.CHANGE):
        raise Forbidden
    form = InitiativeForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        saved = _save(request, form)
        if saved:
            return redirect("initiatives:detail", pk=saved.pk)
    return render(request, "initiatives/form.html", {"form": form})


@login_required
def initiative_edit(request, pk):
    initiative = _object(request, pk, access.CHANGE)
    form = InitiativeForm(request.POST or None, instance=initiative, user=request.user)
    if request.method == "POST" and form.is_valid():
        saved = _save(request, form, initiative)
        if saved:
            return redirect("initiatives:detail", pk=saved.pk)
    return render(request, "initiatives/form.html", {"form": form, "object": initiative})
