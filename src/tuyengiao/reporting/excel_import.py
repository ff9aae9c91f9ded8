"""Importing a filled Excel template: check the whole file, then save every row or none.

Each row goes through the same checks as the web form (rules.check, then services.save_draft
and services.submit), so a figure gets the same Vietnamese message whichever way it came.
Problems are listed by row and column; nothing is saved while one remains.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction

from tuyengiao.core.errors import DomainError, ValidationFailed
from tuyengiao.orgs import access
from tuyengiao.orgs.models import OrgUnit

from . import excel, history, rules, services
from .choices import SubmissionStatus, ValuePath
from .excel import Cell, Row
from .models import Assignment, Submission

CODE_HEADER = "Mã đơn vị"
LOCKED = (SubmissionStatus.SUBMITTED, SubmissionStatus.APPROVED)


@dataclass
class ImportResult:
    saved: list[tuple[int, OrgUnit]] = field(default_factory=list)
    unchanged: list[tuple[int, OrgUnit]] = field(default_factory=list)
    empty: list[tuple[int, OrgUnit]] = field(default_factory=list)
    problems: list[Cell] = field(default_factory=list)
    submitted: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def messages(self) -> list[str]:
        return [str(problem) for problem in self.problems]


def _strip_label(message: str, label: str) -> str:
    # The service's messages start with «label»: — the column already says it.
    prefix = f"«{label}»: "
    return message[len(prefix) :] if message.startswith(prefix) else message


class _Checker:
    """Resolves the rows' units once, then checks one row at a time."""

    def __init__(self, form, period, actor, rows: list[Row]):
        self.form, self.period, self.actor = form, period, actor
        self.spec = rules.FormSpec(form)
        codes = {row.unit_code for row in rows}
        self.units = {u.code: u for u in OrgUnit.objects.filter(code__in=codes)}
        ids = [u.pk for u in self.units.values()]
        self.assigned = set(
            Assignment.objects.filter(form=form, period=period, unit_id__in=ids).values_list(
                "unit_id", flat=True
            )
        )
        self.existing = {
            s.unit_id: s
            for s in Submission.objects.filter(form=form, period=period, unit_id__in=ids)
        }
        # Their stored figures in one read (issue 17), {submission id: {field code: value}}.
        self.stored: dict[int, dict] = {s.pk: {} for s in self.existing.values()}
        fields = {f.pk: f for f in self.spec.fields}
        for (sub_id, field_id), value in history.existing_values(self.existing.values()).items():
            field = fields.get(field_id)
            if field is not None:
                self.stored[sub_id][field.code] = value.number if field.is_numeric else value.text
        self.seen: dict[str, int] = {}

    def unit_problem(self, row: Row) -> str | None:
        code = row.unit_code
        unit = self.units.get(code)
        if code in self.seen:
            return f"«{code}» — mã đơn vị lặp lại (đã có ở dòng {self.seen[code]})."
        self.seen[code] = row.row
        if unit is None:
            return f"«{code}» — không có đơn vị nào mang mã này."
        if not access.can(self.actor, access.REPORT, unit):
            return f"«{code}» — đơn vị ngoài phạm vi báo cáo của bạn; không nhập được."
        if unit.pk not in self.assigned or not unit.is_valid_on(self.period.reference_date):
            return (
                f"«{code}» — đơn vị không được giao biểu mẫu {self.form.code} "
                f"kỳ {self.period.code}."
            )
        return None

    def value_problems(self, row: Row) -> tuple[list[Cell], rules.Checked]:
        checked = rules.check(self.spec, row.values)
        problems = []
        for code, messages in checked.errors.items():
            if code in row.bad:
                continue  # the cell itself was reported ("text, not a number")
            label = self.spec.by_code[code].label if code in self.spec.by_code else ""
            problems += [Cell(row.row, label, None, _strip_label(m, label)) for m in messages]
        return problems, checked

    def locked_problem(self, row: Row, unit, checked) -> tuple[str | None, bool]:
        """(problem, unchanged): a row equal to what is stored is left alone; a changed row
        whose report is already sent or approved is refused."""
        submission = self.existing.get(unit.pk)
        if submission is None:
            return None, False
        stored = rules.check(self.spec, self.stored[submission.pk]).values
        if {c: (v.number, v.text) for c, v in stored.items()} == {
            c: (v.number, v.text) for c, v in checked.values.items()
        }:
            # Even with "submit right away": only rows changed in this file are sent, not
            # every other unit's draft that happens to be in a district-wide template.
            return None, True
        if submission.status not in LOCKED:
            return None, False
        word = services.STATUS_WORDS[submission.status]
        return (
            f"báo cáo của «{unit.code}» {word}, số liệu bị khóa; không sửa được "
            "(cần được trả lại trước khi sửa).",
            False,
        )


