"""Totals kept in step (issue 17): rollups above the leaf level read one row per status and
field instead of scanning every value of the year.

Design: a unit's rows are its own counted report (if the unit is valid on the period's
last day) plus its children's rows. A change to one unit's report or assignment recomputes
that unit and its ancestors bottom-up — a handful of rows each, never the whole subtree —
in the transaction of the verb that made it. Nothing is updated by adding a difference, so
nothing drifts: every refreshed row is a fresh sum of exact figures.

Hooks: single saves of a submission, an assignment or a unit's validity arrive through
post_save/post_delete (apps.py), so every verb that saves one object is covered wherever
it lives; bulk verbs call `refresh_units` (save_many, assign_form) or run `@batched`
(approve_all_valid), which gathers the units and refreshes them once at the end.
`rebuild` recomputes a form and period from the values; `differences` compares.
"""

from __future__ import annotations

import functools
import threading
from collections import defaultdict
from decimal import Decimal

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from tuyengiao.orgs import access
from tuyengiao.orgs.models import OrgUnit, ancestor_paths, parent_path

from .choices import SubmissionStatus
from .models import Assignment, Submission, Total, Value

S = SubmissionStatus
COUNTED = (S.SUBMITTED, S.APPROVED)
ASSIGNED = "assigned"
CHUNK = 500

# key: (status, level, field_id or None); value: [total, count, maximum, on_time]
Key = tuple[str, int, int | None]


def _has_level() -> bool:
    return any(f.name == "approved_level" for f in Submission._meta.concrete_fields)


def _add(into: dict, key: Key, total, count: int, maximum, on_time: int) -> None:
    row = into.get(key)
    if row is None:
        into[key] = [total, count, maximum, on_time]
        return
    if total is not None:
        row[0] = total if row[0] is None else row[0] + total
    row[1] += count
    if maximum is not None and (row[2] is None or maximum > row[2]):
        row[2] = maximum
    row[3] += on_time


def _chunks(items, size=CHUNK):
    items = list(items)
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _valid(unit: dict, date) -> bool:
    return (unit["valid_from"] is None or unit["valid_from"] <= date) and (
        unit["valid_to"] is None or unit["valid_to"] >= date
    )


def _chain(unit_ids, paths_known=()) -> dict[str, dict]:
    """The units and all their ancestors, by path (`paths_known`: the units' own paths,
    when the caller has them, saving a look-up)."""
    paths: set[str] = set()
    own_paths = list(paths_known)
    if not own_paths:
        for chunk in _chunks(unit_ids):
            own_paths += OrgUnit.objects.filter(pk__in=chunk).values_list("path", flat=True)
    for path in own_paths:
        paths.update(ancestor_paths(path))
    columns = ("id", "path", "depth", "numchild", "valid_from", "valid_to")
    chain = {}
    for chunk in _chunks(paths):
        for unit in OrgUnit.objects.filter(path__in=chunk).order_by().values(*columns):
            chain[unit["path"]] = unit
    return chain


def _own(form_id, period, units: list[dict]) -> dict[int, dict]:
    """Each unit's own counted report and assignment, {unit_id: {key: row}}."""
    date = period.reference_date
    ids = [u["id"] for u in units if _valid(u, date)]
    own: dict[int, dict] = defaultdict(dict)
    level = ["approved_level"] if _has_level() else []
    for chunk in _chunks(ids):
        deadlines = dict(
            Assignment.objects.filter(form_id=form_id, period=period, unit_id__in=chunk)
            .order_by()
            .values_list("unit_id", "deadline")
        )
        for unit_id in deadlines:
            _add(own[unit_id], (ASSIGNED, 0, None), None, 1, None, 0)
        subs = {}
        for row in (
            Submission.objects.filter(
                form_id=form_id, period=period, unit_id__in=chunk, status__in=COUNTED
            )
            .order_by()
            .values_list("id", "unit_id", "status", "first_submitted_at", *level)
        ):
            pk, unit_id, status, first_sent = row[:4]
            key = (status, row[4] if level else 0)
            subs[pk] = (unit_id, key)
            deadline = deadlines.get(unit_id)
            on_time = int(
                first_sent is not None
                and deadline is not None
                and timezone.localdate(first_sent) <= deadline
            )
            _add(own[unit_id], (*key, None), None, 1, None, on_time)
        for sub_chunk in _chunks(subs):
            for sub_id, field_id, number in (
                Value.objects.filter(submission_id__in=sub_chunk)
                .order_by()
                .values_list("submission_id", "field_id", "number")
            ):
                unit_id, key = subs[sub_id]
                _add(own[unit_id], (*key, field_id), number, int(number is not None), number, 0)
    return own


