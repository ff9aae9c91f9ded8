"""Year-end report pages: choose a unit and year, generate, download, see the sources;
and the figure checker page."""

import tempfile
from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tuyengiao.core import xlsx
from tuyengiao.core.errors import DomainError
from tuyengiao.orgs import access
from tuyengiao.orgs.choices import UnitKind
from tuyengiao.orgs.models import OrgUnit

from . import annex, services
from .checker import read_text
from .forms import CheckForm, IssueForm, ReportOptionsForm, SectionTextsForm
from .models import GeneratedReport
from .narrative import SECTION_NAMES, WRITTEN
from .verify import verify

REPORTING_KINDS = [
    UnitKind.CITY_COMMITTEE,
    UnitKind.DISTRICT_COMMITTEE,
    UnitKind.COMMUNE_COMMITTEE,
    UnitKind.GRASSROOTS,
]


def _unit_and_year(request, code, year, action=access.VIEW):
    unit = get_object_or_404(OrgUnit.objects.visible_to(request.user, access.VIEW), code=code)
    try:
        year = services.check_year(year)
    except DomainError as exc:
        raise Http404(exc.message) from exc
    if action != access.VIEW and not access.can(request.user, action, unit):
        raise PermissionDenied
    return unit, year


@login_required
def index(request):
    units = OrgUnit.objects.visible_to(request.user).filter(kind__in=REPORTING_KINDS)
    code = request.GET.get("unit")
    if code:
        # Checked here: a year or code the URL cannot hold was a NoReverseMatch (a 500).
        unit, year = _unit_and_year(
            request, code, request.GET.get("year") or timezone.localdate().year - 1
        )
        return redirect("reports:unit_year", code=unit.code, year=year)
    recent = GeneratedReport.objects.visible_to(request.user).select_related("unit")[:20]
    context = {
        "units": units.order_by("path")[:500],
        "default_year": timezone.localdate().year - 1,
        "recent": recent,
    }
    return render(request, "reports/index.html", context)


def _sections_form(unit, year, data=None):
    texts = services.section_texts(unit, year)
    form = SectionTextsForm(
        data, sections=WRITTEN, initial={key: t.text for key, t in texts.items()}
    )
    for key, text in texts.items():
        if key in form.fields:
            form.fields[key].version = text
    return form


def _page(request, unit, year, form=None, status=200, sections_form=None, issue_form=None):
    reports = list(
        GeneratedReport.objects.visible_to(request.user)
        .filter(unit=unit, year=year)
        .select_related("generated_by", "issued_by")[:10]
    )
    if form is None:
        form = ReportOptionsForm(
            initial=ReportOptionsForm.initial_from(services.effective_options(unit, year))
        )
    issued, changes = services.changes_since_issued(unit, year)
    context = {
        "unit": unit,
        "year": year,
        "form": form,
        "sections_form": sections_form or _sections_form(unit, year),
        "issue_form": issue_form or IssueForm(prefix="issue"),
        "reports": reports,
        "issued": issued,
        "changes": changes,
        "can_generate": access.can(request.user, access.CHANGE, unit),
    }
    return render(request, "reports/unit_year.html", context, status=status)


@login_required
def unit_year(request, code, year):
    unit, year = _unit_and_year(request, code, year)
    return _page(request, unit, year)


@login_required
@require_POST
def generate(request, code, year):
    unit, year = _unit_and_year(request, code, year, access.CHANGE)
    form = ReportOptionsForm(request.POST)
    if not form.is_valid():
        return _page(request, unit, year, form, status=400)
    try:
        options = form.options()
        if form.cleaned_data.get("remember"):
            services.save_report_settings(
                unit,
                actor=request.user,
                signer_for=options.signer_for,
                signer_title=options.signer_title,
                signer_name=options.signer_name,
                recipients=options.recipients,
            )
        report = services.generate_report(unit, year, actor=request.user, options=options)
    except DomainError as exc:
        form.add_error(None, exc.message)
        return _page(request, unit, year, form, status=400)
    if request.htmx:
        reports = GeneratedReport.objects.visible_to(request.user).filter(unit=unit, year=year)
        context = {"report": report, "reports": reports.select_related("generated_by")[:10]}
        return render(request, "reports/_generated.html", context)
    messages.success(request, _("The report has been generated."))
    return redirect(reverse("reports:unit_year", args=[unit.code, year]) + f"?new={report.pk}")


@login_required
@require_POST
def sections(request, code, year):
    """Save the department's written sections: each changed one becomes a new version."""
    unit, year = _unit_and_year(request, code, year, access.CHANGE)
    form = _sections_form(unit, year, request.POST)
    if not form.is_valid():
        return _page(request, unit, year, sections_form=form, status=400)
    saved, failed = 0, False
    current = services.section_texts(unit, year)
    for key, _name, _ask in WRITTEN:
        if key not in request.POST:
            continue  # a field the form did not send is left as it is
        text = form.cleaned_data.get(key, "")
        before = current.get(key)
        if (before.text if before else "") == text.replace("\r\n", "\n").strip():
            continue
        try:
            services.save_section_text(unit, year, key, text, actor=request.user)
            saved += 1
        except DomainError as exc:
            form.add_error(key, exc.message)
            failed = True
    if failed:
        return _page(request, unit, year, sections_form=form, status=400)
    messages.success(request, _("%(count)d section(s) saved.") % {"count": saved})
    return redirect(reverse("reports:unit_year", args=[unit.code, year]) + "#sections")


