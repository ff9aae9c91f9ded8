"""Spreadsheet exports that never carry a live formula (OWASP «CSV injection»).

A title, a name or a reason typed as «=HYPERLINK(...)» or «+1+1» must reach Excel as the
text the person typed. Every .xlsx export is written here (`workbook`, `write_sheet`,
`attachment`: one MIME type, number and date formats, widths) and saved through
`workbook_bytes`; every CSV export writes its cells through `csv_cell`; an architecture test holds every
module that builds a workbook to it.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Callable, Collection
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from django.http import HttpResponse
from django.utils import timezone

from .errors import DomainError
from .text import format_number

if TYPE_CHECKING:  # openpyxl is loaded by the code that makes a workbook
    from openpyxl import Workbook

# Characters that make a spreadsheet read a cell as a formula or a command (OWASP).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def is_risky(value) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_START)


def csv_cell(value):
    """A CSV cell: risky text gets the apostrophe prefix OWASP recommends."""
    return "'" + value if is_risky(value) else value


def literal(cell) -> None:
    """Make one openpyxl cell literal text when its text could be read as a formula.

    openpyxl stores a string beginning with «=» as a formula; typing the cell as a string
    writes it as text, and `quotePrefix` keeps Excel from re-reading it when edited."""
    if is_risky(cell.value):
        cell.data_type = "s"
        cell.quotePrefix = True


def formula(sheet, *, row: int, column: int, expression: str):
    """Write a formula the program composed (a total, a rate); `workbook_bytes` keeps it live.

    Only such cells stay formulas: anything else that looks like one is text a person typed."""
    cell = sheet.cell(row=row, column=column, value=expression)
    if not hasattr(sheet, "_program_formulas"):
        sheet._program_formulas = set()
    sheet._program_formulas.add(cell.coordinate)
    return cell


def neutralise(book: Workbook) -> Workbook:
    for sheet in book.worksheets:
        kept = getattr(sheet, "_program_formulas", set())
        for row in sheet.iter_rows():
            for cell in row:
                if cell.coordinate not in kept:
                    literal(cell)
    return book


def workbook_bytes(book: Workbook) -> bytes:
    """The saved .xlsx, every text cell literal."""
    buffer = io.BytesIO()
    neutralise(book).save(buffer)
    return buffer.getvalue()


# --- writing: the one way a list becomes a sheet --------------------------------------------
# Numbers stay numbers and dates stay dates (Excel shows them in the reader's own locale:
# 6.513 and 10/02/2023 on a Vietnamese Windows); headers bold, first row frozen.
INTEGER_FORMAT = "#,##0"
YEAR_FORMAT = "0"  # a year is a number (sorts, filters) but never 2.022
DECIMAL_FORMAT = "#,##0.00"
DATE_FORMAT = "DD/MM/YYYY"
DATETIME_FORMAT = "DD/MM/YYYY HH:MM"


@dataclass(frozen=True)
class Column:
    """One column of an export: its Vietnamese header, width and how a record gives its value
    (an attribute path such as "unit.name", or a function of the record)."""

    header: str
    width: int = 14
    value: str | Callable | None = None
    number_format: str | None = None  # e.g. YEAR_FORMAT; by default from the value's type

    def of(self, record):
        if callable(self.value):
            return self.value(record)
        value = record
        for name in (self.value or "").split("."):
            value = getattr(value, name, None) if value is not None else None
        return value


def number_format(value) -> str | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return INTEGER_FORMAT
    if isinstance(value, (float, Decimal)):
        return DECIMAL_FORMAT
    if isinstance(value, dt.datetime):
        return DATETIME_FORMAT
    if isinstance(value, dt.date):
        return DATE_FORMAT
    return None


def _plain(value):
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        return timezone.localtime(value).replace(tzinfo=None)  # Excel knows no time zone
    return value


def write_sheet(
    sheet,
    headers,
    rows,
    *,
    widths=None,
    wrap: bool | Collection[int] = False,
    title_lines=(),
    freeze_columns: int = 0,
    formats: dict[int, str] | None = None,
) -> None:
    """Headers (str, or (str, width) pairs) then rows of values, each cell in its format.

    `wrap`: True, or the columns (1-based) whose text wraps (styling a cell costs: 10.000
    rows of 7 wrapped columns take twice as long to write). `title_lines` go above the header
    (the first one large); `freeze_columns` keeps that many columns in view with the header;
    `formats` forces a number format on columns (1-based), a rate column for instance."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    pairs = [h if isinstance(h, tuple) else (h, None) for h in headers]
    widths = list(widths or [w for _h, w in pairs])
    formats = formats or {}
    for index, line in enumerate(title_lines):
        sheet.append([line])
        if index == 0:
            sheet.cell(row=1, column=1).font = Font(bold=True, size=13)
    header_row = len(title_lines) + 1
    sheet.append([h for h, _w in pairs])
    top = Alignment(wrap_text=True, vertical="top")
    wrapped = set(range(1, len(pairs) + 1)) if wrap is True else set(wrap or ())
    for cell in sheet[header_row]:
        cell.font = Font(bold=True)
        if wrapped:
            cell.alignment = top
    # Row numbers are counted here: `sheet.max_row` scans the sheet, quadratic over an export.
    for number, row in enumerate(rows, start=header_row + 1):
        for column, value in enumerate(row, start=1):
            cell = sheet.cell(row=number, column=column, value=_plain(value))
            if fmt := formats.get(column) or number_format(value):
                cell.number_format = fmt
            if column in wrapped:
                cell.alignment = top
    for index, width in enumerate(widths, start=1):
        if width:
            sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = f"{get_column_letter(freeze_columns + 1)}{header_row + 1}"


