"""Many units' figures in one request (an integration posting 500 units), each with its
own result and Vietnamese messages; one unit's mistake never blocks or half-saves another.

Set-based (issue 17): per batch of units, one transaction locks and checks every unit
(services.prepare: right, assignment, state, every figure and rule), then writes the units
that passed with a few statements for the whole batch (services.write_batch). A unit that
fails a check is left out before anything is written, so its rows are none and the others'
are all. Should the database refuse a batch's writes anyway (a unique row inserted by
someone else meanwhile), that batch is rolled back whole and saved again unit by unit,
each in its own transaction, as before."""

from __future__ import annotations

from django.db import DatabaseError, transaction

from tuyengiao.core.errors import DomainError, ValidationFailed
from tuyengiao.orgs.models import OrgUnit

from . import services
from .choices import ValuePath

MAX_ITEMS = 1000


def save_each(
    form, period, items: list[dict], *, actor, submit: bool = False, path=ValuePath.API
) -> list[dict]:
    """`items`: [{"unit": code, "values": {...}}]. Returns, in the same order,
    {"unit", "ok", "id", "status"} or {"unit", "ok": False, "detail", "errors"}."""
    if len(items) > MAX_ITEMS:
        raise DomainError(
            f"Gửi {len(items):,} đơn vị một lần là quá nhiều; tối đa {MAX_ITEMS:,}.".replace(
                ",", "."
            ),
            field="items",
        )
    codes = [str(item.get("unit") or "") for item in items]
    # A unit outside the user's scope reads exactly like one that does not exist.
    units = {u.code: u for u in OrgUnit.objects.visible_to(actor).filter(code__in=codes)}
    seen: set[str] = set()
    results: list[dict | None] = []
    rows: dict = {}  # unit: (index, values)
    for code, item in zip(codes, items, strict=True):
        problem = _first_look(code, units.get(code), item, seen)
        results.append(problem)
        if problem is None:
            rows[units[code]] = (len(results) - 1, item["values"])
    chosen = list(rows)
    for start in range(0, len(chosen), BATCH):
        chunk = {unit: rows[unit] for unit in chosen[start : start + BATCH]}
        try:
            with transaction.atomic():
                done = _batch(form, period, chunk, actor, submit, path)
        except DatabaseError:
            done = {
                unit: _one(form, period, unit, values, actor, submit, path)
                for unit, (_index, values) in chunk.items()
            }
        for unit, result in done.items():
            results[chunk[unit][0]] = result
    return results


BATCH = 500


def _first_look(code, unit, item, seen) -> dict | None:
    if code in seen:
        return _failed(code, f"Đơn vị «{code}» có hai lần trong cùng một yêu cầu.")
    seen.add(code)
    if unit is None:
        return _failed(code, f"Không tìm thấy đơn vị «{code}» trong phạm vi của bạn.")
    if not isinstance(item.get("values"), dict):
        return _failed(code, f"«{code}»: thiếu «values» (một đối tượng {{mã chỉ tiêu: số}}).")
    return None


def _batch(form, period, chunk, actor, submit, path) -> dict:
    batch = services.prepare(form, period, {u: v for u, (_i, v) in chunk.items()}, actor=actor)
    saved = services.write_batch(
        form, period, batch, actor=actor, submit=submit, path=path, notify=True
    )
    done = {sub.unit: _saved(sub.unit.code, sub) for sub in saved}
    for unit_id, problem in batch.problems.items():
        unit = batch.units[unit_id]
        done[unit] = _refused(unit, problem)
    return done


def _one(form, period, unit, values, actor, submit, path) -> dict:
    try:
        with transaction.atomic():
            saved = (
                services.submit(form, unit, period, values, actor=actor, path=path)
                if submit
                else services.save_draft(form, unit, period, values, actor=actor, path=path)
            )
    except DomainError as exc:
        return _refused(unit, exc)
    return _saved(unit.code, saved)


def _refused(unit, exc: DomainError) -> dict:
    if isinstance(exc, ValidationFailed):
        return _failed(unit.code, f"«{unit}»: {exc.message}", exc.errors)
    return _failed(unit.code, exc.message)


def _saved(code, saved) -> dict:
    result = {"unit": code, "ok": True, "id": saved.pk, "status": saved.status}
    if getattr(saved, "warnings", None):
        result["warnings"] = saved.warnings
    return result


def _failed(code: str, detail: str, errors=None) -> dict:
    result = {"unit": code, "ok": False, "detail": detail}
    if errors:
        result["errors"] = errors
    return result