def _external_children(form_id, period, chain: dict[str, dict]) -> list[tuple]:
    """Stored rows of the children of chain units that are not in the chain themselves."""
    parents = [u for u in chain.values() if u["numchild"]]
    in_chain = {u["id"] for u in chain.values()}
    rows = []
    # Every depth in one statement per 200 parents (a single save: one statement).
    for chunk in _chunks(parents, 200):
        where = Q()
        for parent in chunk:
            where |= access.subtree_q(parent["path"], "unit") & Q(unit__depth=parent["depth"] + 1)
        rows.extend(
            row
            for row in Total.objects.filter(where, form_id=form_id, period=period)
            .order_by()
            .values_list(
                "unit_id",
                "unit__path",
                "status",
                "level",
                "field_id",
                "total",
                "count",
                "maximum",
                "on_time",
            )
            if row[0] not in in_chain
        )
    return rows


def _compute(form_id, period, chain: dict[str, dict], *, external=True) -> dict[int, dict]:
    """{unit_id: {key: row}} for every unit of the chain, bottom-up."""
    acc: dict[str, dict] = defaultdict(dict)
    path_of = {u["id"]: p for p, u in chain.items()}
    for unit_id, rows in _own(form_id, period, list(chain.values())).items():
        acc[path_of[unit_id]].update(rows)
    if external:
        for (
            _uid,
            path,
            status,
            level,
            field_id,
            total,
            count,
            maximum,
            on_time,
        ) in _external_children(form_id, period, chain):
            parent = parent_path(path)
            _add(acc[parent], (status, level, field_id), total, count, maximum, on_time)
    result = {}
    for path in sorted(chain, key=len, reverse=True):
        rows = acc.get(path, {})
        result[chain[path]["id"]] = rows
        parent = parent_path(path)
        if parent in chain:
            for key, (total, count, maximum, on_time) in rows.items():
                _add(acc[parent], key, total, count, maximum, on_time)
    return result


def _write(form_id, period, computed: dict[int, dict]) -> None:
    for chunk in _chunks(computed):
        Total.objects.filter(form_id=form_id, period=period, unit_id__in=chunk).delete()
    Total.objects.bulk_create(
        [
            Total(
                form_id=form_id,
                period=period,
                unit_id=unit_id,
                status=status,
                level=level,
                field_id=field_id,
                total=total,
                count=count,
                maximum=maximum,
                on_time=on_time,
            )
            for unit_id, rows in computed.items()
            for (status, level, field_id), (total, count, maximum, on_time) in rows.items()
        ],
        batch_size=2000,
    )


# --- keeping in step ------------------------------------------------------------------------

_local = threading.local()


def refresh_units(form, period, unit_ids, *, paths=()) -> None:
    """Recompute the units' rows and their ancestors' for the form and period (`paths`:
    the units' paths, when the caller has them)."""
    form_id = getattr(form, "pk", form)
    unit_ids = set(unit_ids)
    if not unit_ids:
        return
    pending = getattr(_local, "pending", None)
    if pending is not None:
        pending[(form_id, period.pk)][1].update(unit_ids)
        pending[(form_id, period.pk)][0] = period
        return
    if transaction.get_connection().in_atomic_block:  # the verb's own transaction
        _write(form_id, period, _compute(form_id, period, _chain(unit_ids, paths)))
        return
    with transaction.atomic():
        _write(form_id, period, _compute(form_id, period, _chain(unit_ids, paths)))


def refresh(submission, *, values_only=False) -> None:
    """After a change to one submission (its status, or with `values_only` its figures)."""
    if values_only and submission.status not in COUNTED:
        return  # figures of a report nobody counts yet: no total moves
    unit = submission._state.fields_cache.get("unit")  # loaded already: no look-up
    paths = [unit.path] if unit is not None and unit.pk == submission.unit_id else ()
    refresh_units(submission.form_id, submission.period, [submission.unit_id], paths=paths)


def batched(function):
    """Run `function` gathering the refreshes it causes; do them once at its end."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        outer = getattr(_local, "pending", None)
        if outer is not None:
            return function(*args, **kwargs)
        _local.pending = defaultdict(lambda: [None, set()])
        try:
            result = function(*args, **kwargs)
            pending = _local.pending
        finally:
            _local.pending = None
        for (form_id, _period_id), (period, unit_ids) in pending.items():
            refresh_units(form_id, period, unit_ids)
        return result

    return wrapper


def refresh_unit_everywhere(unit_id) -> None:
    """A unit's validity changed (a reorganisation): every form and period it reports."""
    pairs = set(
        Assignment.objects.filter(unit_id=unit_id).values_list("form_id", "period_id")
    ) | set(Submission.objects.filter(unit_id=unit_id).values_list("form_id", "period_id"))
    periods = _periods({p for _f, p in pairs})
    for form_id, period_id in pairs:
        refresh_units(form_id, periods[period_id], [unit_id])


