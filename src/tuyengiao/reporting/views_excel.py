"""Excel template download and upload pages for a form and period.

Both start from the user's assignments visible with the `report` action: a reporter gets
their own unit's row, a specialist every expected unit of their subtree. Someone who may
report for none of them (or asks for a unit outside their scope) gets 404.
"""

from __future__ import annotations

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from tuyengiao.core import xlsx
from tuyengiao.core.errors import DomainError
from tuyengiao.orgs import access
from tuyengiao.orgs.models import OrgUnit

from . import excel
from .excel_import import import_workbook
from .models import Assignment, Value


class UploadForm(forms.Form):
    file = forms.FileField(label=_("Filled Excel template (.xlsx)"))
    submit_now = forms.BooleanField(
        label=_("Submit right away (otherwise the figures are saved as drafts)"), required=False
    )


def _form_and_period(form_code, period_code):
    from .pages import form_and_period

    return form_and_period(form_code, period_code)


def reportable_units(user, form, period, root=None):
    """Units the user may report for that are expected to send this form for this period."""
    assignments = Assignment.objects.visible_to(user, access.REPORT).filter(
        form=form, period=period
    )
    units = OrgUnit.objects.valid_on(period.reference_date).filter(
        pk__in=assignments.values("unit_id")
    )
    if root is not None:
        units = units.subtree_of(root)
    return units.vi_ordered()


def _root(request):
    code = request.GET.get("unit")
    if not code:
        return None
    return get_object_or_404(OrgUnit.objects.visible_to(request.user), code=code)


def _stored_rows(form, period, units) -> dict[int, dict]:
    rows: dict[int, dict] = {}
    values = Value.objects.filter(
        submission__form=form, submission__period=period, submission__unit__in=units
    ).values_list("submission__unit_id", "field__code", "number", "text")
    for unit_id, code, number, text in values:
        rows.setdefault(unit_id, {})[code] = number if number is not None else text
    return rows


@login_required
def template(request, form_code, period_code):
    form, period = _form_and_period(form_code, period_code)
    units = list(reportable_units(request.user, form, period, _root(request)))
    if not units:
        raise Http404
    content = excel.build_template(
        form, period, units, rows=_stored_rows(form, period, [u.pk for u in units])
    )
    return xlsx.attachment(content, excel.template_filename(form, period))


def _background_import(request, form, period, data):
    from tuyengiao.notifications.imports import start_if_large

    title = f"Nhập Excel «{data['file'].name}» — {form.code} kỳ {period.code}"
    params = {"form": form.code, "period": period.code, "submit": data["submit_now"]}
    return start_if_large(
        "reporting_excel_import", data["file"], user=request.user, title=title, params=params
    )


@login_required
@require_http_methods(["GET", "POST"])
def upload(request, form_code, period_code):
    form, period = _form_and_period(form_code, period_code)
    root = _root(request)
    if not reportable_units(request.user, form, period, root).exists():
        raise Http404
    context = {"form_obj": form, "period": period, "root": root, "result": None, "error": None}
    upload_form = (
        UploadForm(request.POST, request.FILES) if request.method == "POST" else UploadForm()
    )
    if request.method == "POST" and upload_form.is_valid():
        if job := _background_import(request, form, period, upload_form.cleaned_data):
            return redirect(job)
        try:
            context["result"] = import_workbook(
                upload_form.cleaned_data["file"],
                form,
                period,
                actor=request.user,
                submit=upload_form.cleaned_data["submit_now"],
            )
        except DomainError as exc:
            context["error"] = exc.message
    context["upload_form"] = upload_form
    return render(request, "reporting/excel_upload.html", context)


app_name = "reporting"
urlpatterns = [
    path(
        "excel/<str:form_code>/<str:period_code>/mau.xlsx",
        template,
        name="excel_template",
    ),
    path("excel/<str:form_code>/<str:period_code>/nhap/", upload, name="excel_upload"),
]
