"""Tables in a report, checked row by row from what the header row says each column is.

read_text writes a .docx table row as one line with its cells separated by tabs (a table
pasted from Word into the page arrives the same way; " | " works too). A block of such
lines is a table; its first row without figures is the header. From the header's words
each column gets a role:

- ``numerator`` ("tham gia", "tham dự", "hoàn thành", "đạt", "đã …"),
- ``denominator`` ("phải …", "tổng số", "kế hoạch", "được giao", "dự kiến"),
- ``rate`` ("tỷ lệ", "%"),
- ``total`` ("tổng cộng", "tổng số" next to part columns) and ``part`` (the rest),
- ``order`` ("TT", "STT": row numbers, not figures) and ``label`` (unit names).

Each body row with a numerator, a denominator and a rate gives a ratio claim; a row with a
total column and part columns gives a sum claim; a totals row ("Tổng cộng", "Cộng",
"Toàn quận") is checked against the column sums. When the header does not say which of two
count columns is the denominator, the one that is never smaller is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from tuyengiao.core.text import fold

from .claims import COMPLETENESS, GROWTH, RATIO, SHARE, SUM, Claim, parse_vn, plain

_SPLIT = re.compile(r"\t| \| ")
_PLACE = r"toan (?:quan|phuong|xa|huyen|dang bo|thanh pho)"
_TOTAL_ROW = re.compile(
    r"^(?:tong cong|tong so|tong|cong|" + _PLACE + r")(?: (?:" + _PLACE + r"|chung|cong))?\s*:?$"
)
_RATE = re.compile(r"\bty le\b|%")
_ORDER = re.compile(r"^(?:s?tt|so tt|so thu tu)\.?$")
_DENOMINATOR = re.compile(
    r"\b(?:phai|tong so|ke hoach|duoc giao|du kien|dang ky|theo ke hoach|chi tieu)\b"
)
_NUMERATOR = re.compile(
    r"\b(?:tham gia|tham du|hoan thanh|dat|da|thuc hien|co mat|du hoc|tot nghiep|duoc)\b"
)
_TOTAL_COLUMN = re.compile(r"^(?:tong cong|tong so|tong|cong)\b")
_NUMBER_CELL = re.compile(r"^[+\-−]?\s?[\d.,\u00a0\u202f ]+(?:\s?%)?$")
_GROWTH_COLUMN = re.compile(r"\b(?:tang|giam|so voi|so sanh|chenh lech)\b")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


@dataclass
class Cell:
    start: int
    end: int
    text: str

    def number(self) -> tuple[Decimal | None, bool, str]:
        """(value, is a percentage, warning)."""
        text = self.text.strip()
        if not text or not _NUMBER_CELL.match(text):
            return None, False, ""
        percent = text.endswith("%")
        sign = -1 if text[0] in "-−" else 1
        value, warning = parse_vn(text.rstrip("%").lstrip("+-−").strip(), percent=percent)
        if value is not None and sign < 0:
            value = -value
        return value, percent, warning


@dataclass
class Row:
    start: int
    end: int
    cells: list[Cell]

    @property
    def shown(self) -> str:
        return " | ".join(cell.text for cell in self.cells)


@dataclass
class Table:
    number: int
    header: Row | None
    rows: list[Row] = field(default_factory=list)  # body rows, the totals row excluded
    total: Row | None = None
    roles: dict[int, str] = field(default_factory=dict)

    def label(self, row: Row) -> str:
        """The row's name: its label column, else its first cell with words."""
        words = [
            (index, cell.text.strip())
            for index, cell in enumerate(row.cells)
            if cell.text.strip() and cell.number()[0] is None
        ]
        named = [text for index, text in words if self.roles.get(index) == "label"]
        if named:
            return named[0]
        return words[0][1] if words else row.cells[0].text.strip()


def _rows(text: str) -> list[list[Row]]:
    """Blocks of consecutive lines with at least three cells."""
    blocks: list[list[Row]] = []
    current: list[Row] = []
    offset = 0
    for line in text.split("\n"):
        cells, position = [], 0
        pieces = _SPLIT.split(line)
        if len(pieces) >= 3:
            for piece in pieces:
                start = offset + position
                cells.append(Cell(start, start + len(piece), piece))
                separator = _SPLIT.match(line, position + len(piece))
                position += len(piece) + (len(separator.group()) if separator else 0)
            current.append(Row(offset, offset + len(line), cells))
        elif current:
            blocks.append(current)
            current = []
        offset += len(line) + 1
    if current:
        blocks.append(current)
    return blocks


def _is_header(row: Row) -> bool:
    numbers = sum(1 for cell in row.cells if cell.number()[0] is not None)
    return numbers == 0 and sum(1 for cell in row.cells if cell.text.strip()) >= 2


