"""Checking what a unit reports: each field (type, required, min, max), then each rule.

Shared by the web form, the Excel import and the API, so one value gets the same
Vietnamese message everywhere. Messages name the field, the value and the rule.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from tuyengiao.core import numbers, text
from tuyengiao.core.errors import DomainError

from . import expressions
from .choices import FieldType, Operator, Severity

GENERAL = "__all__"  # errors of a rule over expressions that name no single field
MAX_WHOLE_DIGITS = 16  # Value.number is max_digits=20, decimal_places=4
_THOUSANDS_RE = re.compile(r"^-?\d{1,3}(\.\d{3})+$")

# What the values do when the rule is broken, as said of the left side.
VIOLATION = {
    Operator.LT: "không nhỏ hơn",
    Operator.LE: "lớn hơn",
    Operator.EQ: "khác",
    Operator.GE: "nhỏ hơn",
    Operator.GT: "không lớn hơn",
    Operator.NE: "bằng",
}
_COMPARE = {
    Operator.LT: lambda a, b: a < b,
    Operator.LE: lambda a, b: a <= b,
    Operator.EQ: lambda a, b: a == b,
    Operator.GE: lambda a, b: a >= b,
    Operator.GT: lambda a, b: a > b,
    Operator.NE: lambda a, b: a != b,
}


@dataclass
class CleanValue:
    number: Decimal | None = None
    text: str = ""

    @property
    def is_empty(self) -> bool:
        return self.number is None and not self.text


@dataclass
class Checked:
    values: dict[str, CleanValue] = field(default_factory=dict)
    errors: dict[str, list[str]] = field(default_factory=dict)
    warnings: dict[str, list[str]] = field(default_factory=dict)

    def add(self, target: dict, code: str, message: str) -> None:
        target.setdefault(code, []).append(message)


def plain(number: Decimal) -> str:
    """7200.0000 → '7.200', 2.5000 → '2,5': a value as the user would write it."""
    return text.format_number(number.normalize())


def parse_decimal(raw) -> Decimal:
    """6.513 / '6.513' / '6513' / '93,44' / '1.234,5' / '2.5' → Decimal. Raises ValueError."""
    if isinstance(raw, bool):
        raise ValueError(raw)
    if isinstance(raw, (int, Decimal, float)):
        number = text.to_decimal(raw)
    else:
        cleaned = str(raw).strip().replace("\u00a0", "").replace(" ", "")
        if "," in cleaned or _THOUSANDS_RE.match(cleaned):
            number = text.parse_number(cleaned)  # Vietnamese: dots group thousands
        else:
            try:
                number = Decimal(cleaned)
            except InvalidOperation as exc:
                raise ValueError(raw) from exc
    if not number.is_finite():
        raise ValueError(raw)
    return number


def clean_value(spec, raw) -> CleanValue:
    """One field's raw input → CleanValue, or DomainError naming field, value and rule."""
    label = spec.label
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        if spec.required:
            raise DomainError(f"«{label}»: chưa nhập (bắt buộc).", field=spec.code)
        return CleanValue()
    shown = raw if isinstance(raw, str) else text.format_number(raw)
    if spec.type in (FieldType.INTEGER, FieldType.DECIMAL):
        try:
            if isinstance(raw, str):
                # One reading for web, Excel text cells and API strings (core.numbers).
                number = numbers.read(raw, integer=spec.type == FieldType.INTEGER, percent=True)
            else:
                number = parse_decimal(raw)
        except ValueError as exc:
            reason = str(exc) if isinstance(raw, str) else "không phải là số"
            raise DomainError(numbers.message(label, shown, reason), field=spec.code) from exc
        if spec.type == FieldType.INTEGER and number != number.to_integral_value():
            raise DomainError(
                f"«{label}»: {plain(number)} không phải là số nguyên.",
                field=spec.code,
            )
        if abs(number) >= Decimal(10) ** MAX_WHOLE_DIGITS:
            raise DomainError(f"«{label}»: {shown} quá lớn.", field=spec.code)
        if spec.min_value is not None and number < spec.min_value:
            raise DomainError(
                f"«{label}»: {plain(number)} nhỏ hơn giá trị tối thiểu {plain(spec.min_value)}.",
                field=spec.code,
            )
        if spec.max_value is not None and number > spec.max_value:
            raise DomainError(
                f"«{label}»: {plain(number)} lớn hơn giá trị tối đa {plain(spec.max_value)}.",
                field=spec.code,
            )
        places = 0 if spec.type == FieldType.INTEGER else 4
        return CleanValue(number=number.quantize(Decimal(1).scaleb(-places)))
    if spec.type == FieldType.DATE:
        return CleanValue(text=_clean_date(spec, raw).isoformat())
    value = str(raw).strip()
    if spec.type == FieldType.CHOICE and value not in spec.choice_list:
        raise DomainError(
            f"«{label}»: «{value}» không nằm trong các lựa chọn: {', '.join(spec.choice_list)}.",
            field=spec.code,
        )
    if len(value) > 2000:
        raise DomainError(f"«{label}»: dài quá 2.000 ký tự.", field=spec.code)
    return CleanValue(text=value)


