"""Term and target verbs, and the measurement of a target in a year.

An indicator-measured target takes its value from the reporting engine's rollup over the
term unit's subtree (approved submissions), never from a copy; a manual target from the
value entered for that year.
"""

from __future__ import annotations

import operator
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from tuyengiao.core import audit
from tuyengiao.core.errors import DomainError
from tuyengiao.core.text import format_number, format_percent
from tuyengiao.orgs import access
from tuyengiao.reporting.rollup import rollup
from tuyengiao.reporting.services import resolve_period

from .choices import Comparison, TargetStatus
from .models import ManualValue, Target, Term

# For the report and the Excel files, whatever the page language.
STATUS_VI = {
    TargetStatus.MET: "đạt",
    TargetStatus.NOT_MET: "chưa đạt",
    TargetStatus.NO_DATA: "chưa có số liệu",
}
COMPARE = {
    Comparison.GTE: operator.ge,
    Comparison.GT: operator.gt,
    Comparison.EQ: operator.eq,
    Comparison.LTE: operator.le,
    Comparison.LT: operator.lt,
}


NO_CHANGE = "Bạn không có quyền sửa chỉ tiêu của đơn vị «{unit}»."


def _check_term(name, start_year, end_year) -> str:
    name = (name or "").strip()
    if not name:
        raise DomainError("Tên nhiệm kỳ: không được để trống.", field="name")
    if end_year <= start_year:
        raise DomainError(f"Năm cuối {end_year}: phải sau năm đầu {start_year}.", field="end_year")
    if end_year - start_year > 10:
        raise DomainError(f"Nhiệm kỳ {start_year}–{end_year}: dài quá 10 năm.", field="end_year")
    return name


@transaction.atomic
def create_term(*, actor, unit, name, start_year, end_year) -> Term:
    access.require(actor, access.CHANGE, unit, NO_CHANGE)
    name = _check_term(name, start_year, end_year)
    term = Term.objects.create(unit=unit, name=name, start_year=start_year, end_year=end_year)
    audit.record(actor, "term.create", term)
    return term


@transaction.atomic
def update_term(term: Term, *, actor, unit, name, start_year, end_year) -> Term:
    access.require(actor, access.CHANGE, term.unit, NO_CHANGE)
    access.require(actor, access.CHANGE, unit, NO_CHANGE)
    term.name = _check_term(name, start_year, end_year)
    outside = term.targets.filter(manual_values__year__lt=start_year) | term.targets.filter(
        manual_values__year__gt=end_year
    )
    if outside.exists():
        raise DomainError(
            f"Nhiệm kỳ {start_year}–{end_year}: đã có số liệu nhập tay ngoài các năm này.",
            field="start_year",
        )
    term.unit, term.start_year, term.end_year = unit, start_year, end_year
    term.save()
    audit.record(actor, "term.update", term)
    return term


def _check_target(text, target_value, indicator) -> str:
    text = (text or "").strip()
    if not text:
        raise DomainError("Nội dung chỉ tiêu: không được để trống.", field="text")
    if target_value is None:
        raise DomainError("Giá trị chỉ tiêu: không được để trống.", field="target_value")
    if indicator is not None and indicator.is_percent and not 0 <= target_value <= 100:
        raise DomainError(
            f"Giá trị chỉ tiêu {format_number(target_value)}: chỉ số «{indicator.name}» là tỷ lệ "
            "phần trăm, phải từ 0 đến 100.",
            field="target_value",
        )
    return text


@transaction.atomic
def save_target(
    term: Term,
    *,
    actor,
    text,
    indicator,
    comparison,
    target_value,
    unit_label="",
    target=None,
    illustrative=False,
) -> Target:
    """Create a target (target=None) or update it."""
    access.require(actor, access.CHANGE, term.unit, NO_CHANGE)
    if comparison not in Comparison.values:
        raise DomainError(f"Phép so sánh «{comparison}» không hợp lệ.", field="comparison")
    text = _check_target(text, target_value, indicator)
    if target is not None and indicator is not None and target.manual_values.exists():
        raise DomainError(
            "Chỉ tiêu đã có số liệu nhập tay: xóa các số liệu đó trước khi gắn chỉ số.",
            field="indicator",
        )
    if target is None:
        target = Target(term=term, order=term.targets.count() + 1, illustrative=illustrative)
    target.text, target.indicator, target.comparison = text, indicator, comparison
    target.target_value, target.unit_label = target_value, (unit_label or "").strip()
    target.save()
    audit.record(actor, "target.save", target, unit=term.unit)
    return target


