"""Rollup: a form's figures for a unit's subtree and a period, in SQL.

Fields are aggregated by one grouped query over Values joined to their Submission and its
unit (tree path prefix, valid on the period's last day). Indicators are computed from the
rolled-up numerator and denominator, never by averaging the units' rates. Completeness
counts the assigned units against those that submitted and were approved.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Avg, Count, Max, Q, Sum
from django.db.models.functions import Substr

from tuyengiao.core.text import HALF_EVEN, rate
from tuyengiao.orgs.models import OrgUnit, valid_on_q

from . import rules, totals
from .choices import Aggregation, SubmissionStatus
from .models import Assignment, Form, Period, Submission, Value, in_subtree

S = SubmissionStatus


@dataclass
class IndicatorResult:
    code: str
    name: str
    value: Decimal | None
    display: str

    def as_json(self) -> dict:
        return {"value": None if self.value is None else str(self.value), "display": self.display}


@dataclass
class Completeness:
    expected: int = 0
    submitted: int = 0  # submitted or approved
    approved: int = 0

    def as_json(self) -> dict:
        return {"expected": self.expected, "submitted": self.submitted, "approved": self.approved}

    def percent(self, part: str) -> int:
        """The whole percent of the expected units that `part` ("submitted" or "approved"),
        for the progress bars: rounded half to even (as Python's round()); 0 when no unit
        is expected."""
        value = rate(getattr(self, part), self.expected, decimals=0, mode=HALF_EVEN)
        return 0 if value is None else int(value)

    @property
    def submitted_pct(self) -> int:
        return self.percent("submitted")

    @property
    def approved_pct(self) -> int:
        return self.percent("approved")


@dataclass
class Rollup:
    form: Form
    unit: OrgUnit
    period: Period
    statuses: list[str]
    fields: dict[str, Decimal | None] = field(default_factory=dict)
    indicators: dict[str, IndicatorResult] = field(default_factory=dict)
    completeness: Completeness = field(default_factory=Completeness)

    def as_json(self) -> dict:
        return {
            "unit": self.unit.code,
            "form": self.form.code,
            "period": self.period.code,
            "fields": {code: _json_number(v) for code, v in self.fields.items()},
            "indicators": {code: ind.as_json() for code, ind in self.indicators.items()},
            "completeness": self.completeness.as_json(),
        }


def _json_number(value: Decimal | None):
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def counted_statuses(include_submitted: bool) -> list[str]:
    return [S.APPROVED, S.SUBMITTED] if include_submitted else [S.APPROVED]


def _valid_unit_q(prefix: str, period: Period) -> Q:
    return valid_on_q(period.reference_date, prefix.removesuffix("__"))


def counted_q(statuses, level: int | None = None, prefix: str = "") -> Q:
    """The submissions a rollup counts: those in `statuses`, and with `level` also those
    approved at that level or above (a two-level form's first level, say)."""
    condition = Q(**{f"{prefix}status__in": statuses})
    if level:
        condition |= Q(**{f"{prefix}approved_level__gte": level})
    return condition


def _values(form, unit, period, statuses, level=None):
    return Value.objects.filter(
        counted_q(statuses, level, "submission__"),
        _valid_unit_q("submission__unit__", period),
        in_subtree("submission__unit__", unit),
        submission__form=form,
        submission__period=period,
    )


def _aggregates(spec: rules.FormSpec) -> dict:
    """Only the aggregates some field asks for: each one costs a pass over every value."""
    wanted = {f.aggregation for f in spec.fields if f.is_numeric}
    functions = {
        Aggregation.SUM: ("total", Sum),
        Aggregation.AVERAGE: ("average", Avg),
        Aggregation.MAX: ("maximum", Max),
    }
    chosen = {name: fn("number") for key, (name, fn) in functions.items() if key in wanted}
    return chosen or {"total": Sum("number")}


def _pick(field_obj, row) -> Decimal | None:
    if field_obj.aggregation == Aggregation.SUM:
        value = row.get("total")
    elif field_obj.aggregation == Aggregation.AVERAGE:
        value = row.get("average")
    elif field_obj.aggregation == Aggregation.MAX:
        value = row.get("maximum")
    else:
        return None
    return None if value is None else Decimal(str(value)).normalize()


def _figures(spec: rules.FormSpec, rows: dict[int, dict]):
    """{code: value} for the numeric fields and {code: IndicatorResult} from a grouped row set."""
    fields = {}
    for field_obj in spec.fields:
        if field_obj.is_numeric and field_obj.aggregation != Aggregation.NONE:
            row = rows.get(field_obj.pk)
            value = _pick(field_obj, row) if row else None
            # Integer fields summed over no row are 0, not unknown, once someone reported.
            fields[field_obj.code] = value if value is not None or not rows else Decimal(0)
    indicators = {}
    for indicator, numerator, denominator in spec.indicators:
        value = rules.indicator_value(indicator, numerator, denominator, fields)
        indicators[indicator.code] = IndicatorResult(
            indicator.code, indicator.name, value, rules.display_indicator(indicator, value)
        )
    return fields, indicators


def _with_integers(fields: dict) -> dict:
    # Normalised Decimals print as 8.021E+3 in repr; keep them plain integers when whole.
    return {
        code: (v.quantize(Decimal(1)) if v is not None and v == v.to_integral_value() else v)
        for code, v in fields.items()
    }


def completeness(form, unit, period, *, level: int | None = None) -> Completeness:
    """Expected, sent and approved units; with `level`, "approved" counts the reports
    approved at that level or above."""
    expected = Assignment.objects.filter(
        _valid_unit_q("unit__", period), in_subtree("unit__", unit), form=form, period=period
    ).count()
    counts = Submission.objects.filter(
        _valid_unit_q("unit__", period), in_subtree("unit__", unit), form=form, period=period
    ).aggregate(
        submitted=Count("pk", filter=Q(status__in=[S.SUBMITTED, S.APPROVED])),
        approved=Count("pk", filter=counted_q([S.APPROVED], level)),
    )
    return Completeness(expected, counts["submitted"], counts["approved"])


def rollup(
    form: Form, unit: OrgUnit, period: Period, *, include_submitted=False, level=None
) -> Rollup:
    """The form's figures for the subtree of `unit` in `period` (approved submissions, or
    approved and submitted; with `level`, approved at that level or above)."""
    statuses = counted_statuses(include_submitted)
    spec = rules.FormSpec(form)
    if totals.reads(unit):  # above the leaf level: the kept totals (issue 17)
        return _kept_rollup(spec, unit, period, statuses, level)
    grouped = (
        _values(form, unit, period, statuses, level)
        .values("field_id")
        .annotate(**_aggregates(spec))
    )
    rows = {row["field_id"]: row for row in grouped}
    fields, indicators = _figures(spec, rows)
    return Rollup(
        form,
        unit,
        period,
        statuses,
        _with_integers(fields),
        indicators,
        completeness(form, unit, period, level=level),
    )


@dataclass
class ChildRow:
    unit: OrgUnit
    fields: dict[str, Decimal | None]
    indicators: dict[str, IndicatorResult]
    completeness: Completeness


def children_breakdown(
    form: Form, unit: OrgUnit, period: Period, *, include_submitted=False
) -> list[ChildRow]:
    """For each child of `unit` valid in the period whose subtree is expected to report:
    its subtree's figures. One grouped query per kind of count, keyed by the child's path
    prefix, not one query per child."""
    statuses = counted_statuses(include_submitted)
    spec = rules.FormSpec(form)
    if totals.reads(unit):  # the kept totals of each child (issue 17)
        return _kept_breakdown(spec, unit, period, statuses)
    length = unit.steplen * (unit.depth + 1)
    prefix = Substr("submission__unit__path", 1, length)
    grouped = (
        _values(form, unit, period, statuses)
        .annotate(child=prefix)
        .values("child", "field_id")
        .annotate(**_aggregates(spec))
    )
    by_child: dict[str, dict[int, dict]] = {}
    for row in grouped:
        by_child.setdefault(row["child"], {})[row["field_id"]] = row
    expected = dict(
        Assignment.objects.filter(
            _valid_unit_q("unit__", period),
            in_subtree("unit__", unit),
            form=form,
            period=period,
            unit__depth__gt=unit.depth,
        )
        .annotate(child=Substr("unit__path", 1, length))
        .values("child")
        .annotate(n=Count("pk"))
        .values_list("child", "n")
    )
    reported = {
        row["child"]: row
        for row in Submission.objects.filter(
            _valid_unit_q("unit__", period),
            in_subtree("unit__", unit),
            form=form,
            period=period,
            unit__depth__gt=unit.depth,
        )
        .annotate(child=Substr("unit__path", 1, length))
        .values("child")
        .annotate(
            submitted=Count("pk", filter=Q(status__in=[S.SUBMITTED, S.APPROVED])),
            approved=Count("pk", filter=Q(status=S.APPROVED)),
        )
    }
    children = OrgUnit.objects.children_of(unit).valid_on(period.reference_date).vi_ordered()
    result = []
    for child in children:
        if child.path not in expected and child.path not in by_child:
            continue  # not asked to report this form (a board, say)
        fields, indicators = _figures(spec, by_child.get(child.path, {}))
        counts = reported.get(child.path, {})
        result.append(
            ChildRow(
                child,
                _with_integers(fields),
                indicators,
                Completeness(
                    expected.get(child.path, 0),
                    counts.get("submitted", 0),
                    counts.get("approved", 0),
                ),
            )
        )
    return result


# --- from the kept totals (issue 17) ---------------------------------------------------------


def _kept_rollup(spec, unit, period, statuses, level=None) -> Rollup:
    rows, counts = totals.read(spec.form, [unit], period, statuses, level)[unit.pk]
    fields, indicators = _figures(spec, rows)
    return Rollup(
        spec.form,
        unit,
        period,
        statuses,
        _with_integers(fields),
        indicators,
        Completeness(*counts[:3]),
    )


def _kept_breakdown(spec, unit, period, statuses, level=None) -> list[ChildRow]:
    children = list(OrgUnit.objects.children_of(unit).valid_on(period.reference_date).vi_ordered())
    kept = totals.read(spec.form, children, period, statuses, level)
    result = []
    for child in children:
        rows, counts = kept[child.pk]
        if not counts[0] and not rows:
            continue  # not asked to report this form (a board, say)
        fields, indicators = _figures(spec, rows)
        result.append(
            ChildRow(child, _with_integers(fields), indicators, Completeness(*counts[:3]))
        )
    return result
