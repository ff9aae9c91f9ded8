"""Form helpers shared by the apps' pages: Bootstrap classes and the Vietnamese number and
date inputs (ADR 0014) that every form uses instead of Django's and the browser's."""

import datetime as dt
from decimal import Decimal

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from . import numbers, text

MAX_INTEGER = 2**63 - 1  # the widest integer column (core.bounds)
DATE_FORMATS = ["%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"]
DATE_PLACEHOLDER = "dd/mm/yyyy"


class VNNumberInput(forms.TextInput):
    """A text box, not type=number: the browser neither rewrites "12.500" nor answers in
    its own language; the server reads the value with `numbers.read`."""

    def __init__(self, attrs=None, *, integer=True):
        base = {"inputmode": "numeric" if integer else "decimal", "autocomplete": "off"}
        super().__init__({**base, **(attrs or {})})
        self.integer = integer

    def format_value(self, value):
        if value is None or value == "":
            return None
        if isinstance(value, (int, Decimal, float)) and not isinstance(value, bool):
            number = text.to_decimal(value)
            return text.format_number(number.normalize() if not self.integer else number)
        return str(value)  # what the user typed, shown back as typed


class VNDateInput(forms.TextInput):
    """dd/mm/yyyy whatever the browser's language (type=date shows mm/dd/yyyy in English)."""

    def __init__(self, attrs=None):
        base = {"placeholder": DATE_PLACEHOLDER, "inputmode": "numeric", "autocomplete": "off"}
        super().__init__({**base, **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, dt.date):
            return value.strftime("%d/%m/%Y")
        return super().format_value(value)


class VNNumberField(forms.Field):
    """A number typed the Vietnamese way; every refusal names the field, the value typed and
    what was understood. Returns int (integer=True) or Decimal."""

    integer = False

    def __init__(
        self,
        *,
        min_value=None,
        max_value=None,
        max_digits=None,
        decimal_places=None,
        percent=False,
        **kwargs,
    ):
        self.min_value, self.max_value = min_value, max_value
        self.max_digits, self.decimal_places = max_digits, decimal_places
        self.percent = percent
        kwargs.setdefault("widget", VNNumberInput(integer=self.integer))
        kwargs.pop("localize", None)
        super().__init__(**kwargs)

    def _refuse(self, raw, reason):
        label = self.label or ""
        return forms.ValidationError(numbers.message(label, raw, reason), code="invalid")

    def to_python(self, value):
        if value in self.empty_values or (isinstance(value, str) and not value.strip()):
            return None
        try:
            number = numbers.read(value, integer=self.integer, percent=self.percent)
        except ValueError as exc:
            raise self._refuse(value, str(exc)) from exc
        if self.min_value is not None and number < self.min_value:
            raise self._refuse(
                value, f"nhỏ hơn giá trị tối thiểu {text.format_number(self.min_value)}"
            )
        if self.max_value is not None and number > self.max_value:
            raise self._refuse(value, f"vượt quá mức tối đa {text.format_number(self.max_value)}")
        if self.integer:
            if abs(number) > MAX_INTEGER:
                raise self._refuse(value, f"vượt quá mức tối đa {text.format_number(MAX_INTEGER)}")
            return int(number)
        places = -number.as_tuple().exponent if number.as_tuple().exponent < 0 else 0
        if self.decimal_places is not None and places > self.decimal_places:
            raise self._refuse(
                value, f"chỉ được ghi tối đa {self.decimal_places} chữ số sau dấu phẩy"
            )
        whole = len(str(abs(int(number)))) if int(number) else 0
        if (
            self.max_digits is not None
            and self.decimal_places is not None
            and whole > self.max_digits - self.decimal_places
        ):
            raise self._refuse(value, "quá lớn")
        return number


class VNIntegerField(VNNumberField):
    integer = True


class VNDecimalField(VNNumberField):
    integer = False


class VNDateField(forms.DateField):
    widget = VNDateInput

    def __init__(self, **kwargs):
        kwargs.setdefault("input_formats", DATE_FORMATS)
        kwargs.pop("localize", None)
        super().__init__(**kwargs)

    def to_python(self, value):
        if isinstance(value, str) and value.strip():
            try:
                return super().to_python(value.strip())
            except forms.ValidationError:
                raise forms.ValidationError(
                    f"«{capfirst(self.label or '')}»: «{value}» — không phải là ngày hợp lệ; "
                    "ghi theo dạng ngày/tháng/năm, ví dụ 10/02/2023.",
                    code="invalid",
                ) from None
        return super().to_python(value)


def _converted(field: forms.Field) -> forms.Field | None:
    """The Vietnamese equivalent of one of Django's number or date fields, else None."""
    common = {
        "required": field.required,
        "label": field.label,
        "initial": field.initial,
        "help_text": field.help_text,
        "disabled": field.disabled,
    }
    attrs = {k: v for k, v in field.widget.attrs.items() if k not in ("min", "max", "step", "type")}
    if isinstance(field, VNNumberField | VNDateField):
        return None
    if isinstance(field, forms.IntegerField) and not isinstance(field, forms.DecimalField):
        new = VNIntegerField(min_value=field.min_value, max_value=field.max_value, **common)
    elif isinstance(field, forms.DecimalField):
        new = VNDecimalField(
            min_value=field.min_value,
            max_value=field.max_value,
            max_digits=field.max_digits,
            decimal_places=field.decimal_places,
            **common,
        )
    elif isinstance(field, forms.FloatField):
        new = VNDecimalField(min_value=field.min_value, max_value=field.max_value, **common)
    elif isinstance(field, forms.DateField) and not isinstance(field, forms.DateTimeField):
        new = VNDateField(**common)
    else:
        return None
    new.widget.attrs.update(attrs)
    return new


def _column_max(form: forms.BaseForm, name: str) -> int | None:
    """The largest whole number the model column behind a ModelForm field can store."""
    from django.core.exceptions import FieldDoesNotExist

    from .bounds import INTEGER_MAX

    model = getattr(getattr(form, "_meta", None), "model", None)
    if model is None:
        return None
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    return INTEGER_MAX.get(field.get_internal_type())


def vietnamese_inputs(form: forms.BaseForm) -> forms.BaseForm:
    """Swap Django's number and date fields for the Vietnamese ones, keeping label, limits,
    initial value and the widget's classes. Called by `bootstrap` and the apps' `style`.
    A whole number is also held to its column's range, so the message names the real limit."""
    for name, field in list(form.fields.items()):
        _choose_not_dashes(field)
        new = _converted(field)
        if new is not None:
            if isinstance(new, VNIntegerField):
                column = _column_max(form, name)
                if column is not None and (new.max_value is None or column < new.max_value):
                    new.max_value = column
            form.fields[name] = new
    return form


DASHES = "---------"  # Django's empty choice (BLANK_CHOICE_DASH, ModelChoiceField.empty_label)


def _choose_not_dashes(field: forms.Field) -> None:
    """A select's empty choice reads «— Chọn —», not Django's "---------"."""
    if isinstance(field, forms.ModelChoiceField):
        if field.empty_label == DASHES:
            field.empty_label = _("— Choose —")
    elif isinstance(field, forms.ChoiceField):
        choices = list(field.choices)
        if any(label == DASHES for _value, label in choices):
            field.choices = [(v, _("— Choose —") if lab == DASHES else lab) for v, lab in choices]


def bootstrap(form: forms.BaseForm) -> None:
    """Give every widget its Bootstrap 5 class (selects, checkboxes and the rest differ)."""
    vietnamese_inputs(form)
    for field in form.fields.values():
        widget = field.widget
        if isinstance(widget, forms.Select):
            widget.attrs.setdefault("class", "form-select")
        elif not isinstance(widget, forms.CheckboxInput):
            widget.attrs.setdefault("class", "form-control")


def style(form: forms.BaseForm) -> forms.BaseForm:
    """Vietnamese number and date inputs and Bootstrap classes, checkboxes included (the
    record pages' forms and filter bars)."""
    vietnamese_inputs(form)
    for field in form.fields.values():
        widget = field.widget
        if isinstance(widget, forms.CheckboxInput):
            css = "form-check-input"
        elif isinstance(widget, forms.Select):
            css = "form-select"
        else:
            css = "form-control"
        widget.attrs.setdefault("class", css)
    return form


class Styled:
    """Mixin for a form: `class XForm(Styled, forms.ModelForm)` is styled as it is built."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style(self)
