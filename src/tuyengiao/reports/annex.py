"""The report's statistical annex: one sheet per section, every figure with its source.

Numbers are stored as numbers (Excel can sum them) with '#,##0' or '0.00' formats, so a
Vietnamese-locale Excel shows 6.513 and 93,44 and an English one 6,513 and 93.44.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from tuyengiao.core.xlsx import workbook_bytes

from .narrative import SECTION_NAMES

HEADERS = ["STT", "Mã số liệu", "Chỉ tiêu", "Giá trị", "Hiển thị trong báo cáo", "Nguồn"]
WIDTHS = [6, 34, 60, 16, 22, 80]
SHEET_TITLES = {
    "documents": "Văn bản",
    "study": "Học tập nghị quyết",
    "training": "Bồi dưỡng",
    "initiatives": "Mô hình",
    "outreach": "Thông tin tích cực",
    "awards": "Khen thưởng",
    "tasks": "Nhiệm vụ",
    "targets": "Chỉ tiêu nhiệm kỳ",
}
HEADER_FILL = PatternFill("solid", fgColor="DDE5F0")


def _number(value):
    """The figure's value as an Excel number, or None (text figures keep only their display)."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return None
    return int(number) if number == number.to_integral_value() and "." not in str(value) else number


def _source_text(source: dict) -> str:
    parts = [source.get(key, "") for key in ("what", "units", "period")]
    statuses = source.get("statuses")
    if statuses:
        parts.append("trạng thái: " + ", ".join(map(str, statuses)))
    return "; ".join(str(p) for p in parts if p)


def _sheet(workbook, title: str, rows: list[dict]):
    sheet = workbook.create_sheet(title[:31])
    sheet.append(HEADERS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for index, figure in enumerate(rows, start=1):
        value = _number(figure.get("value"))
        sheet.append(
            [index, figure["id"], figure["label"], value, figure["display"],
             _source_text(figure.get("source") or {})]
        )  # fmt: skip
        cell = sheet.cell(row=index + 1, column=4)
        if isinstance(value, int):
            cell.number_format = "#,##0"
        elif value is not None:
            cell.number_format = "#,##0.00"
        url = (figure.get("source") or {}).get("url")
        if url:
            sheet.cell(row=index + 1, column=6).hyperlink = url
    for column, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = "A2"


def build_annex(figures: list[dict], *, title: str) -> bytes:
    """`figures` as Figure.as_json() dicts (the current ones, or a report's snapshot)."""
    workbook = Workbook()
    cover = workbook.active
    cover.title = "Thông tin"
    cover.append(["Phụ lục số liệu"])
    cover.append([title])
    cover.append(
        ["Mỗi trang tính là một mục của báo cáo; cột «Nguồn» nói số liệu được tính từ đâu."]
    )
    cover["A1"].font = Font(bold=True, size=14)
    cover.column_dimensions["A"].width = 100
    by_section: dict[str, list[dict]] = {}
    for figure in figures:
        key = figure.get("section") or figure["id"].split(".", 1)[0]
        by_section.setdefault(key, []).append(figure)
    keys = [k for k in SECTION_NAMES if k in by_section]
    keys += [k for k in by_section if k not in SECTION_NAMES]
    for key in keys:
        _sheet(workbook, SHEET_TITLES.get(key, key), by_section[key])
    return workbook_bytes(workbook)
