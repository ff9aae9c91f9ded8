"""Reorganisations as a unit's admin does them on screen: rename, close, open, merge, split.

Nothing moves (ADR 0002). A verb closes units (valid_to = the day before the effective
date, with their whole subtree) and opens successors, each linked by a Lineage row that
names the decision. Children that go on under a successor are reopened there as new units
(code + "-" + year), so every unit that has data keeps its path and every rollup of a
period before the date stays as it was.

`preview(verb, ...)` runs the verb in a transaction that is rolled back, and lists what it
did: the preview is the real outcome, not a second implementation of it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db import transaction

from tuyengiao.core import audit
from tuyengiao.core.errors import DomainError
from tuyengiao.core.models import AuditEvent

from . import access, services
from .choices import LineageKind
from .models import Lineage, OrgUnit
from .services import UnitSpec


@dataclass
class Decision:
    """Why and by which document (e.g. "Nghị quyết 1656/NQ-UBTVQH15")."""

    reason: str = ""
    document: str = ""

    @property
    def note(self) -> str:
        return " — ".join(p for p in [self.document.strip(), self.reason.strip()] if p)[:300]


def _require_admin(actor, *units: OrgUnit | None) -> None:
    for unit in units:
        if unit is not None:
            access.require(
                actor, access.ADMIN, unit, "Bạn không có quyền quản trị đơn vị «{unit}»."
            )
    if units and all(u is None for u in units) and not actor.is_superuser:
        raise DomainError("Chỉ quản trị toàn hệ thống được tạo đơn vị cấp cao nhất.")


def _check_date(date) -> None:
    if not isinstance(date, dt.date):
        raise DomainError("Cần ngày hiệu lực (dd/mm/yyyy).", field="date")


def _free_code(code: str, year: int) -> str:
    candidate, n = f"{code}-{year}", 1
    while OrgUnit.objects.filter(code=candidate).exists():
        n += 1
        candidate = f"{code}-{year}-{n}"
    return candidate


def _open_children(children, new_parent: OrgUnit, date, note: str, actor) -> None:
    """Reopen `children` (with their own open children) under `new_parent` from `date`."""
    last_day = date - dt.timedelta(days=1)
    for child in children:
        grandchildren = list(OrgUnit.objects.children_of(child).valid_on(last_day))
        copy = services.create_unit(
            UnitSpec(
                _free_code(child.code, date.year),
                child.name,
                child.kind,
                child.short_name,
                child.illustrative,
            ),
            parent=new_parent,
            valid_from=date,
            actor=actor,
        )
        Lineage.objects.create(
            predecessor=child, successor=copy, kind=LineageKind.MERGE, date=date, note=note
        )
        _open_children(grandchildren, copy, date, note, actor)


def _open_children_of(unit: OrgUnit, date) -> list[OrgUnit]:
    return list(OrgUnit.objects.children_of(unit).valid_on(date - dt.timedelta(days=1)))


@transaction.atomic
def rename_unit(unit, *, code: str, name: str, short_name: str = "", date, decision, actor):
    """A new name from `date`: the unit closes and a successor (new code) takes its children."""
    _check_date(date)
    parent = unit.get_parent()
    _require_admin(actor, unit)
    if not name.strip():
        raise DomainError("Tên mới không được để trống.", field="name")
    children = _open_children_of(unit, date)
    services._close(unit, date, actor)
    successor = services.create_unit(
        UnitSpec(code.strip(), name.strip(), unit.kind, short_name.strip(), unit.illustrative),
        parent=parent,
        valid_from=date,
        actor=actor,
    )
    Lineage.objects.create(
        predecessor=unit,
        successor=successor,
        kind=LineageKind.RENAME,
        date=date,
        note=decision.note,
    )
    _open_children(children, successor, date, decision.note, actor)
    audit.record(
        actor, "unit.rename", successor, unit=successor, old=unit.code, **_why(decision, date)
    )
    return successor


@transaction.atomic
def close_unit(unit, *, date, decision, actor) -> None:
    _check_date(date)
    _require_admin(actor, unit)
    services._close(unit, date, actor)
    audit.record(actor, "unit.dissolve", unit, unit=unit, **_why(decision, date))


@transaction.atomic
def open_unit(spec: UnitSpec, *, parent, date, decision, actor) -> OrgUnit:
    _check_date(date)
    _require_admin(actor, parent)
    unit = services.create_unit(spec, parent=parent, valid_from=date, actor=actor)
    audit.record(actor, "unit.open", unit, unit=unit, **_why(decision, date))
    return unit


@transaction.atomic
def merge(units, into: UnitSpec | OrgUnit, *, parent, date, decision, actor, carry_children=True):
    """Several units into one new (`UnitSpec`, under `parent`) or existing unit."""
    _check_date(date)
    if len({u.pk for u in units}) != len(units) or not units:
        raise DomainError("Chọn ít nhất một đơn vị, mỗi đơn vị một lần.", field="units")
    existing = into if isinstance(into, OrgUnit) else None
    _require_admin(actor, *units, existing if existing else parent)
    if existing is not None:
        if existing in units:
            raise DomainError(f"«{existing}» vừa bị hợp nhất vừa nhận hợp nhất.", field="into")
        if not existing.is_valid_on(date):
            raise DomainError(
                f"Đơn vị nhận «{existing}» không có hiệu lực vào ngày đó.", field="into"
            )
    children = {u.pk: _open_children_of(u, date) for u in units} if carry_children else {}
    successor = services.merge_units(units, into, parent=parent, date=date, actor=actor)
    Lineage.objects.filter(successor=successor, date=date).update(note=decision.note)
    for unit in units:
        _open_children(children.get(unit.pk, []), successor, date, decision.note, actor)
    audit.record(actor, "unit.reorganise", successor, unit=successor, **_why(decision, date))
    return successor


@transaction.atomic
def split(unit, into: list[UnitSpec], *, date, decision, actor, children: dict | None = None):
    """One unit into several under its parent; `children` maps a new code to the codes of
    the children it receives (children given to nobody close with the unit)."""
    _check_date(date)
    parent = unit.get_parent()
    _require_admin(actor, unit, parent)
    open_children = {c.code: c for c in _open_children_of(unit, date)}
    children = children or {}
    given = [code for codes in children.values() for code in codes]
    if unknown := [c for c in given if c not in open_children]:
        raise DomainError(
            f"«{', '.join(unknown)}» không phải đơn vị trực thuộc «{unit}».", field="children"
        )
    if len(given) != len(set(given)):
        raise DomainError("Mỗi đơn vị trực thuộc chỉ về một đơn vị mới.", field="children")
    if stray := set(children) - {s.code for s in into}:
        raise DomainError(f"Không có đơn vị mới mã «{', '.join(sorted(stray))}».", field="children")
    successors = services.split_unit(unit, into, parent=parent, date=date, actor=actor)
    Lineage.objects.filter(predecessor=unit, date=date).update(note=decision.note)
    for successor in successors:
        chosen = [open_children[c] for c in children.get(successor.code, [])]
        _open_children(chosen, successor, date, decision.note, actor)
    audit.record(actor, "unit.reorganise", unit, unit=unit, **_why(decision, date))
    return successors


def _why(decision: Decision, date) -> dict:
    return {"date": date, "reason": decision.reason, "document": decision.document}


@dataclass
class Preview:
    closed: list[OrgUnit] = field(default_factory=list)
    opened: list[OrgUnit] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)


class _Rollback(Exception):
    pass


def preview(verb, *args, **kwargs) -> Preview:
    """What `verb(*args, **kwargs)` would do, done and then rolled back."""
    return apply(verb, *args, _rollback=True, **kwargs)


def apply(verb, *args, _rollback=False, **kwargs) -> Preview:
    """Do `verb(*args, **kwargs)` and list what it closed, opened and linked."""
    result = Preview()
    last_event = AuditEvent.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    last_link = Lineage.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    try:
        with transaction.atomic():
            verb(*args, **kwargs)
            events = AuditEvent.objects.filter(pk__gt=last_event, object_type="orgs.orgunit")
            ids: dict[str, list[int]] = {"unit.create": [], "unit.close": []}
            for event in events:
                if event.verb in ids:
                    ids[event.verb].append(int(event.object_id))
            result.opened = list(OrgUnit.objects.filter(pk__in=ids["unit.create"]).order_by("path"))
            result.closed = [
                unit
                for root in OrgUnit.objects.filter(pk__in=ids["unit.close"]).order_by("path")
                for unit in OrgUnit.objects.subtree_of(root).filter(valid_to=root.valid_to)
            ]
            result.links = list(
                Lineage.objects.filter(pk__gt=last_link)
                .order_by("pk")
                .values_list("predecessor__code", "successor__code")
            )
            if _rollback:
                raise _Rollback
    except _Rollback:
        pass
    return result