def _clean_date(spec, raw) -> dt.date:
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    value = str(raw).strip()
    for pattern in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    raise DomainError(
        f"«{spec.label}»: «{value}» không phải là ngày (dạng 10/02/2023).", field=spec.code
    )


class FormSpec:
    """A form's fields, parsed rules and indicators, loaded once per validation run."""

    def __init__(self, form, stamp=None):
        from . import spec_cache  # kept per (form, updated_at): issue 17

        if spec_cache.restore(self, form, stamp):
            return
        self.form = form
        self.fields = list(form.fields.all())
        self.by_code = {f.code: f for f in self.fields}
        self.rules = [
            (rule, expressions.parse(rule.left), expressions.parse(rule.right))
            for rule in form.rules.all()
        ]
        self.indicators = [
            (ind, expressions.parse(ind.numerator), expressions.parse(ind.denominator))
            for ind in form.indicators.all()
        ]
        spec_cache.keep(self, form)

    @property
    def wants_previous(self) -> bool:
        """Does any figure warn on its change since the previous period (outliers)?"""
        return any(f.change_warning_pct is not None for f in self.fields if f.is_numeric)

    def label_of(self, expression) -> str:
        code = expression.single_name
        return self.by_code[code].label if code in self.by_code else expression.text


def check(spec: FormSpec, raw_values: dict) -> Checked:
    """Every field, then every rule over the fields that passed. Unknown codes are errors."""
    result = Checked()
    for code in raw_values:
        if code not in spec.by_code:
            result.add(result.errors, GENERAL, f"Biểu mẫu không có chỉ tiêu mã «{code}».")
    for field_spec in spec.fields:
        try:
            result.values[field_spec.code] = clean_value(
                field_spec, raw_values.get(field_spec.code)
            )
        except DomainError as exc:
            result.add(result.errors, field_spec.code, exc.message)
    numbers = {code: value.number for code, value in result.values.items()}
    for rule, left, right in spec.rules:
        message = rule_violation(spec, rule, left, right, numbers)
        if message:
            target = result.errors if rule.severity == Severity.ERROR else result.warnings
            result.add(target, _rule_field(left, right, spec), message)
    return result


def rule_violation(spec: FormSpec, rule, left, right, numbers) -> str | None:
    """The rule's Vietnamese message when the values break it; None when they keep it
    or when a value it needs is missing (the required check reports that)."""
    a, b = left.evaluate(numbers), right.evaluate(numbers)
    if a is None or b is None or _COMPARE[rule.operator](a, b):
        return None
    context = {
        "left_label": spec.label_of(left),
        "right_label": spec.label_of(right),
        "left": plain(a),
        "right": plain(b),
        "operator": rule.get_operator_display(),
    }
    template = rule.message or "«{left_label}»: {left} " + VIOLATION[rule.operator] + (
        " «{right_label}» {right}."
    )
    try:
        return template.format(**context)
    except (KeyError, IndexError, ValueError):
        # A template with a wrong placeholder still says which rule failed.
        return f"{template} ({context['left']} {VIOLATION[rule.operator]} {context['right']})"


def _rule_field(left, right, spec) -> str:
    for expression in (left, right):
        for code in sorted(expression.names):
            if code in spec.by_code:
                return code
    return GENERAL


def indicator_value(indicator, numerator, denominator, numbers) -> Decimal | None:
    """numerator ÷ denominator × factor, rounded the indicator's way; None if undefined."""
    top, bottom = numerator.evaluate(numbers), denominator.evaluate(numbers)
    if top is None or bottom is None:
        return None
    return text.rate(
        top, bottom, factor=indicator.factor, decimals=indicator.decimals, mode=indicator.rounding
    )


def display_indicator(indicator, value) -> str:
    if indicator.factor == 100:
        return text.format_percent(value, indicator.decimals, indicator.rounding)
    return text.format_number(value, indicator.decimals, indicator.rounding)
