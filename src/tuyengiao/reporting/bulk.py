"""Many units' figures in one request (an integration posting 500 units): each unit is
checked and saved in its own transaction, so one unit's mistake never blocks or half-saves
another, and each gets its own result with Vietnamese messages."""

from __future__ import annotations

from django.db import transaction

from tuyengiao.core.errors import DomainError, ValidationFailed
from tuyengiao.orgs.models import OrgUnit

from . import services
from .choices import ValuePath

MAX_ITEMS = 1000


def save_each(form, period, items: list[dict], *, actor, submit: bool = False,
              path=ValuePath.API) -> list[dict]:  # fmt: skip
    """`items`: [{"unit": code, "values": {...}}]. Returns, in the same order,
    {"unit", "ok", "id", "status"} or {"unit", "ok": False, "detail", "errors"}."""
    if len(items) > MAX_ITEMS:
        raise DomainError(
            f"Gửi {len(items):,} đơn vị một lần là quá nhiều; tối đa {MAX_ITEMS:,}.".replace(
                ",", "."
            ),
            field="items",
        )
    # One read of the form's fields, rules and indicators for every unit, not one per unit.
    form = type(form).objects.prefetch_related("fields", "rules", "indicators").get(pk=form.pk)
    codes = [str(item.get("unit") or "") for item in items]
    # A unit outside the user's scope reads exactly like one that does not exist.
    units = {u.code: u for u in OrgUnit.objects.visible_to(actor).filter(code__in=codes)}
    seen: set[str] = set()
    results = []
    for code, item in zip(codes, items, strict=True):
        results.append(_one(form, period, code, units.get(code), item, seen, actor, submit, path))
    return results


def _one(form, period, code, unit, item, seen, actor, submit, path) -> dict:
    if code in seen:
        return _failed(code, f"Đơn vị «{code}» có hai lần trong cùng một yêu cầu.")
    seen.add(code)
    if unit is None:
        return _failed(code, f"Không tìm thấy đơn vị «{code}» trong phạm vi của bạn.")
    values = item.get("values")
    if not isinstance(values, dict):
        return _failed(code, f"«{code}»: thiếu «values» (một đối tượng {{mã chỉ tiêu: số}}).")
    try:
        with transaction.atomic():
            saved = (
                services.submit(form, unit, period, values, actor=actor, path=path)
                if submit
                else services.save_draft(form, unit, period, values, actor=actor, path=path)
            )
    except ValidationFailed as exc:
        return _failed(code, f"«{unit}»: {exc.message}", exc.errors)
    except DomainError as exc:
        return _failed(code, exc.message)
    result = {"unit": code, "ok": True, "id": saved.pk, "status": saved.status}
    if getattr(saved, "warnings", None):
        result["warnings"] = saved.warnings
    return result


def _failed(code: str, detail: str, errors=None) -> dict:
    result = {"unit": code, "ok": False, "detail": detail}
    if errors:
        result["errors"] = errors
    return result
