"""Excel exports: numbers stored as numbers, dates as dates, Vietnamese headers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import HttpResponse

from tuyengiao.core.xlsx import workbook_bytes

if TYPE_CHECKING:  # openpyxl only when a workbook is made, not on every start-up
    from openpyxl import Workbook

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

HEADERS = [
    ("Tên lớp", 48),
    ("Loại lớp", 30),
    ("Đơn vị tổ chức", 30),
    ("Từ ngày", 12),
    ("Đến ngày", 12),
    ("Địa điểm", 28),
    ("Đối tượng", 28),
    ("Kế hoạch", 11),
    ("Tham dự", 11),
    ("Hoàn thành", 11),
    ("Giỏi", 9),
    ("Khá", 9),
    ("Đạt", 9),
    ("Không đạt", 10),
]


def xlsx_response(workbook: Workbook, filename: str) -> HttpResponse:
    response = HttpResponse(workbook_bytes(workbook), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def write_sheet(sheet, headers, rows, *, number_columns=(), date_columns=(), decimal_columns=()):
    from openpyxl.styles import Font

    sheet.append([title for title, _ in headers])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for index, (_, width) in enumerate(headers, start=1):
        sheet.column_dimensions[sheet.cell(1, index).column_letter].width = width
    for row in rows:
        sheet.append(list(row))
    for index, column in enumerate(sheet.iter_cols(min_row=2, max_col=len(headers))):
        # A year without classes has no data row: the columns are empty (no column[0]).
        for cell in column:
            if index in number_columns:
                cell.number_format = "#,##0"
            elif index in decimal_columns:
                cell.number_format = "#,##0.00"
            elif index in date_columns:
                cell.number_format = "dd/mm/yyyy"
    sheet.freeze_panes = "A2"


def classes_workbook(classes, totals=None) -> Workbook:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Lớp bồi dưỡng"
    rows = (
        [
            c.name,
            c.kind.name,
            c.unit.name,
            c.start_date,
            c.end_date,
            c.place,
            c.target_group,
            c.planned,
            c.attended,
            c.completed,
            c.excellent,
            c.good,
            c.passed,
            c.failed,
        ]
        for c in classes
    )
    write_sheet(sheet, HEADERS, rows, number_columns=range(7, 14), date_columns=(3, 4))
    if totals is not None:
        summary = workbook.create_sheet("Tổng hợp theo loại")
        headers = [("Loại lớp", 36), ("Số lớp", 9), ("Kế hoạch", 11), ("Tham dự", 11)]
        headers += [("Hoàn thành", 11), ("Tỷ lệ tham dự/kế hoạch (%)", 26)]
        rows = [
            [t.kind.name, t.classes, t.planned, t.attended, t.completed, t.rate] for t in totals
        ]
        write_sheet(summary, headers, rows, number_columns=range(1, 5), decimal_columns=(5,))
    return workbook
