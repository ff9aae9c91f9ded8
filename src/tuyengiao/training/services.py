"""Training-class verbs and the yearly totals per kind (sums in SQL, one rate per kind)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.db.models import Count, Sum

from tuyengiao.core import audit
from tuyengiao.core.errors import ValidationFailed
from tuyengiao.core.text import format_date, rate
from tuyengiao.orgs import access, catalogues

from . import rules
from .models import TrainingClass, TrainingKind

EDITABLE = [
    "kind",
    "name",
    "unit",
    "start_date",
    "end_date",
    "place",
    "target_group",
    *rules.COUNT_FIELDS,
]


def _check(actor, data: dict) -> None:
    unit = data.get("unit")
    if unit is not None:
        access.require(
            actor, access.CHANGE, unit, "Bạn không có quyền ghi lớp bồi dưỡng của đơn vị «{unit}»."
        )
    errors = rules.check(data)
    start = data.get("start_date")
    if unit is not None and start and not unit.is_valid_on(start):
        errors.setdefault("unit", []).append(
            f"Đơn vị tổ chức «{unit}» không có hiệu lực vào ngày bắt đầu ({format_date(start)})."
        )
    if errors:
        raise ValidationFailed(errors)


@transaction.atomic
def create_class(*, actor, illustrative: bool = False, **data) -> TrainingClass:
    _check(actor, data)
    training_class = TrainingClass.objects.create(
        illustrative=illustrative, **{k: v for k, v in data.items() if k in EDITABLE}
    )
    audit.record(actor, "training_class.create", training_class, **_counts(training_class))
    return training_class


@transaction.atomic
def update_class(training_class: TrainingClass, *, actor, **data) -> TrainingClass:
    # The old unit must be in the actor's scope too: moving a class out of reach is editing it.
    access.require(
        actor, access.CHANGE, training_class.unit, f"Bạn không có quyền sửa lớp «{training_class}»."
    )
    merged = {field: getattr(training_class, field) for field in EDITABLE}
    merged.update({k: v for k, v in data.items() if k in EDITABLE})
    _check(actor, merged)
    changed = {k: v for k, v in merged.items() if getattr(training_class, k) != v}
    for field, value in merged.items():
        setattr(training_class, field, value)
    training_class.save()
    audit.record(actor, "training_class.update", training_class, changed=sorted(changed))
    return training_class


def _counts(training_class):
    return {f: getattr(training_class, f) for f in rules.COUNT_FIELDS}


@dataclass
class KindTotal:
    kind: TrainingKind
    classes: int
    planned: int
    attended: int
    completed: int

    @property
    def rate(self) -> Decimal | None:
        """attended ÷ planned of the summed counts, rounded as the kind says."""
        return rate(
            self.attended, self.planned, decimals=self.kind.decimals, mode=self.kind.rounding
        )


def yearly_totals(classes, year: int) -> list[KindTotal]:
    """Totals per kind of `classes` (a queryset, already scoped) starting in `year`."""
    rows = (
        classes.in_year(year)
        .order_by()
        .values("kind")
        .annotate(
            n=Count("pk"),
            planned_sum=Sum("planned"),
            attended_sum=Sum("attended"),
            completed_sum=Sum("completed"),
        )
    )
    kinds = TrainingKind.objects.in_bulk([row["kind"] for row in rows])
    totals = [
        KindTotal(
            kinds[row["kind"]],
            row["n"],
            row["planned_sum"] or 0,
            row["attended_sum"] or 0,
            row["completed_sum"] or 0,
        )
        for row in rows
    ]
    return sorted(totals, key=lambda total: total.kind.sort_name)


def unit_yearly_totals(unit, year: int) -> list[KindTotal]:
    """Totals over the classes organised by `unit` and every unit below it."""
    return yearly_totals(TrainingClass.objects.in_subtree(unit), year)


KIND_AUDITED = ("code", "name", "decimals", "rounding", "owner")


@transaction.atomic
def save_kind(form, *, actor) -> TrainingKind:
    """Kinds are shared by every unit and owned by the one that defined them: only its
    administrators (or those above) change a kind, and they give it to a unit they administer.
    The audit row keeps each changed value before and after."""
    created = form.instance.pk is None
    if not created:
        stored = TrainingKind.objects.select_for_update().get(pk=form.instance.pk)
        catalogues.require_change(actor, stored, "Loại lớp")
        before = {f: str(getattr(stored, f) or "") for f in KIND_AUDITED}
    else:
        before = {}
    catalogues.require_change(actor, form.instance, "Loại lớp")  # the new owner too
    kind = form.save()
    after = {f: str(getattr(kind, f) or "") for f in KIND_AUDITED}
    audit.record(
        actor,
        "training_kind.create" if created else "training_kind.update",
        kind,
        unit=kind.owner,
        changes=audit.changes(before, after),
    )
    return kind
