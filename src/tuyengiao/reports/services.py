"""Year-end report verbs: collect the figures, write the report, remember what it printed."""

from __future__ import annotations

import json
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from tuyengiao.core import audit
from tuyengiao.core import figures as core_figures
from tuyengiao.core.errors import DomainError
from tuyengiao.core.figures import Figure
from tuyengiao.orgs import access

from . import docx, narrative
from .content import ReportContent, ReportOptions, UnitStyle
from .figureset import FigureSet
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
    """Every figure the report uses, from every figure provider the apps registered."""
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
        unit,
        year,
        figures,
        with_settings(unit, options),
        extras=study_extras(unit),
        texts=texts,
        level_units=level_units(unit),
    )


def build_docx(unit, year: int, *, options=None, figures=None) -> bytes:
    return docx.render(build_content(unit, year, options=options, figures=figures))


@transaction.atomic
def generate_report(unit, year: int, *, actor, options: ReportOptions | None = None):
    """Write the report and keep its figures. The command line acts as SYSTEM (shell access)."""
    year = check_year(year)
    access.require(actor, access.CHANGE, unit, "Bạn không có quyền lập báo cáo của {unit}.")
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
            numbers = {r[0]: [_plain(v) for v in r[1:]] for r in block.sheet.get("rows", [])}
            for row in block.rows[1:]:
                if row[1] not in numbers:
                    continue  # the total row: the annex sums it with a formula
                rows.append(
                    {
                        "table": caption,
                        "unit": row[1],
                        "values": dict(zip(header[2:], row[2:], strict=False)),
                        "numbers": numbers.get(row[1]),
                    }
                )
    return rows


def _plain(value):
    """A number as JSON keeps it: int when whole, else a string (Decimal's exact digits)."""
    if value is None or isinstance(value, int):
        return value
    return int(value) if value == int(value) else str(value)


def annex_sheets(content: ReportContent) -> list[dict]:
    """The appendix tables as the annex's per-unit sheets (numbers, not text)."""
    return [b.sheet for b in content.appendix if b.kind == "table" and b.sheet]


# --- the department's written sections -------------------------------------------------------

MAX_SECTION_CHARS = 20_000
NO_WRITE = "Bạn không có quyền soạn báo cáo của {unit}."
NO_SIGNER = "Bạn không có quyền đặt người ký báo cáo của {unit}."


@transaction.atomic
def save_section_text(unit, year: int, section: str, text: str, *, actor) -> SectionText | None:
    """Write a new version of a section; an unchanged text writes nothing. Figure tokens
    are checked against the year's figures now, and again at generation."""
    year = check_year(year)
    access.require(actor, access.CHANGE, unit, NO_WRITE)
    if section not in narrative.WRITTEN_NAMES:
        raise DomainError(f"Mục “{section}” không phải một phần của báo cáo.", field="section")
    name = narrative.WRITTEN_NAMES[section]
    text = (text or "").replace("\r\n", "\n").strip()
    if len(text) > MAX_SECTION_CHARS:
        raise DomainError(
            f"Mục “{name}” dài {len(text)} ký tự, vượt mức tối đa {MAX_SECTION_CHARS}.",
            field=section,
        )
    errors: list[str] = []
    fs = FigureSet(collect_figures(unit, year))
    narrative.render_written(fs, section, text, errors)
    if errors:
        raise DomainError(" ".join(errors), field=section)
    current = section_texts(unit, year).get(section)
    if current is not None and current.text == text:
        return current
    version = (current.version if current else 0) + 1
    saved = SectionText.objects.create(
        unit=unit,
        year=year,
        section=section,
        version=version,
        text=text,
        written_by=actor if getattr(actor, "pk", None) else None,
    )
    audit.record(
        actor, "report.section", saved, unit=unit, year=year, section=section, version=version
    )
    return saved


