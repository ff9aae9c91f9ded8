"""Checks that warn, never block (DHIS2 min/max and outlier analysis): a figure outside its
field's usual range, or moving more than the field's percentage from the same unit's
previous period. The reporter reads them after saving, the approver as a column on the
board and side by side with the previous period on the report's page."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from tuyengiao.core import text

from . import rules
from .choices import REPORTED
from .models import Submission, Value

PREVIOUS_STATUSES = REPORTED  # what counts as "the figure reported last time"


def previous_ids(form, period, unit_ids) -> dict[int, tuple[int, str]]:
    """As previous_submissions, {unit_id: (submission id, its period's code)}: no object
    per report (the import asks for 5.000 units)."""
    result = {}
    ids = list(unit_ids)
    for start in range(0, len(ids), 500):
        for unit_id, pk, code in (
            Submission.objects.filter(
                form=form,
                unit_id__in=ids[start : start + 500],
                status__in=PREVIOUS_STATUSES,
                period__end__lt=period.start,
            )
            .order_by("unit_id", "-period__end", "-pk")
            .values_list("unit_id", "pk", "period__code")
        ):
            result.setdefault(unit_id, (pk, code))
    return result


def previous_submissions(form, period, unit_ids):
    """{unit_id: the unit's latest sent or approved report of `form` in a collection that
    ended before `period` started}: the "previous period", whatever its type."""
    earlier = (
        Submission.objects.filter(
            form=form,
            unit_id__in=list(unit_ids),
            status__in=PREVIOUS_STATUSES,
            period__end__lt=period.start,
        )
        .select_related("period")
        .order_by("unit_id", "-period__end", "-pk")
    )
    result = {}
    for submission in earlier:
        result.setdefault(submission.unit_id, submission)
    return result


def numbers_of(submissions) -> dict[int, dict[str, Decimal]]:
    """{submission_id: {field code: number}} in one query (submissions or their ids)."""
    result: dict[int, dict[str, Decimal]] = {}
    ids = [getattr(s, "pk", s) for s in submissions]
    rows = Value.objects.filter(submission_id__in=ids, number__isnull=False)
    for sub_id, code, number in rows.values_list("submission_id", "field__code", "number"):
        result.setdefault(sub_id, {})[code] = number
    return result


def change_pct(now: Decimal, before: Decimal | None) -> Decimal | None:
    if before is None or now is None or before == 0:
        return None
    return (now - before) * 100 / abs(before)


def field_warnings(field, now, before, before_label: str) -> list[str]:
    if now is None:
        return []
    change = change_pct(now, before)
    limit = field.change_warning_pct
    low, high = field.warn_min, field.warn_max
    if not (
        (low is not None and now < low)
        or (high is not None and now > high)
        or (change is not None and limit is not None and abs(change) > limit)
    ):
        return []  # the usual case, without formatting a number (5.000 rows an import)
    label, shown, problems = field.label, rules.plain(now), []
    if field.warn_min is not None and now < field.warn_min:
        problems.append(
            f"«{label}»: {shown} thấp hơn mức thường gặp {rules.plain(field.warn_min)} — "
            "hãy kiểm tra lại."
        )
    if field.warn_max is not None and now > field.warn_max:
        problems.append(
            f"«{label}»: {shown} cao hơn mức thường gặp {rules.plain(field.warn_max)} — "
            "hãy kiểm tra lại."
        )
    change = change_pct(now, before)
    limit = field.change_warning_pct
    if change is not None and limit is not None and abs(change) > limit:
        word = "tăng" if change > 0 else "giảm"
        problems.append(
            f"«{label}»: {shown} {word} {text.format_number(abs(change), 0)}% so với "
            f"{before_label} ({rules.plain(before)}), vượt ngưỡng {limit}% — hãy kiểm tra lại."
        )
    return problems


def warnings_for(form, unit, period, numbers: dict[str, Decimal]) -> dict[str, list[str]]:
    """{field code: [warnings]} for one unit's figures about to be saved."""
    previous = previous_submissions(form, period, [unit.pk]).get(unit.pk)
    before = numbers_of([previous]).get(previous.pk, {}) if previous else {}
    label = f"kỳ trước ({previous.period.code})" if previous else ""
    return warnings_from(form.fields.all(), numbers, before, label)


def warnings_from(fields, numbers: dict, before: dict, label: str) -> dict[str, list[str]]:
    """{field code: [warnings]} of `numbers` against the fields' ranges and `before` (the
    previous period's figures, named by `label`): no query."""
    result = {}
    for field in fields:
        if not field.is_numeric:
            continue
        found = field_warnings(field, numbers.get(field.code), before.get(field.code), label)
        if found:
            result[field.code] = found
    return result


def board_flags(form, period, submissions) -> dict[int, list[str]]:
    """{unit_id: warnings} for the sent reports on a board: three queries in all."""
    sent = [s for s in submissions if s.status in REPORTED]
    previous = previous_submissions(form, period, [s.unit_id for s in sent])
    numbers = numbers_of([*sent, *previous.values()])
    fields = [f for f in form.fields.all() if f.is_numeric]
    flags = {}
    for submission in sent:
        before_sub = previous.get(submission.unit_id)
        before = numbers.get(before_sub.pk, {}) if before_sub else {}
        label = f"kỳ trước ({before_sub.period.code})" if before_sub else ""
        now = numbers.get(submission.pk, {})
        found = [
            message
            for field in fields
            for message in field_warnings(field, now.get(field.code), before.get(field.code), label)
        ]
        if found:
            flags[submission.unit_id] = found
    return flags


@dataclass
class Line:
    label: str
    now: str
    before: str
    change: str
    warn: bool


def side_by_side(submission) -> tuple[object | None, list[Line]]:
    """(the previous report, [Line]) for each numeric field then each indicator of the
    unit, this period against the previous one."""
    form, spec = submission.form, rules.FormSpec(submission.form)
    previous = previous_submissions(form, submission.period, [submission.unit_id]).get(
        submission.unit_id
    )
    numbers = numbers_of([submission, previous] if previous else [submission])
    now, before = numbers.get(submission.pk, {}), numbers.get(previous.pk, {}) if previous else {}
    lines = []
    for field in spec.fields:
        if not field.is_numeric:
            continue
        a, b = now.get(field.code), before.get(field.code)
        lines.append(
            Line(
                field.label,
                _shown(a),
                _shown(b),
                _pct(change_pct(a, b)),
                bool(field_warnings(field, a, b, "")),
            )
        )
    for indicator, top, bottom in spec.indicators:
        a = rules.indicator_value(indicator, top, bottom, now)
        b = rules.indicator_value(indicator, top, bottom, before) if previous else None
        lines.append(
            Line(
                indicator.name,
                rules.display_indicator(indicator, a) if a is not None else "—",
                rules.display_indicator(indicator, b) if b is not None else "—",
                "",
                False,
            )
        )
    return previous, lines


def _shown(number) -> str:
    return "—" if number is None else rules.plain(number)


def _pct(change) -> str:
    if change is None:
        return ""
    sign = "+" if change > 0 else ("−" if change < 0 else "")
    return f"{sign}{text.format_number(abs(change), 1)}%"
