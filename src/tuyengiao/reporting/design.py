"""Form design verbs for specialists (pages, not the Django admin).

Who: a user with the `admin` action on the form's owning unit (ADR 0011, the catalogue
rule): a ward's administrator cannot change the district's form.

Versions: once a form has submissions, nothing that would change a past figure is
edited in place (removing a field, changing its type or aggregation, changing or removing
an indicator). `new_version` copies the form (HT-NQ → HT-NQ.v2) with its fields, rules and
indicators; new collections use the copy, old submissions keep the form they were
reported on, and every rollup reads a submission's own form — past rollups stay
identical.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.db import transaction

from tuyengiao.core import audit
from tuyengiao.core.errors import DomainError, NotAllowed
from tuyengiao.orgs import access, catalogues

from . import expressions
from .models import Field, Form, Indicator, Submission, ValidationRule

FORM_CODE = re.compile(r"^[A-Z0-9][A-Z0-9.\-_]{0,39}$")
LOCKED = (
    "Biểu mẫu «{code}» đã có số liệu: {what} sẽ làm đổi số liệu đã báo cáo. Hãy tạo phiên bản mới."  # noqa: E501
)


def may_design(user) -> bool:
    return access.has_role_action(user, access.ADMIN)


def designable(user):
    """Forms the user may design: those owned by a unit the user administers."""
    if not may_design(user):
        return Form.objects.none()
    if user.is_superuser:
        return Form.objects.all()
    return Form.objects.filter(access.unit_q(user, access.ADMIN, "owner"))


def check_designer(actor, form: Form | None = None) -> None:
    if not may_design(actor):
        raise NotAllowed("Bạn không có quyền thiết kế biểu mẫu.")
    if form is not None:
        catalogues.require_change(actor, form, "Biểu mẫu")


def has_data(form: Form) -> bool:
    return Submission.objects.filter(form=form).exists()


def _full_clean(obj, exclude=None) -> None:
    try:
        obj.full_clean(exclude=exclude)
    except ValidationError as exc:
        messages = [m for items in exc.message_dict.values() for m in items]
        field = next(iter(exc.message_dict), None)
        raise DomainError(" ".join(messages), field=field) from exc


@transaction.atomic
def save_form(*, actor, form: Form | None = None, **data) -> Form:
    """Create a form, or change its name, deadline, approval settings and description.
    The period type of a form with data is kept."""
    check_designer(actor, form)
    creating = form is None
    form = form or Form()
    if "owner" in data:  # the new owner must be a unit the actor administers, too
        catalogues.require_change(
            actor, Form(code=data.get("code") or form.code, owner=data["owner"]), "Biểu mẫu"
        )
    code = (data.pop("code", None) or form.code or "").strip().upper()
    if creating and not FORM_CODE.match(code):
        raise DomainError(
            f"Mã biểu mẫu «{code}» chỉ gồm chữ in hoa không dấu, chữ số, «.», «-», «_».",
            field="code",
        )
    if creating and Form.objects.filter(code=code).exists():
        raise DomainError(f"Mã biểu mẫu «{code}» đã được dùng.", field="code")
    if (
        not creating
        and has_data(form)
        and data.get("period_type", form.period_type) != (form.period_type)
    ):
        raise DomainError(LOCKED.format(code=form.code, what="đổi loại kỳ"), field="period_type")
    form.code = code
    for name, value in data.items():
        setattr(form, name, value)
    _full_clean(form)
    form.save()
    audit.record(
        actor,
        "form.create" if creating else "form.change",
        form,
        unit=None,
        **{k: str(v) for k, v in data.items()},
    )
    return form


@transaction.atomic
def add_field(form: Form, *, actor, **data) -> Field:
    check_designer(actor, form)
    field = Field(form=form, order=form.fields.count() + 1, **data)
    _full_clean(field)
    if Field.objects.filter(form=form, code=field.code).exists():
        raise DomainError(f"Biểu mẫu đã có chỉ tiêu mã «{field.code}».", field="code")
    field.save()
    audit.record(actor, "form.field_add", form, unit=None, field=field.code)
    return field


@transaction.atomic
def remove_field(field: Field, *, actor) -> None:
    form = field.form
    check_designer(actor, form)
    if has_data(form):
        raise DomainError(LOCKED.format(code=form.code, what=f"xóa chỉ tiêu «{field.label}»"))
    used = [r for r in form.rules.all() if field.code in _names(r.left, r.right)] + [
        i for i in form.indicators.all() if field.code in _names(i.numerator, i.denominator)
    ]
    if used:
        raise DomainError(
            f"Chỉ tiêu «{field.label}» đang được dùng trong {len(used)} quy tắc hoặc chỉ số; "
            "hãy xóa chúng trước."
        )
    audit.record(actor, "form.field_remove", form, unit=None, field=field.code)
    field.delete()


def _names(*texts) -> set[str]:
    names = set()
    for text in texts:
        try:
            names |= expressions.parse(text).names
        except DomainError:
            continue
    return names


def check_expression(form: Form, text: str) -> str:
    """The Vietnamese verdict on one expression over the form's fields (the live check):
    raises DomainError naming the problem."""
    parsed = expressions.parse(text)
    expressions.check_names(
        parsed, set(form.fields.values_list("code", flat=True)), where=f"Biểu mẫu {form.code}"
    )
    labels = dict(form.fields.values_list("code", "label"))
    return "; ".join(f"{code} = «{labels[code]}»" for code in sorted(parsed.names))


@transaction.atomic
def add_rule(form: Form, *, actor, **data) -> ValidationRule:
    check_designer(actor, form)
    rule = ValidationRule(form=form, order=form.rules.count() + 1, **data)
    _full_clean(rule)
    rule.save()
    audit.record(actor, "form.rule_add", form, unit=None, rule=str(rule))
    return rule


@transaction.atomic
def remove_rule(rule: ValidationRule, *, actor) -> None:
    check_designer(actor, rule.form)
    audit.record(actor, "form.rule_remove", rule.form, unit=None, rule=str(rule))
    rule.delete()


@transaction.atomic
def add_indicator(form: Form, *, actor, **data) -> Indicator:
    check_designer(actor, form)
    indicator = Indicator(form=form, order=form.indicators.count() + 1, **data)
    _full_clean(indicator)
    if Indicator.objects.filter(form=form, code=indicator.code).exists():
        raise DomainError(f"Biểu mẫu đã có chỉ số mã «{indicator.code}».", field="code")
    indicator.save()
    audit.record(actor, "form.indicator_add", form, unit=None, indicator=indicator.code)
    return indicator


@transaction.atomic
def remove_indicator(indicator: Indicator, *, actor) -> None:
    form = indicator.form
    check_designer(actor, form)
    if has_data(form):
        raise DomainError(LOCKED.format(code=form.code, what=f"xóa chỉ số «{indicator.name}»"))
    audit.record(actor, "form.indicator_remove", form, unit=None, indicator=indicator.code)
    indicator.delete()


def _next_code(form: Form) -> str:
    base = re.sub(r"\.V\d+$", "", form.code)
    number = 2
    while Form.objects.filter(code=f"{base}.V{number}").exists():
        number += 1
    return f"{base}.V{number}"[:40]


@transaction.atomic
def new_version(form: Form, *, actor) -> Form:
    """Copy the form with its fields, rules and indicators under the next version code;
    the old one keeps its submissions and answers their rollups as before."""
    check_designer(actor, form)
    copy = Form.objects.get(pk=form.pk)
    copy.pk = copy.id = None
    copy.code = _next_code(form)
    copy.save()
    for model in (Field, ValidationRule, Indicator):
        items = list(model.objects.filter(form=form))
        for item in items:
            item.pk = item.id = None
            item.form = copy
        model.objects.bulk_create(items)
    audit.record(actor, "form.new_version", copy, unit=None, previous=form.code)
    return copy