def workbook(title: str, headers, rows, widths=None, *, wrap=True, **layout) -> Workbook:
    """A one-sheet workbook of a list; add sheets with `write_sheet(book.create_sheet(..))`.
    `layout`: write_sheet's title_lines, freeze_columns, formats."""
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = title[:31]
    write_sheet(book.active, headers, rows, widths=widths, wrap=wrap, **layout)
    return book


def records_workbook(title: str, columns: list[Column], records, *, wrap: bool = True) -> Workbook:
    """A one-sheet workbook of records, one `Column` each (the record lists' export)."""
    return workbook(
        title,
        [c.header for c in columns],
        ([c.of(r) for c in columns] for r in records),
        [c.width for c in columns],
        wrap=wrap,
        formats={i: c.number_format for i, c in enumerate(columns, 1) if c.number_format},
    )


def attachment(content, filename: str) -> HttpResponse:
    """The download: `content` is a Workbook (saved literal) or the bytes of one."""
    if not isinstance(content, bytes | bytearray):
        content = workbook_bytes(content)
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def response(filename: str, title: str, headers, rows, widths=None, **layout) -> HttpResponse:
    """A list as a one-sheet .xlsx download (`layout`: workbook's wrap and write_sheet's)."""
    return attachment(workbook(title, headers, rows, widths, **layout), filename)


# --- reading: bounded before parsing ------------------------------------------------------
# A 7,8 MB upload holding 3 million shared strings took 43 s and 430 MB to open: openpyxl
# reads every shared string even in read-only mode. These are checked on the zip's own
# directory and the first bytes of two parts, before any parsing.
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
MAX_SHARED_STRINGS = 200_000
# The declared count can lie; the part's unpacked size cannot (zipfile reads no further).
MAX_SHARED_BYTES = 10 * 1024 * 1024
MAX_ROWS = 20_000
_COUNT = re.compile(rb'uniqueCount="(\d+)"|count="(\d+)"')
_DIMENSION = re.compile(rb'<(?:\w+:)?dimension ref="[A-Z]{1,3}\d+(?::[A-Z]{1,3}(\d+))?"')


def check_package(data: bytes, *, max_rows: int = MAX_ROWS) -> None:
    """Refuse an .xlsx too large to open: unpacked size, shared strings, declared rows.
    DomainError(field="file") with the number found and the limit."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = {info.filename: info for info in archive.infolist()}
            unpacked = sum(info.file_size for info in infos.values())
            if unpacked > MAX_UNPACKED_BYTES:
                raise DomainError(
                    f"Tệp Excel giải nén ra {format_number(unpacked // 1024 // 1024)} MB, "
                    f"vượt giới hạn {format_number(MAX_UNPACKED_BYTES // 1024 // 1024)} MB.",
                    field="file",
                )
            if "xl/sharedStrings.xml" in infos:
                head = archive.open("xl/sharedStrings.xml").read(4096)
                match = _COUNT.search(head)
                strings = int(next(g for g in match.groups() if g)) if match else 0
                if strings > MAX_SHARED_STRINGS:
                    raise DomainError(
                        f"Tệp Excel có {format_number(strings)} chuỗi văn bản khác nhau, "
                        f"vượt giới hạn {format_number(MAX_SHARED_STRINGS)}.",
                        field="file",
                    )
                size = infos["xl/sharedStrings.xml"].file_size
                if size > MAX_SHARED_BYTES:
                    raise DomainError(
                        f"Phần văn bản của tệp Excel dài {format_number(size // 1024 // 1024)} "
                        f"MB khi giải nén, vượt giới hạn "
                        f"{format_number(MAX_SHARED_BYTES // 1024 // 1024)} MB.",
                        field="file",
                    )
            for name in sorted(n for n in infos if n.startswith("xl/worksheets/sheet")):
                match = _DIMENSION.search(archive.open(name).read(4096))
                rows = int(match.group(1)) if match and match.group(1) else 0
                if rows > max_rows:
                    raise DomainError(
                        f"Trang tính có {format_number(rows)} dòng, vượt giới hạn "
                        f"{format_number(max_rows)} dòng mỗi lần nhập.",
                        field="file",
                    )
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, KeyError) as exc:
        raise DomainError("Tệp Excel bị hỏng (không giải nén được).", field="file") from exc


def bounded_rows(sheet, *, max_rows: int = MAX_ROWS, **kwargs):
    """sheet.iter_rows(values_only=True), stopping with a DomainError past `max_rows` (a
    sheet that declares no dimension is still cut off)."""
    for index, row in enumerate(sheet.iter_rows(values_only=True, **kwargs), start=1):
        if index > max_rows:
            raise DomainError(
                f"Trang tính có hơn {format_number(max_rows)} dòng, vượt giới hạn mỗi lần nhập.",
                field="file",
            )
        yield row