@login_required
@require_POST
def issue(request, code, year):
    """“Ban hành”: a numbered, dated version that later figures are compared with."""
    unit, year = _unit_and_year(request, code, year, access.CHANGE)
    form = IssueForm(request.POST, prefix="issue")  # its own ids beside the report form
    if not form.is_valid():
        return _page(request, unit, year, issue_form=form, status=400)
    try:
        services.issue_report(
            unit,
            year,
            actor=request.user,
            number=form.cleaned_data["number"],
            date=form.cleaned_data["date"],
            options=services.effective_options(unit, year),
        )
    except DomainError as exc:
        form.add_error(None, exc.message)
        return _page(request, unit, year, issue_form=form, status=400)
    messages.success(request, _("The report has been issued."))
    return redirect("reports:unit_year", code=unit.code, year=year)


def _report(request, pk) -> GeneratedReport:
    return get_object_or_404(
        GeneratedReport.objects.visible_to(request.user).select_related("unit", "generated_by"),
        pk=pk,
    )


@login_required
def download(request, pk):
    report = _report(request, pk)
    return FileResponse(report.file.open("rb"), as_attachment=True, filename=report.filename)


@login_required
def annex_download(request, pk):
    report = _report(request, pk)
    data = annex.build_annex(
        report.figures, title=str(report), units=report.units, generated_at=report.generated_at
    )
    return xlsx.attachment(data, report.filename.replace(".docx", "-phu-luc.xlsx"))


@login_required
def sources(request, pk):
    """«Nguồn số liệu»: the figures the report printed, where each came from, what changed."""
    report = _report(request, pk)
    changes = {c.id: c for c in services.changes_since(report)}
    sections: dict[str, list] = {}
    names = annex._unit_names(report.figures)
    for figure in report.figures:
        key = figure.get("section") or section_of_id(figure["id"])
        sections.setdefault(key, []).append(
            {**figure, "change": changes.get(figure["id"]), "source": plain_source(figure, names)}
        )
    ordered = [
        (SECTION_NAMES.get(key, key), rows)
        for key, rows in sorted(sections.items(), key=lambda kv: _section_rank(kv[0]))
    ]
    added = [c for c in changes.values() if c.kind == "added"]
    context = {"report": report, "sections": ordered, "changes": changes, "added": added}
    return render(request, "reports/sources.html", context)


STATUS_WORDS = {**annex.STATUS_WORDS, "not_started": "chưa báo cáo", "in_progress": "đang làm"}


def plain_source(figure: dict, names: dict[str, str]) -> dict:
    """A figure's source as a clerk reads it: no field codes in brackets, unit names, and
    statuses in words («đã duyệt», not «approved»), as in the annex's sources sheet."""
    source = dict(figure.get("source") or {})
    statuses = source.get("statuses") or []
    if isinstance(statuses, dict):  # {key: label}
        words = [str(label) for label in statuses.values()]
    else:
        words = [STATUS_WORDS.get(str(s), str(s)) for s in statuses]
    source["statuses"] = words
    for key in ("what", "units"):
        if source.get(key):
            source[key] = annex._words(str(source[key]), names)
    return source


def section_of_id(figure_id: str) -> str:
    return figure_id.split(".", 1)[0]


def _section_rank(key: str) -> int:
    keys = list(SECTION_NAMES)
    return keys.index(key) if key in keys else len(keys)


def _uploaded_text(upload) -> str:
    """The upload's text, read by the checker from a temporary file (it sniffs the content)."""

    suffix = Path(upload.name).suffix.lower()
    with tempfile.TemporaryDirectory(prefix="tuyengiao-check-") as folder:
        path = Path(folder) / f"upload{suffix}"
        with path.open("wb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
        try:
            return read_text(path)
        except ValueError as exc:  # the message names the temporary file: name the upload
            raise ValueError(str(exc).replace(path.name, upload.name)) from exc


@login_required
def check(request):
    """The figure checker: paste text or upload a .docx, see each claim's verdict."""
    units = OrgUnit.objects.visible_to(request.user).filter(kind__in=REPORTING_KINDS)
    result = None
    choices = units.order_by("path")[:500]
    if request.method == "POST":
        form = CheckForm(request.POST, request.FILES, units=choices)
    else:
        form = CheckForm(units=choices)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            text = _uploaded_text(data["file"]) if data["file"] else data["text"]
            figures = None
            if data["unit"]:
                unit = get_object_or_404(units, code=data["unit"])
                figures = services.collect_figures(unit, services.check_year(data["year"]))
            result = verify(text, figures)
        except (ValueError, DomainError) as exc:
            form.add_error(None, getattr(exc, "message", str(exc)))
    status = 400 if request.method == "POST" and result is None else 200
    return render(request, "reports/check.html", {"form": form, "result": result}, status=status)
