"""Units from a spreadsheet (.xlsx or .csv): Mã, Tên, Loại, Mã đơn vị cấp trên, Hiệu lực từ.

The English headers (code, name, kind, parent, valid_from) are still accepted.

All or nothing: every row is checked first and each problem is reported with its row,
column and value; only a file without problems creates anything. A parent may be an
existing unit or a row of the same file (in any order).
"""

from __future__ import annotations

import csv
import datetime as dt
import io

from django.db import transaction
from django.utils import translation

from tuyengiao.core.errors import ValidationFailed
from tuyengiao.core.text import fold

from . import access, services
from .choices import UnitKind
from .models import OrgUnit
from .services import UnitSpec

COLUMNS = {  # folded header → field
    "code": "code",
    "ma": "code",
    "ma don vi": "code",
    "name": "name",
    "ten": "name",
    "ten don vi": "name",
    "kind": "kind",
    "loai": "kind",
    "loai don vi": "kind",
    "parent": "parent",
    "parent code": "parent",
    "ma cap tren": "parent",
    "don vi cap tren": "parent",
    "ma don vi cap tren": "parent",
    "valid from": "valid_from",
    "valid_from": "valid_from",
    "hieu luc tu": "valid_from",
    "tu ngay": "valid_from",
}
REQUIRED = ["code", "name", "kind", "parent", "valid_from"]
HEADINGS = {  # field → the Vietnamese header shown on the page and in messages
    "code": "Mã",
    "name": "Tên",
    "kind": "Loại",
    "parent": "Mã đơn vị cấp trên",
    "valid_from": "Hiệu lực từ",
}


def _kind_labels() -> list[str]:
    with translation.override("vi"):
        return [str(label) for label in UnitKind.labels]


def _kinds() -> dict[str, str]:
    with translation.override("vi"):
        vi = {fold(str(label)).lower(): value for value, label in UnitKind.choices}
    with translation.override("en"):
        en = {fold(str(label)).lower(): value for value, label in UnitKind.choices}
    return {**{fold(k).lower(): k for k in UnitKind.values}, **en, **vi}


def read_rows(content: bytes, filename: str) -> list[list]:
    if filename.lower().endswith(".xlsx"):
        from openpyxl import load_workbook

        try:
            sheet = load_workbook(io.BytesIO(content), read_only=True, data_only=True).active
        except Exception as exc:  # openpyxl raises several kinds for a damaged file
            raise ValidationFailed(
                [f"Tệp «{filename}» không đọc được như tệp Excel .xlsx."]
            ) from exc
        return [list(row) for row in sheet.iter_rows(values_only=True)]
    if filename.lower().endswith(".csv"):
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ValidationFailed([f"Tệp «{filename}» không phải văn bản UTF-8."]) from exc
        try:
            dialect = csv.Sniffer().sniff(text[:2048], delimiters=",;\t")
        except csv.Error:  # one column, or too few rows to tell: commas
            dialect = csv.excel
        return [row for row in csv.reader(io.StringIO(text), dialect)]
    raise ValidationFailed([f"Tệp «{filename}»: chỉ nhận .xlsx hoặc .csv."])


def _date(value) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value or "").strip()
    for pattern in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def _header(row) -> dict[str, int]:
    found = {}
    for index, cell in enumerate(row):
        field = COLUMNS.get(fold(str(cell or "")).lower().strip())
        if field:
            found.setdefault(field, index)
    if missing := [c for c in REQUIRED if c not in found]:
        raise ValidationFailed(
            [
                f"Dòng 1: thiếu cột {', '.join(f'«{HEADINGS[c]}»' for c in missing)} "
                f"(cần: {', '.join(HEADINGS[c] for c in REQUIRED)})."
            ]
        )
    return found


def parse(rows: list[list], actor) -> list[dict]:
    if not rows:
        raise ValidationFailed(["Tệp trống."])
    columns = _header(rows[0])
    errors, items, seen = [], [], {}
    kinds = _kinds()
    for number, row in enumerate(rows[1:], start=2):
        cell = {f: (row[i] if i < len(row) else None) for f, i in columns.items()}
        if all(v in (None, "") for v in cell.values()):
            continue
        code, name = str(cell["code"] or "").strip(), str(cell["name"] or "").strip()
        item = {
            "row": number,
            "code": code,
            "name": name,
            "parent": str(cell["parent"] or "").strip(),
        }

        def bad(column, value, rule, number=number):
            errors.append(f"Dòng {number}, cột «{HEADINGS[column]}»: «{value or ''}» {rule}.")

        if not code:
            bad("code", code, "— mã không được để trống")
        elif code in seen:
            bad("code", code, f"trùng với dòng {seen[code]}")
        elif OrgUnit.objects.filter(code=code).exists():
            bad("code", code, "đã có đơn vị dùng mã này")
        seen.setdefault(code, number)
        if not name:
            bad("name", name, "— tên không được để trống")
        item["kind"] = kinds.get(fold(str(cell["kind"] or "")).lower().strip())
        if item["kind"] is None:
            bad("kind", cell["kind"], f"không phải loại đơn vị ({'; '.join(_kind_labels())})")
        item["valid_from"] = _date(cell["valid_from"])
        if item["valid_from"] is None:
            bad("valid_from", cell["valid_from"], "không phải ngày dd/mm/yyyy")
        items.append(item)
    codes = {i["code"] for i in items}
    for item in items:
        parent = item["parent"]
        if not parent or parent in codes:
            if not parent and not actor.is_superuser:
                errors.append(
                    f"Dòng {item['row']}, cột «{HEADINGS['parent']}»: cần mã đơn vị cấp trên."
                )
            continue
        unit = OrgUnit.objects.filter(code=parent).first()
        if unit is None:
            errors.append(
                f"Dòng {item['row']}, cột «{HEADINGS['parent']}»: «{parent}» không có trong hệ thống hay trong tệp."
            )
        elif not access.can(actor, access.ADMIN, unit):
            errors.append(
                f"Dòng {item['row']}, cột «{HEADINGS['parent']}»: bạn không quản trị «{unit}»."
            )
        elif item["valid_from"] and not unit.is_valid_on(item["valid_from"]):
            errors.append(
                f"Dòng {item['row']}, cột «{HEADINGS['parent']}»: «{unit}» không có hiệu lực vào ngày bắt đầu."
            )
    if not items and not errors:
        errors.append("Tệp không có dòng đơn vị nào.")
    if errors:
        raise ValidationFailed(errors)
    return items


@transaction.atomic
def import_units(content: bytes, filename: str, *, actor) -> list[OrgUnit]:
    items = parse(read_rows(content, filename), actor)
    created: dict[str, OrgUnit] = {}
    pending = list(items)
    while pending:  # parents before children, whatever the order of the rows
        ready = [
            i for i in pending if not i["parent"] or i["parent"] not in {p["code"] for p in pending}
        ]
        if not ready:
            raise ValidationFailed(
                [
                    f"Dòng {i['row']}, cột «{HEADINGS['parent']}»: vòng lặp cấp trên «{i['parent']}»."
                    for i in pending
                ]
            )
        for item in ready:
            parent = (
                created.get(item["parent"]) or OrgUnit.objects.filter(code=item["parent"]).first()
            )
            spec = UnitSpec(item["code"], item["name"], item["kind"])
            created[item["code"]] = services.create_unit(
                spec, parent=parent, valid_from=item["valid_from"], actor=actor
            )
            pending.remove(item)
    return list(created.values())
