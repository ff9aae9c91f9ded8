"""The drill-down table as .xlsx: numbers stored as numbers, Vietnamese headers."""

from __future__ import annotations

from tuyengiao.core.xlsx import workbook_bytes


def drilldown_workbook(form, period, unit, rows, total) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    fields = [f for f in form.fields.all() if f.is_numeric and f.aggregation != "none"]
    indicators = list(form.indicators.all())
    book = Workbook()
    sheet = book.active
    sheet.title = "Tổng hợp"
    sheet.append([f"{form.code} — {form.name}"])
    sheet.append([f"{unit.name} · {period.name}"])
    sheet["A1"].font = Font(bold=True, size=13)
    header = ["Mã đơn vị", "Đơn vị", *[f.label for f in fields],
              *[i.name + (" (%)" if i.is_percent else "") for i in indicators],
              "Số đơn vị phải báo cáo", "Đã gửi", "Đã duyệt"]  # fmt: skip
    sheet.append(header)
    for cell in sheet[3]:
        cell.font = Font(bold=True)

    def line(code, name, figures):
        sheet.append(
            [code, name]
            + [_number(figures.fields.get(f.code)) for f in fields]
            + [_number(figures.indicators[i.code].value) for i in indicators]
            + [figures.completeness.expected, figures.completeness.submitted,
               figures.completeness.approved]
        )  # fmt: skip
        for index, cell in enumerate(sheet[sheet.max_row][2:], start=2):
            is_rate = len(fields) + 2 <= index < len(fields) + 2 + len(indicators)
            cell.number_format = "#,##0.00" if is_rate else "#,##0"

    for row in rows:
        line(row.unit.code, row.unit.name, row)
    line(unit.code, "Tổng cộng", total)
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    sheet.column_dimensions["A"].width = 16
    sheet.column_dimensions["B"].width = 48
    for column in range(3, len(header) + 1):
        sheet.column_dimensions[get_column_letter(column)].width = 18
    sheet.freeze_panes = "C4"
    return workbook_bytes(book)


def _number(value):
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)
