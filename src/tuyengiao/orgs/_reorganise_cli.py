"""`orgs merge` and `orgs split`: the screen's verbs from the command line."""

import datetime as dt

from django.core.management.base import CommandError

from tuyengiao.core.actors import SYSTEM
from tuyengiao.core.text import format_date

from . import reorganise, services
from .models import OrgUnit
from .services import UnitSpec


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise CommandError(f"Ngày «{text}» không đúng dạng YYYY-MM-DD.") from exc


def _pairs(items: list[str], what: str) -> list[tuple[str, str]]:
    pairs = []
    for item in items:
        code, sep, value = item.partition("=")
        if not sep or not code.strip() or not value.strip():
            raise CommandError(f"«{item}» không đúng dạng {what}.")
        pairs.append((code.strip(), value.strip()))
    return pairs


def run(command, action: str, options: dict) -> None:
    date = _date(options["date"])
    decision = reorganise.Decision(options["reason"], options["document"])
    if action == "merge":
        verb, args, kwargs = _merge(options, date, decision)
    else:
        verb, args, kwargs = _split(options, date, decision)
    if options["dry_run"]:
        command.stdout.write("Xem trước, chưa lưu gì.")
        result = reorganise.preview(verb, *args, **kwargs)
    else:
        result = reorganise.apply(verb, *args, **kwargs)
    _report(command, result, date)


def _merge(options, date, decision):
    units = [services.get_unit(code) for code in options["codes"]]
    target = OrgUnit.objects.filter(code=options["into"]).first()
    kwargs = dict(date=date, decision=decision, actor=SYSTEM)
    if target is not None:
        return reorganise.merge, (units, target), {**kwargs, "parent": None}
    if not options.get("name"):
        raise CommandError(f"«{options['into']}» là mã mới: cần --name cho đơn vị mới.")
    if options.get("parent"):
        parent = services.get_unit(options["parent"])
    else:
        parents = {u.get_parent() for u in units}
        if len(parents) != 1:
            raise CommandError("Các đơn vị không cùng cấp trên: hãy chỉ rõ --parent.")
        parent = parents.pop()
    spec = UnitSpec(options["into"], options["name"], options.get("kind") or units[0].kind)
    return reorganise.merge, (units, spec), {**kwargs, "parent": parent}


def _split(options, date, decision):
    unit = services.get_unit(options["code"])
    into = [UnitSpec(code, name, unit.kind) for code, name in _pairs(options["into"], "CODE=NAME")]
    children = {
        code: [c.strip() for c in value.split(",") if c.strip()]
        for code, value in _pairs(options["children"], "CODE=CHILD,CHILD")
    }
    return (
        reorganise.split,
        (unit, into),
        dict(date=date, decision=decision, actor=SYSTEM, children=children),
    )


def _report(command, result, date):
    out = command.stdout.write
    out(f"Ngày hiệu lực {format_date(date)}.")
    out(f"Giải thể ({len(result.closed)}): " + ", ".join(u.code for u in result.closed))
    out(f"Thành lập ({len(result.opened)}): " + ", ".join(u.code for u in result.opened))
    for old, new in result.links:
        out(f"  {old} → {new}")
