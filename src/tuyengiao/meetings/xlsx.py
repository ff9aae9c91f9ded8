"""A plain .xlsx of a list: Vietnamese headers, numbers as numbers, dates as dates.

Shared by the meetings, awards and targets lists.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING

from django.http import HttpResponse

from tuyengiao.core.xlsx import workbook_bytes

if TYPE_CHECKING:  # openpyxl only when a workbook is made, not on every start-up
    from openpyxl import Workbook

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _format_for(value) -> str | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return "#,##0"
    if isinstance(value, (float, Decimal)):
        return "#,##0.00"
    if isinstance(value, dt.date):
        return "DD/MM/YYYY"
    return None


def workbook(title: str, headers: list[str], rows, widths: list[int] | None = None) -> Workbook:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = title[:31]
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in rows:
        sheet.append([float(v) if isinstance(v, Decimal) else v for v in row])
        for cell, value in zip(sheet[sheet.max_row], row, strict=False):
            number_format = _format_for(value)
            if number_format:
                cell.number_format = number_format
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for index, width in enumerate(widths or [], start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    return book


def response(filename: str, title: str, headers, rows, widths=None) -> HttpResponse:
    result = HttpResponse(workbook_bytes(workbook(title, headers, rows, widths)), content_type=XLSX)
    result["Content-Disposition"] = f'attachment; filename="{filename}"'
    return result