@transaction.atomic
def save_report_settings(
    unit, *, actor, signer_for="", signer_title="", signer_name="", recipients=None
) -> ReportSettings:
    """Who signs the unit's reports and who receives them, kept for every later report."""
    access.require(actor, access.CHANGE, unit, NO_SIGNER)
    settings_row, _created = ReportSettings.objects.get_or_create(unit=unit)
    settings_row.signer_for = (signer_for or "").strip()
    settings_row.signer_title = (signer_title or "").strip()
    settings_row.signer_name = (signer_name or "").strip()
    settings_row.recipients = [r.strip(" -,.") for r in (recipients or []) if r.strip(" -,.")]
    settings_row.save()
    audit.record(actor, "report.settings", settings_row, unit=unit)
    return settings_row


# --- issued versions -----------------------------------------------------------------------


@transaction.atomic
def issue_report(unit, year: int, *, actor, number: str, date, options=None) -> GeneratedReport:
    """“Ban hành”: a numbered, dated version, frozen; later figures are compared with it."""
    number = (number or "").strip()
    if not number.isdigit() or len(number) > 6:
        raise DomainError(
            f"Số báo cáo “{number}” không hợp lệ: để ban hành cần số thứ tự, ví dụ 115.",
            field="number",
        )
    if date is None:
        raise DomainError("Để ban hành cần chọn ngày ký báo cáo.", field="date")
    if date.year <= year - 1 or date > timezone.localdate():
        raise DomainError(
            f"Ngày ký {date:%d/%m/%Y} không hợp lệ: phải sau năm {year - 1} và không sau hôm nay.",
            field="date",
        )
    options = ReportOptions.from_json((options or ReportOptions()).as_json())
    options.number, options.date = number, date
    placeholders = [
        b.text
        for b in build_content(unit, year, options=options).blocks
        if b.kind == "placeholder" and b.text.startswith(narrative.WRITER_MARK)
    ]
    if placeholders:
        raise DomainError(
            f"Chưa ban hành được: báo cáo còn {len(placeholders)} đoạn đánh dấu cho người viết "
            f"(ví dụ: {placeholders[0][:120]}…). Hãy viết các phần đó trước."
        )
    report = generate_report(unit, year, actor=actor, options=options)
    report.issued_at = timezone.now()
    report.issued_by = actor if getattr(actor, "pk", None) else None
    report.save(update_fields=["issued_at", "issued_by"])
    audit.record(actor, "report.issue", report, unit=unit, year=year, number=number)
    return report


def issued_report(unit, year: int) -> GeneratedReport | None:
    return (
        GeneratedReport.objects.filter(unit=unit, year=year, issued_at__isnull=False)
        .order_by("-issued_at", "-id")
        .first()
    )


def unit_changes(report: GeneratedReport, current_rows: list[dict]) -> list[Change]:
    """Per-unit values that differ now from the report's appendix tables."""

    def index(rows):
        return {
            (r["table"], r["unit"], column): value
            for r in rows
            for column, value in r["values"].items()
        }

    then, now = index(report.units or []), index(current_rows)
    changes = []
    for key in sorted(set(then) | set(now)):
        before, after = then.get(key), now.get(key)
        if before != after:
            table, unit_name, column = key
            changes.append(
                Change(f"unit:{unit_name}:{column}", f"{unit_name} — {column}", before, after)
            )
    return changes


def changes_since_issued(unit, year: int) -> tuple[GeneratedReport | None, list[Change]]:
    """The issued version and what has changed since (figures, then per-unit values)."""
    report = issued_report(unit, year)
    if report is None:
        return None, []
    figures = collect_figures(unit, year)
    changes = changes_since(report, figures)
    try:
        content = build_content(
            unit, year, options=ReportOptions.from_json(report.options), figures=figures
        )
        changes += unit_changes(report, unit_rows(content))
    except DomainError:
        pass  # the figures' changes are already listed; the conflict shows at generation
    return report, changes
