"""Read a platform's own CSV export of a channel's figures into monthly totals.

Accepted: UTF-8 with or without BOM, comma or semicolon separated; a `date` column (daily
rows, summed into months) or a `month` column (one row per month); `posts` and
`interactions` columns. Headers may also be Vietnamese (ngày, tháng, bài viết, tương tác).
Every bad row is reported with its row, column, value and rule; the caller saves nothing
unless the whole file is valid.
"""

from __future__ import annotations

import datetime as dt
import re

from django.conf import settings

from tuyengiao.core import bounds
from tuyengiao.core.errors import ValidationFailed
from tuyengiao.core.text import fold

ALIASES = {
    "date": "date",
    "ngay": "date",
    "day": "date",
    "month": "month",
    "thang": "month",
    "posts": "posts",
    "bai viet": "posts",
    "so bai viet": "posts",
    "interactions": "interactions",
    "tuong tac": "interactions",
    "luot tuong tac": "interactions",
    "engagement": "interactions",
}
MAX_ERRORS = 50
_INTEGER = re.compile(r"^\d{1,3}([.,\s]\d{3})+$|^\d+$")
_MONTH = [
    (re.compile(r"^(\d{4})-(\d{1,2})$"), ("year", "month")),
    (re.compile(r"^(\d{1,2})/(\d{4})$"), ("month", "year")),
]
_DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%Y/%m/%d"]

Months = dict[tuple[int, int], tuple[int, int]]  # (year, month) -> (posts, interactions)


def decode(raw: bytes) -> str:
    limit = settings.MAX_UPLOAD_MB * 1024 * 1024
    if len(raw) > limit:
        # Callers read at most limit + 1 bytes, so the true size is unknown here.
        raise ValidationFailed([f"Tệp quá lớn: vượt giới hạn {settings.MAX_UPLOAD_MB} MB."])
    if not raw.strip():
        raise ValidationFailed(["Tệp rỗng: không có dòng tiêu đề và số liệu nào."])
    if b"\x00" in raw[:4096] or raw[:4] in (b"PK\x03\x04", b"%PDF"):
        raise ValidationFailed(
            [
                "Tệp không phải CSV dạng văn bản (có vẻ là tệp nhị phân, Excel hay PDF): "
                "hãy xuất lại tệp CSV từ nền tảng."
            ]
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValidationFailed(
            [
                f"Tệp không phải mã UTF-8 (byte lỗi ở vị trí {exc.start}): hãy lưu lại "
                "tệp CSV với mã UTF-8."
            ]
        ) from exc


def _integer(value: str) -> int | None:
    text = value.strip()
    if not _INTEGER.match(text):
        return None
    return int(re.sub(r"[.,\s]", "", text))


def _month(value: str) -> tuple[int, int] | None:
    text = value.strip()
    for pattern, order in _MONTH:
        match = pattern.match(text)
        if match:
            parts = dict(zip(order, map(int, match.groups()), strict=True))
            if 1 <= parts["month"] <= 12:
                return parts["year"], parts["month"]
    return None


def _date(value: str) -> dt.date | None:
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(value.strip(), fmt).date()
        except ValueError:
            continue
    return None


def _header(rows) -> dict[str, int]:
    try:
        header = next(rows)
    except StopIteration as exc:
        raise ValidationFailed(["Tệp không có dòng tiêu đề."]) from exc
    columns = {}
    for index, title in enumerate(header):
        key = ALIASES.get(fold(title).strip('" '))
        if key and key not in columns:
            columns[key] = index
    missing = [c for c in ("posts", "interactions") if c not in columns]
    if "date" not in columns and "month" not in columns:
        missing.insert(0, "date hoặc month")
    if missing:
        raise ValidationFailed(
            [
                f"Dòng 1 (tiêu đề): thiếu cột {', '.join(missing)}. Tiêu đề đọc được: "
                f"{', '.join(header) or '(trống)'}; cần cột date (hoặc month), posts, interactions."
            ]
        )
    return columns


def parse(raw: bytes) -> Months:
    text = decode(raw)
    first_line = text.splitlines()[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    rows = bounds.csv_rows(text, delimiter)
    columns = _header(rows)
    daily = "date" in columns
    period_column = "date" if daily else "month"
    months: Months = {}
    errors: list[str] = []
    for number, row in enumerate(rows, start=2):
        if not any(cell.strip() for cell in row):
            continue
        values = {key: row[index] if index < len(row) else "" for key, index in columns.items()}
        row_errors = []
        raw_period = values[period_column]
        if daily:
            day = _date(raw_period)
            key = (day.year, day.month) if day else None
            rule = "ngày dạng 2022-01-31 hoặc 31/01/2022"
        else:
            key = _month(raw_period)
            rule = "tháng dạng 2022-01 hoặc 01/2022"
        if key is None:
            row_errors.append(
                f"Dòng {number}, cột {period_column}: «{raw_period}» không phải {rule}."
            )
        counts = []
        for column in ("posts", "interactions"):
            value = _integer(values[column])
            if value is None:
                row_errors.append(
                    f"Dòng {number}, cột {column}: «{values[column]}» không phải số nguyên "
                    "không âm."
                )
            counts.append(value or 0)
        if key is not None and not daily and key in months:
            row_errors.append(
                f"Dòng {number}, cột month: tháng «{raw_period}» lặp lại; tệp theo tháng chỉ "
                "được có một dòng cho mỗi tháng."
            )
        if row_errors:
            errors.extend(row_errors)
            if len(errors) >= MAX_ERRORS:
                errors.append("Còn lỗi khác, chưa liệt kê hết.")
                break
            continue
        posts, interactions = months.get(key, (0, 0))
        months[key] = (posts + counts[0], interactions + counts[1])
    if errors:
        raise ValidationFailed(errors)
    if not months:
        raise ValidationFailed(["Tệp chỉ có dòng tiêu đề, không có dòng số liệu nào."])
    return months
