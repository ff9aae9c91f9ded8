"""Spreadsheet exports that never carry a live formula (OWASP «CSV injection»).

A title, a name or a reason typed as «=HYPERLINK(...)» or «+1+1» must reach Excel as the
text the person typed. Every .xlsx export saves its workbook through `workbook_bytes`,
every CSV export writes its cells through `csv_cell`; an architecture test holds every
module that builds a workbook to it.
"""

from __future__ import annotations

import io

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


def neutralise(book: Workbook) -> Workbook:
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                literal(cell)
    return book


def workbook_bytes(book: Workbook) -> bytes:
    """The saved .xlsx, every text cell literal."""
    buffer = io.BytesIO()
    neutralise(book).save(buffer)
    return buffer.getvalue()