def check_rows(form, period, actor, rows: list[Row], result: ImportResult) -> list:
    """Every problem of every row into `result`; the rows to save as (row, unit)."""
    checker = _Checker(form, period, actor, rows)
    to_save = []
    for row in rows:
        problem = checker.unit_problem(row)
        if problem:
            result.problems.append(Cell(row.row, CODE_HEADER, None, problem))
            continue
        unit = checker.units[row.unit_code]
        if all(value is None for value in row.values.values()):
            result.empty.append((row.row, unit))
            continue
        problems, checked = checker.value_problems(row)
        locked, unchanged = checker.locked_problem(row, unit, checked)
        if unchanged:
            result.unchanged.append((row.row, unit))
            continue
        if locked:
            problems.insert(0, Cell(row.row, "", None, locked))
        result.problems += problems
        row.checked = checked  # checked once: save_many takes it as it is (issue 17)
        to_save.append((row, unit))
    return to_save


def import_workbook(upload, form, period, *, actor, submit: bool = False) -> ImportResult:
    """Check the file, then save every row as a draft (and send it with `submit`), or none.

    ExcelError when the file cannot be read as this form's and period's template."""
    workbook = excel.open_workbook(upload)
    codes = excel.check_template(excel.read_metadata(workbook), form, period)
    fields = [next(f for f in form.fields.all() if f.code == code) for code in codes]
    rows, cell_problems = excel.read_rows(workbook, fields)
    result = ImportResult(problems=list(cell_problems), submitted=submit)
    if not rows and not cell_problems:
        raise excel.ExcelError("Tệp không có dòng số liệu nào (mẫu chưa được điền).")
    to_save = check_rows(form, period, actor, rows, result)
    result.problems.sort(key=lambda cell: cell.row)
    if result.problems:
        return result
    filename = getattr(upload, "name", "")
    try:
        _save(form, period, actor, to_save, submit, filename, result)
    except DomainError as exc:
        # Changed under us between the check and the save (another user, another tab).
        messages = exc.errors if isinstance(exc, ValidationFailed) else [exc.message]
        if isinstance(messages, dict):
            messages = [m for items in messages.values() for m in items]
        result.saved = []
        result.problems = [Cell(0, "", None, m) for m in messages]
    return result


@transaction.atomic
def _save(form, period, actor, to_save, submit, filename, result) -> None:
    # save_many checks again under row locks (the right, the assignment, the report's
    # state; the figures were checked once, above) and writes in batches, not per unit.
    row_of = {unit.pk: row.row for row, unit in to_save}
    submissions = services.save_many(
        form,
        period,
        {unit: row.values for row, unit in to_save},
        actor=actor,
        submit=submit,
        path=ValuePath.EXCEL,
        checked={unit: row.checked for row, unit in to_save},
    )
    services.record_many(  # issue 17: one executemany, no object per row
        actor,
        "submission.import_excel",
        submissions,
        [{"file": filename[:200], "row": row_of[s.unit_id], "submit": submit} for s in submissions],
    )
    result.saved = sorted(((row_of[s.unit_id], s.unit) for s in submissions), key=lambda x: x[0])
