"""Org-unit verbs. Reorganisation never moves a unit: it closes units and opens successors."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import IntegrityError, transaction

from tuyengiao.core import audit
from tuyengiao.core.errors import DomainError
from tuyengiao.core.text import format_date

from .choices import LineageKind, Role
from .models import Lineage, Membership, OrgUnit


@dataclass
class UnitSpec:
    code: str
    name: str
    kind: str
    short_name: str = ""
    illustrative: bool = False


def get_unit(code: str) -> OrgUnit:
    try:
        return OrgUnit.objects.get(code=code)
    except OrgUnit.DoesNotExist as exc:
        raise DomainError(f"Không có đơn vị mã «{code}».", field="code") from exc


def subtree_valid_on(unit: OrgUnit, date: dt.date, kind: str | None = None):
    """Units of `unit`'s subtree (itself included) valid on `date`."""
    units = OrgUnit.objects.subtree_of(unit).valid_on(date)
    return units.filter(kind=kind) if kind else units


@transaction.atomic
def create_unit(spec: UnitSpec, *, parent: OrgUnit | None, valid_from=None, actor) -> OrgUnit:
    if OrgUnit.objects.filter(code=spec.code).exists():
        raise DomainError(f"Mã đơn vị «{spec.code}» đã được dùng.", field="code")
    if parent is not None and valid_from and not parent.is_valid_on(valid_from):
        raise DomainError(
            f"Đơn vị cấp trên «{parent}» không còn hiệu lực vào ngày {format_date(valid_from)}.",
            field="parent",
        )
    fields = dict(
        code=spec.code,
        name=spec.name,
        short_name=spec.short_name,
        kind=spec.kind,
        valid_from=valid_from,
        illustrative=spec.illustrative,
    )
    try:
        if parent is None:
            unit = OrgUnit.add_root(**fields)
        else:
            parent.refresh_from_db()  # treebeard needs the current numchild
            unit = parent.add_child(**fields)
    except IntegrityError as exc:
        raise DomainError(f"Không tạo được đơn vị «{spec.code}»: {exc}") from exc
    audit.record(actor, "unit.create", unit, unit=unit)
    return unit


def _close(unit: OrgUnit, date: dt.date, actor) -> None:
    last_day = date - dt.timedelta(days=1)
    if not unit.is_valid_on(last_day):
        raise DomainError(
            f"Đơn vị «{unit}» không còn hiệu lực vào ngày {format_date(last_day)}, "
            "không thể sắp xếp lại."
        )
    closing = [unit, *OrgUnit.objects.subtree_of(unit).exclude(pk=unit.pk).valid_on(last_day)]
    for item in closing:
        item.valid_to = last_day
        item.save(update_fields=["valid_to", "search_text", "sort_name", "updated_at"])
    audit.record(actor, "unit.close", unit, unit=unit, valid_to=last_day)


@transaction.atomic
def merge_units(
    units: list[OrgUnit],
    into: UnitSpec | OrgUnit,
    *,
    parent: OrgUnit | None,
    date: dt.date,
    actor,
) -> OrgUnit:
    """Close `units` on the day before `date`; `into` (new or existing) succeeds them all."""
    if not units:
        raise DomainError("Cần ít nhất một đơn vị để hợp nhất.")
    successor = (
        into
        if isinstance(into, OrgUnit)
        else create_unit(into, parent=parent, valid_from=date, actor=actor)
    )
    for unit in units:
        _close(unit, date, actor)
        Lineage.objects.create(
            predecessor=unit, successor=successor, kind=LineageKind.MERGE, date=date
        )
    audit.record(
        actor,
        "unit.merge",
        successor,
        unit=successor,
        predecessors=[u.code for u in units],
        date=date,
    )
    return successor


@transaction.atomic
def split_unit(
    unit: OrgUnit, into: list[UnitSpec], *, parent: OrgUnit | None, date: dt.date, actor
) -> list[OrgUnit]:
    """Close `unit` on the day before `date` and open its successors."""
    if len(into) < 2:
        raise DomainError("Chia tách cần ít nhất hai đơn vị kế thừa.")
    _close(unit, date, actor)
    successors = []
    for spec in into:
        successor = create_unit(spec, parent=parent, valid_from=date, actor=actor)
        Lineage.objects.create(
            predecessor=unit, successor=successor, kind=LineageKind.SPLIT, date=date
        )
        successors.append(successor)
    audit.record(
        actor, "unit.split", unit, unit=unit, successors=[u.code for u in successors], date=date
    )
    return successors


def successors_of(unit: OrgUnit) -> list[OrgUnit]:
    return [link.successor for link in unit.successor_links.select_related("successor")]


def predecessors_of(unit: OrgUnit) -> list[OrgUnit]:
    return [link.predecessor for link in unit.predecessor_links.select_related("predecessor")]


@transaction.atomic
def add_membership(user, unit: OrgUnit, role: str, *, title: str = "", actor) -> Membership:
    if role not in Role.values:
        raise DomainError(f"Vai trò «{role}» không hợp lệ.", field="role")
    membership, _ = Membership.objects.get_or_create(
        user=user, unit=unit, role=role, defaults={"title": title}
    )
    audit.record(actor, "membership.add", membership, unit=unit, role=role)
    return membership