def _periods(ids):
    from .models import Period

    return {p.pk: p for p in Period.objects.filter(pk__in=ids)}


# --- rebuilding and checking ----------------------------------------------------------------


def _contributors(form_id, period) -> set[int]:
    return set(
        Assignment.objects.filter(form_id=form_id, period=period).values_list("unit_id", flat=True)
    ) | set(
        Submission.objects.filter(form_id=form_id, period=period, status__in=COUNTED).values_list(
            "unit_id", flat=True
        )
    )


def expected(form_id, period) -> dict[int, dict]:
    """The rows recomputed from the values alone (no stored row read)."""
    chain = _chain(_contributors(form_id, period))
    return {
        unit_id: rows
        for unit_id, rows in _compute(form_id, period, chain, external=False).items()
        if rows
    }


def stored(form_id, period) -> dict[int, dict]:
    result: dict[int, dict] = defaultdict(dict)
    for unit_id, status, level, field_id, total, count, maximum, on_time in (
        Total.objects.filter(form_id=form_id, period=period)
        .order_by()
        .values_list(
            "unit_id", "status", "level", "field_id", "total", "count", "maximum", "on_time"
        )
    ):
        result[unit_id][(status, level, field_id)] = [total, count, maximum, on_time]
    return dict(result)


def _same(a, b) -> bool:
    def norm(row):
        return [None if v is None else Decimal(v).normalize() for v in row]

    return norm(a) == norm(b)


def differences(form_id, period) -> list[str]:
    """Every stored row that is not what the values give, described."""
    want, have = expected(form_id, period), stored(form_id, period)
    problems = []
    for unit_id in sorted(set(want) | set(have)):
        rows_want, rows_have = want.get(unit_id, {}), have.get(unit_id, {})
        for key in sorted(set(rows_want) | set(rows_have), key=str):
            a, b = rows_want.get(key), rows_have.get(key)
            if a is None or b is None or not _same(a, b):
                problems.append(f"unit {unit_id} {key}: stored {b}, from the values {a}")
    return problems


@transaction.atomic
def rebuild(form_id, period) -> int:
    """Recompute every row of the form and period from the values; the number of rows."""
    form_id = getattr(form_id, "pk", form_id)
    Total.objects.filter(form_id=form_id, period=period).delete()
    computed = expected(form_id, period)
    _write(form_id, period, computed)
    return sum(len(rows) for rows in computed.values())


def pairs():
    """Every (form id, period) anyone was assigned or reported."""
    found = set(Assignment.objects.values_list("form_id", "period_id")) | set(
        Submission.objects.values_list("form_id", "period_id")
    )
    periods = _periods({p for _f, p in found})
    return sorted(((f, periods[p]) for f, p in found), key=lambda fp: (fp[0], fp[1].code))


# --- reading --------------------------------------------------------------------------------


def _counted(status, level, statuses, wanted_level) -> bool:
    return status in statuses or bool(wanted_level and level >= wanted_level)


def read(form, units, period, statuses, level=None) -> dict[int, tuple[dict, tuple]]:
    """{unit_id: ({field_id: {"total", "average", "maximum"}}, (expected, submitted,
    approved, on_time))} for the subtrees of `units`, from the kept rows."""
    ids = [u.pk for u in units]
    fields: dict[int, dict] = {pk: {} for pk in ids}
    counters = {pk: [0, 0, 0, 0] for pk in ids}
    rows = (
        Total.objects.filter(form=form, period=period, unit_id__in=ids)
        .order_by()
        .values_list(
            "unit_id", "status", "level", "field_id", "total", "count", "maximum", "on_time"
        )
    )
    sums: dict[int, dict] = {pk: {} for pk in ids}
    for unit_id, status, row_level, field_id, total, count, maximum, on_time in rows:
        if status == ASSIGNED:
            counters[unit_id][0] += count
            continue
        if field_id is None:
            counters[unit_id][1] += count  # submitted or approved
            if status == S.APPROVED or (level and row_level >= level):
                counters[unit_id][2] += count
            if _counted(status, row_level, statuses, level):
                counters[unit_id][3] += on_time
            continue
        if _counted(status, row_level, statuses, level):
            _add(sums[unit_id], field_id, total, count, maximum, 0)
    for unit_id, by_field in sums.items():
        for field_id, (total, count, maximum, _on) in by_field.items():
            fields[unit_id][field_id] = {
                "total": total,
                "average": None if total is None or not count else total / count,
                "maximum": maximum,
            }
    return {pk: (fields[pk], tuple(counters[pk])) for pk in ids}


def reads(unit) -> bool:
    """Rollups of units with children read the kept totals; a leaf reads its own values."""
    return bool(getattr(unit, "numchild", 0))


def form_code(form_id) -> str:
    from .models import Form

    return Form.objects.filter(pk=form_id).values_list("code", flat=True).first() or "?"