def _roles(header: Row) -> dict[int, str]:
    roles: dict[int, str] = {}
    for index, cell in enumerate(header.cells):
        words = fold(cell.text)
        if _ORDER.match(words):
            roles[index] = "order"
        elif _GROWTH_COLUMN.search(words):
            roles[index] = "growth"  # "Tăng/giảm (%)": against the other year, not a rate
        elif _RATE.search(words) or cell.text.strip() == "%":
            roles[index] = "rate"
        elif _TOTAL_COLUMN.match(words):
            roles[index] = "total"
        elif _DENOMINATOR.search(words):
            roles[index] = "denominator"
        elif _NUMERATOR.search(words):
            roles[index] = "numerator"
    if "rate" in roles.values() and "denominator" not in roles.values():
        for index, role in roles.items():  # "Tổng số | Tham gia | Tỷ lệ"
            if role == "total":
                roles[index] = "denominator"
                break
    return roles


def find_tables(text: str) -> list[Table]:
    tables = []
    for block in _rows(text):
        headers = []
        for row in block:
            if not _is_header(row):
                break
            headers.append(row)
        header = headers[-1] if headers else None
        body = block[len(headers) :]
        roles: dict[int, str] = {}
        for row in headers:  # a two-line header: the lower line says more
            roles.update(_roles(row))
        table = Table(len(tables) + 1, header, roles=roles)
        for row in body:
            first = next((c.text for c in row.cells if c.text.strip()), "")
            label = next(
                (c.text for c in row.cells if c.text.strip() and c.number()[0] is None), first
            )
            if _TOTAL_ROW.match(fold(label).strip()) and table.total is None:
                table.total = row
            elif not _is_header(row):
                table.rows.append(row)
        _guess_roles(table)
        tables.append(table)
    return tables


def _values(table: Table, row: Row, index: int):
    if index >= len(row.cells):
        return None
    return row.cells[index].number()[0]


def _guess_roles(table: Table) -> None:
    """Fill in the numerator and denominator when the header names only the rate."""
    width = max((len(r.cells) for r in table.rows), default=0)
    roles = table.roles
    for index in range(width):
        if index in roles:
            continue
        values = [_values(table, row, index) for row in table.rows]
        if values and all(v is None for v in values):
            roles[index] = "label"
        elif index == 0 and all(v is not None and v == n + 1 for n, v in enumerate(values)):
            roles[index] = "order"
    if "rate" not in roles.values():
        return
    counts = [i for i in range(width) if roles.get(i) in (None, "numerator", "denominator")]
    named_num = [i for i in counts if roles.get(i) == "numerator"]
    named_den = [i for i in counts if roles.get(i) == "denominator"]
    if len(named_num) == 1 and len(named_den) == 1:
        return
    unnamed = [i for i in counts if roles.get(i) is None]
    if len(counts) == 2:
        a, b = counts
        rows = [(_values(table, r, a), _values(table, r, b)) for r in table.rows]
        rows = [(x, y) for x, y in rows if x is not None and y is not None]
        if rows and all(x >= y for x, y in rows):
            roles[a], roles[b] = "denominator", "numerator"
        elif rows and all(y >= x for x, y in rows):
            roles[a], roles[b] = "numerator", "denominator"
    elif unnamed and named_den and not named_num and len(unnamed) == 1:
        roles[unnamed[0]] = "numerator"
    elif unnamed and named_num and not named_den and len(unnamed) == 1:
        roles[unnamed[0]] = "denominator"


def _one(roles: dict[int, str], role: str) -> int | None:
    found = [index for index, r in roles.items() if r == role]
    return found[0] if len(found) == 1 else None


def _row_claims(table: Table, row: Row, where: str) -> list[Claim]:
    claims = []
    roles = table.roles
    num, den, rate = _one(roles, "numerator"), _one(roles, "denominator"), _one(roles, "rate")
    if num is not None and den is not None:
        a, b = _values(table, row, num), _values(table, row, den)
        if a is not None and b is not None:
            values = {"a": plain(a), "b": plain(b)}
            warnings = []
            if rate is not None and rate < len(row.cells):
                p, _, warning = row.cells[rate].number()
                if p is not None:
                    values["p"] = p
                    warnings = [warning] if warning else []
            kind = COMPLETENESS if a == b else RATIO
            claims.append(_claim(kind, row, values, where, warnings))
    growth = _one(roles, "growth")
    if growth is not None:
        claims.extend(_growth_claim(table, row, growth, where))
    total = _one(roles, "total")
    parts = [i for i in range(len(row.cells)) if roles.get(i) is None]
    if total is not None and len(parts) >= 2:
        whole = _values(table, row, total)
        values = [_values(table, row, i) for i in parts]
        if whole is not None and all(v is not None for v in values):
            claims.append(
                _claim(
                    SUM,
                    row,
                    {"total": plain(whole), "parts": [plain(v) for v in values]},
                    where,
                    [],
                )
            )
    return claims


