"""Commendation verbs: the programme, its decision, and collective or individual recipients."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from tuyengiao.core import audit
from tuyengiao.core.errors import DomainError
from tuyengiao.core.text import format_number
from tuyengiao.orgs import access

from .models import Commendation, Recipient

FIELDS = ("name", "year", "unit", "decision", "conferred_on")
NO_CHANGE = "Bạn không có quyền ghi khen thưởng của đơn vị «{unit}»."


def _text(value, label, field, max_length, required=True) -> str:
    value = (value or "").strip()
    if required and not value:
        raise DomainError(f"{label}: không được để trống.", field=field)
    if len(value) > max_length:
        raise DomainError(f"{label}: dài {len(value)} ký tự, tối đa {max_length}.", field=field)
    return value


def _check(data: dict) -> dict:
    data = dict(data)
    data["name"] = _text(data.get("name"), "Tên đợt khen thưởng", "name", 300)
    year = data.get("year")
    this_year = timezone.localdate().year
    if not isinstance(year, int) or not 1930 <= year <= this_year:
        raise DomainError(f"Năm «{year}»: phải là năm từ 1930 đến {this_year}.", field="year")
    decision, unit = data.get("decision"), data["unit"]
    if decision is not None:
        if decision.type_code != "QĐ":
            raise DomainError(
                f"Quyết định khen thưởng «{decision}»: phải là văn bản loại QĐ (Quyết định), "
                f"không phải {decision.type_code}.",
                field="decision",
            )
        if decision.signed_on.year < year:
            raise DomainError(
                f"Quyết định «{decision}» ký năm {decision.signed_on.year}, trước năm {year} "
                "được khen thưởng.",
                field="decision",
            )
        if data.get("conferred_on") is None:
            data["conferred_on"] = decision.signed_on
    if data.get("conferred_on") and data["conferred_on"].year < year:
        raise DomainError(
            f"Ngày khen thưởng {data['conferred_on']:%d/%m/%Y}: không được trước năm {year}.",
            field="conferred_on",
        )
    _require_valid(unit, data.get("conferred_on"))
    return data


def _require_valid(unit, date):
    if date and not unit.is_valid_on(date):
        raise DomainError(
            f"Đơn vị khen thưởng «{unit}» không có hiệu lực vào ngày {date:%d/%m/%Y}.",
            field="unit",
        )


@transaction.atomic
def create_commendation(*, actor, illustrative=False, **data) -> Commendation:
    access.require(actor, access.CHANGE, data["unit"], NO_CHANGE)
    data = _check(data)
    commendation = Commendation.objects.create(
        illustrative=illustrative, **{k: data.get(k) for k in FIELDS}
    )
    audit.record(actor, "commendation.create", commendation)
    return commendation


@transaction.atomic
def update_commendation(commendation: Commendation, *, actor, **data) -> Commendation:
    access.require(actor, access.CHANGE, commendation.unit, NO_CHANGE)
    access.require(actor, access.CHANGE, data["unit"], NO_CHANGE)
    data = _check(data)
    for key in FIELDS:
        setattr(commendation, key, data.get(key))
    commendation.save()
    audit.record(actor, "commendation.update", commendation)
    return commendation


@transaction.atomic
def add_recipient(
    commendation: Commendation,
    *,
    actor,
    unit=None,
    name="",
    title="",
    unit_name="",
    reason="",
    illustrative=False,
) -> Recipient:
    """A collective (unit) or an individual (name): exactly one of the two."""
    access.require(actor, access.CHANGE, commendation.unit, NO_CHANGE)
    name = _text(name, "Họ và tên", "name", 200, required=False)
    if unit is None and not name:
        raise DomainError(
            "Người được khen thưởng: chọn một tập thể (đơn vị) hoặc nhập họ và tên cá nhân.",
            field="name",
        )
    if unit is not None and name:
        raise DomainError(
            f"Người được khen thưởng: chỉ chọn một trong hai — tập thể «{unit}» hoặc cá nhân "
            f"«{name}», không cả hai.",
            field="name",
        )
    if unit is not None and commendation.recipients.filter(unit=unit).exists():
        raise DomainError(f"Tập thể «{unit}» đã có trong đợt khen thưởng này.", field="unit")
    recipient = Recipient.objects.create(
        commendation=commendation,
        unit=unit,
        name=name,
        title=_text(title, "Chức vụ", "title", 300, required=False) if not unit else "",
        unit_name=_text(unit_name, "Đơn vị công tác", "unit_name", 300, required=False)
        if not unit
        else "",
        reason=_text(reason, "Thành tích", "reason", 2000, required=False),
        order=(commendation.recipients.aggregate(m=Max("order"))["m"] or 0) + 1,
        illustrative=illustrative,
    )
    audit.record(actor, "commendation.recipient_add", commendation, kind=recipient.kind)
    return recipient


RECIPIENT_FIELDS = ("unit_id", "name", "title", "unit_name", "reason", "order", "illustrative")


@transaction.atomic
def restore_recipient(commendation: Commendation, data: dict, *, actor) -> Recipient:
    """Undo of `remove_recipient`: the collective or individual comes back in its place."""
    access.require(actor, access.CHANGE, commendation.unit, NO_CHANGE)
    if data["unit_id"] and commendation.recipients.filter(unit_id=data["unit_id"]).exists():
        raise DomainError("Tập thể này đã có lại trong đợt khen thưởng.")
    recipient = Recipient.objects.create(
        commendation=commendation, **{name: data[name] for name in RECIPIENT_FIELDS}
    )
    audit.record(actor, "commendation.recipient_restore", commendation, recipient=str(recipient))
    return recipient


@transaction.atomic
def remove_recipient(recipient: Recipient, *, actor) -> None:
    commendation = recipient.commendation
    access.require(actor, access.CHANGE, commendation.unit, NO_CHANGE)
    label = str(recipient)
    recipient.delete()
    audit.record(actor, "commendation.recipient_remove", commendation, recipient=label)


def counts(commendation: Commendation) -> dict:
    """{"collectives": 5, "individuals": 10} for one programme, counted in SQL."""
    row = (
        Commendation.objects.filter(pk=commendation.pk)
        .with_counts()
        .values("n_collectives", "n_individuals")
        .get()
    )
    return {"collectives": row["n_collectives"], "individuals": row["n_individuals"]}


def summary(collectives: int, individuals: int) -> str:
    """«5 tập thể và 10 cá nhân», as the news report writes it."""
    return f"{format_number(collectives)} tập thể và {format_number(individuals)} cá nhân"