@transaction.atomic
def set_manual_value(target: Target, *, actor, year: int, value, note="") -> ManualValue:
    access.require(actor, access.CHANGE, target.term.unit, NO_CHANGE)
    if not target.is_manual:
        raise DomainError(
            f"Chỉ tiêu đo bằng chỉ số «{target.indicator.name}»: số liệu lấy từ báo cáo, "
            "không nhập tay.",
            field="value",
        )
    term = target.term
    if not term.start_year <= year <= term.end_year:
        raise DomainError(
            f"Năm {year}: ngoài nhiệm kỳ {term.start_year}–{term.end_year}.", field="year"
        )
    if year > timezone.localdate().year:
        raise DomainError(f"Năm {year}: chưa đến, chưa thể có số liệu.", field="year")
    if value is None:
        raise DomainError("Giá trị: không được để trống.", field="value")
    row, _ = ManualValue.objects.update_or_create(
        target=target, year=year, defaults={"value": value, "note": (note or "").strip()}
    )
    audit.record(actor, "target.manual_value", target, unit=term.unit, year=year, value=value)
    return row


@dataclass
class Measurement:
    year: int
    value: Decimal | None
    display: str
    status: str
    source: dict = field(default_factory=dict)

    @property
    def met(self) -> bool:
        return self.status == TargetStatus.MET


def status_of(target: Target, value) -> str:
    if value is None:
        return TargetStatus.NO_DATA
    met = COMPARE[Comparison(target.comparison)](value, target.target_value)
    return TargetStatus.MET if met else TargetStatus.NOT_MET


def display_value(target: Target, value) -> str:
    if target.indicator is not None and target.indicator.is_percent:
        return format_percent(value, target.indicator.decimals, target.indicator.rounding)
    if value is None:
        return "—"
    text = format_number(value.normalize() if isinstance(value, Decimal) else value)
    return f"{text}{target.unit_label}" if target.unit_label == "%" else text


class Measurer:
    """Measures targets year by year, one rollup per (form, unit, year) however many ask."""

    def __init__(self):
        self._rollups = {}

    def _rollup(self, form, unit, year):
        key = (form.pk, unit.pk, year)
        if key not in self._rollups:
            try:  # a year's collection may be the year's one campaign (reporting ADR 0007)
                period = resolve_period(form, str(year))
            except DomainError:
                period = None
            self._rollups[key] = rollup(form, unit, period) if period else None
        return self._rollups[key]

    def measure(self, target: Target, year: int) -> Measurement:
        term = target.term
        if target.is_manual:
            row = next((m for m in target.manual_values.all() if m.year == year), None)
            value = row.value if row else None
            source = {
                "what": "Số liệu nhập tay" + (f": {row.note}" if row and row.note else ""),
                "units": term.unit.code,
                "period": str(year),
            }
        else:
            indicator = target.indicator
            result = self._rollup(indicator.form, term.unit, year)
            value = result.indicators[indicator.code].value if result else None
            done = result.completeness if result else None
            counted = f" ({done.approved}/{done.expected} đơn vị đã duyệt)" if done else ""
            source = {
                "what": f"Chỉ số «{indicator.name}» (biểu mẫu {indicator.form.code}), "
                f"tổng hợp từ báo cáo đã duyệt{counted}",
                "units": f"{term.unit.code} (cây đơn vị hiệu lực cuối năm {year})",
                "period": str(year),
                "statuses": ["approved"],
                "url": _drilldown_url(indicator.form.code, year, term.unit.code),
            }
        return Measurement(
            year, value, display_value(target, value), status_of(target, value), source
        )

    def row(self, target: Target, years) -> list[Measurement]:
        return [self.measure(target, year) for year in years]


def _drilldown_url(form_code, year, unit_code) -> str:
    try:
        return reverse("reporting:drilldown", args=[form_code, str(year), unit_code])
    except NoReverseMatch:
        return ""


def latest(measurements: list[Measurement]) -> Measurement | None:
    """The last year with a value: the status a review reports."""
    with_value = [m for m in measurements if m.value is not None]
    return with_value[-1] if with_value else None