def _growth_claim(table: Table, row: Row, growth: int, where: str) -> list[Claim]:
    """ "Năm 2022 | Năm 2023 | Tăng/giảm (%)": the later year against the earlier one."""
    counts = [i for i in range(len(row.cells)) if table.roles.get(i) is None]
    if len(counts) != 2 or growth >= len(row.cells):
        return []
    years = []
    for index in counts:
        name = (
            table.header.cells[index].text
            if table.header and index < len(table.header.cells)
            else ""
        )
        found = _YEAR.search(name)
        years.append(int(found.group()) if found else index)
    base_index, current_index = counts if years[0] <= years[1] else counts[::-1]
    base, current = _values(table, row, base_index), _values(table, row, current_index)
    change, percent, warning = row.cells[growth].number()
    if base is None or current is None or change is None:
        return []
    header = table.header.cells[growth].text if table.header else ""
    percent = percent or "%" in header or "ty le" in fold(header)
    values = {
        "direction": "giảm" if change < 0 else "tăng",
        "change": abs(change),
        "percent": percent,
        "current": plain(current),
        "base": plain(base),
    }
    return [_claim(GROWTH, row, values, where, [warning] if warning else [])]


def _claim(kind, row: Row, values: dict, where: str, warnings: list[str]) -> Claim:
    claim = Claim(kind, row.shown, row.start, row.end, values, where=where)
    claim.warnings = warnings
    return claim


def _column_sums(table: Table) -> list[Claim]:
    claims = []
    total_row = table.total
    if total_row is None or not table.rows:
        return claims
    header = table.header
    for index, cell in enumerate(total_row.cells):
        role = table.roles.get(index)
        if role in ("order", "rate", "label"):
            continue
        written, percent, _ = cell.number()
        if written is None or percent:
            continue
        column = [_values(table, row, index) for row in table.rows]
        if any(v is None for v in column):
            continue
        name = header.cells[index].text.strip() if header and index < len(header.cells) else ""
        where = f"Bảng {table.number}, dòng «{table.label(total_row)}», cột «{name}»"
        claim = Claim(
            SUM,
            total_row.shown,
            total_row.start,
            total_row.end,
            {"total": plain(written), "parts": [plain(v) for v in column]},
            where=where,
        )
        claims.append(claim)
    return claims


def _share_rows(table: Table) -> list[Claim]:
    """ "Xếp loại | Số lượng | Tỷ lệ (%)" with a «Tổng cộng» row: each row's share of it."""
    rate = _one(table.roles, "rate")
    counts = [
        i
        for i in range(len(table.total.cells))
        if table.roles.get(i) in (None, "total") and _values(table, table.total, i) is not None
    ]
    if rate is None or len(counts) != 1 or _one(table.roles, "numerator") is not None:
        return []
    whole = _values(table, table.total, counts[0])
    claims = []
    for row in table.rows:
        part = _values(table, row, counts[0])
        p, _, warning = row.cells[rate].number() if rate < len(row.cells) else (None, False, "")
        if part is None or p is None:
            continue
        values = {"part": plain(part), "total": plain(whole), "p": p}
        where = f"Bảng {table.number}, dòng «{table.label(row)}»"
        claims.append(_claim(SHARE, row, values, where, [warning] if warning else []))
    return claims


def table_claims(text: str) -> list[Claim]:
    """Each table's row claims and the totals row against its column sums."""
    claims = []
    for table in find_tables(text):
        for row in table.rows:
            claims.extend(
                _row_claims(table, row, f"Bảng {table.number}, dòng «{table.label(row)}»")
            )
        if table.total is not None:
            claims.extend(_column_sums(table))
            claims.extend(_share_rows(table))
            claims.extend(
                _row_claims(
                    table, table.total, f"Bảng {table.number}, dòng «{table.label(table.total)}»"
                )
            )
    return claims


def table_spans(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int, str]]]:
    """(detail spans, rows): the body rows of tables with a totals row, whose figures are
    accounted for by that row, and the row-number cells; and every row as
    (start, end, its cells joined by " | "), to quote a number's row instead of a sentence."""
    detail, rows = [], []
    for table in find_tables(text):
        order = [i for i, r in table.roles.items() if r == "order"]
        for row in table.rows + ([table.total] if table.total else []):
            rows.append((row.start, row.end, row.shown))
            for index in order:
                if index < len(row.cells):
                    detail.append((row.cells[index].start, row.cells[index].end))
        if table.total is not None:
            detail.extend((row.start, row.end) for row in table.rows)
    return detail, rows
