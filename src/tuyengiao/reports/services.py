"""Year-end report verbs: collect the figures, write the report, remember what it printed."""

from __future__ import annotations

import json
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from tuyengiao.core import access, audit
from tuyengiao.core import figures as core_figures
from tuyengiao.core.errors import DomainError, PermissionDenied
from tuyengiao.core.figures import Figure

from . import docx, narrative
from .content import ReportContent, ReportOptions, UnitStyle
from .models import GeneratedReport, ReportSettings, SectionText
from .study_detail import study_extras

MIN_YEAR = 1930  # the Party's founding year: no report before it


def check_year(year) -> int:
    try:
        year = int(year)
    except (TypeError, ValueError) as exc:
        raise DomainError(
            f"Năm «{year}» không hợp lệ: phải là một số như 2022.", field="year"
        ) from exc
    last = timezone.localdate().year
    if not MIN_YEAR <= year <= last:
        raise DomainError(
            f"Năm {year} không hợp lệ: phải trong khoảng {MIN_YEAR}–{last}.", field="year"
        )
    return year


def collect_figures(unit, year: int) -> list[Figure]:
    """Every figure the report uses, from every app in settings.FIGURE_PROVIDERS."""
    return core_figures.year_figures(unit, year)


def figures_json(figures: list[Figure]) -> list[dict]:
    # Round-trip through json so the snapshot compares equal to what the database returns.
    return json.loads(json.dumps([f.as_json() for f in figures], default=str))


def section_texts(unit, year: int) -> dict[str, SectionText]:
    """The latest version of each section the department wrote for this unit and year."""
    latest: dict[str, SectionText] = {}
    for text in SectionText.objects.filter(unit=unit, year=year).order_by("section", "-version"):
        latest.setdefault(text.section, text)
    return latest


def level_units(unit) -> set[str]:
    """Names of the units whose tasks are this level's: the unit and its boards."""
    from tuyengiao.orgs.choices import UnitKind

    names = {unit.name}
    names.update(unit.get_children().filter(kind=UnitKind.BOARD).values_list("name", flat=True))
    return names


def with_settings(unit, options: ReportOptions | None) -> ReportOptions:
    """The writer's choices, with the unit's settings (signer, recipients) where blank."""
    options = ReportOptions.from_json((options or ReportOptions()).as_json())
    saved = ReportSettings.objects.filter(unit=unit).first()
    if saved is not None:
        options.signer_for = options.signer_for or saved.signer_for
        options.signer_title = options.signer_title or saved.signer_title
        options.signer_name = options.signer_name or saved.signer_name
        options.recipients = options.recipients or list(saved.recipients or [])
    return options


def build_content(unit, year: int, *, options=None, figures=None) -> ReportContent:
    """The report's content; DomainError (Vietnamese) for an unknown figure token or two
    sections stating different values for one figure."""
    figures = collect_figures(unit, year) if figures is None else figures
    texts = {key: t.text for key, t in section_texts(unit, year).items()}
    return narrative.build(
        unit, year, figures, with_settings(unit, options), extras=study_extras(unit),
        texts=texts, level_units=level_units(unit),
    )  # fmt: skip


def build_docx(unit, year: int, *, options=None, figures=None) -> bytes:
    return docx.render(build_content(unit, year, options=options, figures=figures))


@transaction.atomic
def generate_report(unit, year: int, *, actor, options: ReportOptions | None = None):
    """Write the report and keep its figures. actor=None is the command line (shell access)."""
    year = check_year(year)
    if actor is not None and not access.can(actor, access.CHANGE, unit):
        raise PermissionDenied(f"Bạn không có quyền lập báo cáo của {unit.name}.")
    options = options or ReportOptions()
    figures = collect_figures(unit, year)
    content = build_content(unit, year, options=options, figures=figures)
    data = docx.render(content)
    report = GeneratedReport(
        unit=unit,
        year=year,
        generated_by=actor if getattr(actor, "pk", None) else None,
        options=options.as_json(),
        figures=figures_json(figures),
        sections={key: t.version for key, t in section_texts(unit, year).items()},
        units=unit_rows(content),
    )
    report.warnings = content.warnings
    report.file.save(report.filename, ContentFile(data), save=False)
    report.save()
    audit.record(actor, "report.generate", report, unit=unit, year=year, figures=len(figures))
    return report


def last_report(unit, year: int) -> GeneratedReport | None:
    return GeneratedReport.objects.filter(unit=unit, year=year).first()


@dataclass
class Change:
    id: str
    label: str
    before: str | None  # display in the report; None: the figure is new
    after: str | None  # display now; None: the figure is gone
    url: str = ""

    @property
    def kind(self) -> str:
        if self.before is None:
            return "added"
        return "removed" if self.after is None else "changed"


def changes_since(report: GeneratedReport, current: list[Figure] | None = None) -> list[Change]:
    """Figures whose value differs now from the report's snapshot, compared by id."""
    if current is None:
        current = collect_figures(report.unit, report.year)
    now = {f["id"]: f for f in figures_json(current)}
    then = {f["id"]: f for f in report.figures}
    changes = []
    for figure_id, old in then.items():
        new = now.get(figure_id)
        if new is None:
            changes.append(Change(figure_id, old["label"], old["display"], None))
        elif (new["value"], new["display"]) != (old["value"], old["display"]):
            url = new.get("source", {}).get("url", "")
            changes.append(Change(figure_id, new["label"], old["display"], new["display"], url))
    for figure_id, new in now.items():
        if figure_id not in then:
            url = new.get("source", {}).get("url", "")
            changes.append(Change(figure_id, new["label"], None, new["display"], url))
    return changes


def default_options(unit, year: int) -> ReportOptions:
    """The last report's header choices (number, date, signer, recipients …), if any."""
    previous = last_report(unit, year)
    return ReportOptions.from_json(previous.options if previous else None)


def effective_options(unit, year: int) -> ReportOptions:
    """What the form shows: the last report's choices, else the defaults from the unit."""
    options = with_settings(unit, default_options(unit, year))
    style = UnitStyle.of(unit)
    options.subtitle = options.subtitle or narrative.default_subtitle(year)
    options.signer_for = options.signer_for or style.signer_for
    options.signer_title = options.signer_title or style.signer_title
    options.recipients = options.recipients or narrative.default_recipients(unit, style)
    return options


def unit_rows(content: ReportContent) -> list[dict]:
    """The appendix tables' per-unit rows, kept with the report to compare later."""
    rows = []
    caption = ""
    for block in content.appendix:
        if block.kind == "caption":
            caption = block.text
        elif block.kind == "table" and block.rows:
            header = block.rows[0]
            for row in block.rows[1:]:
                rows.append(
                    {
                        "table": caption,
                        "unit": row[1],
                        "values": dict(zip(header[2:], row[2:], strict=False)),
                    }
                )
    return rows
