"""The annex a clerk attaches to the report (.xlsx), Vietnamese only.

- one sheet per appendix table (a collection's results by unit): whole numbers as
  numbers with a thousands format, the total row as SUM formulas and each rate as a
  formula (ROUNDDOWN where the indicator truncates, as the report does), in % format;
- “Số liệu tổng hợp”: every figure the report prints, by section, with its value;
- “Nguồn số liệu”: where each figure comes from, in words (no internal ids);
- borders, wrapped headers repeated on every printed page, A4, fitted to the page width,
  and the time in the server's local time zone.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from django.utils import timezone

from tuyengiao.core import xlsx

SECTION_TITLES = {
    "documents": "Ban hành văn bản",
    "study": "Học tập, quán triệt nghị quyết",
    "training": "Giáo dục lý luận chính trị, bồi dưỡng",
    "initiatives": "Thực hiện mô hình",
    "outreach": "Thông tin tích cực",
    "awards": "Khen thưởng",
    "tasks": "Nhiệm vụ",
    "targets": "Chỉ tiêu nhiệm kỳ",
}
STATUS_WORDS = {
    "approved": "đã duyệt",
    "submitted": "đã gửi",
    "draft": "bản nháp",
    "returned": "bị trả lại",
    "done": "đã hoàn thành",
}
INTEGER = "#,##0"
PERCENT = "0.00%"
DECIMAL = "#,##0.00"


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
    return int(number) if number == number.to_integral_value() else float(number)


def _styles():
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    thin = Side(style="thin", color="000000")
    return {
        "border": Border(left=thin, right=thin, top=thin, bottom=thin),
        "header_font": Font(name="Times New Roman", bold=True, size=12),
        "font": Font(name="Times New Roman", size=12),
        "bold": Font(name="Times New Roman", bold=True, size=12),
        "title": Font(name="Times New Roman", bold=True, size=14),
        "fill": PatternFill("solid", fgColor="E8E8E8"),
        "wrap": Alignment(wrap_text=True, vertical="center", horizontal="center"),
        "left": Alignment(wrap_text=True, vertical="top"),
    }


def _print_setup(sheet, header_row: int, landscape=False):
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.page_margins.left = sheet.page_margins.right = 0.5
    sheet.page_margins.top = sheet.page_margins.bottom = 0.6
    sheet.print_options.horizontalCentered = True
    sheet.oddFooter.center.text = "Trang &P/&N"


def _title(sheet, styles, title: str, subtitle: str, width: int):
    from openpyxl.utils import get_column_letter

    last = get_column_letter(width)
    sheet["A1"] = title
    sheet["A1"].font = styles["title"]
    sheet.merge_cells(f"A1:{last}1")
    sheet["A2"] = subtitle
    sheet["A2"].font = styles["font"]
    sheet.merge_cells(f"A2:{last}2")


def _header(sheet, styles, row: int, headers: list[str]):
    for column, text in enumerate(headers, start=1):
        cell = sheet.cell(row=row, column=column, value=text)
        cell.font, cell.fill = styles["header_font"], styles["fill"]
        cell.alignment, cell.border = styles["wrap"], styles["border"]
    sheet.row_dimensions[row].height = 34


def _rate_formula(numerator: str, denominator: str, decimals: int, truncate: bool) -> str:
    places = decimals + 2  # a percentage's decimals are the fraction's + 2
    inner = f"{numerator}/{denominator}"
    rounded = f"ROUNDDOWN({inner},{places})" if truncate else f"ROUND({inner},{places})"
    return f'=IF(N({denominator})=0,"",{rounded})'


def _unit_sheet(workbook, styles, table: str, rows: list[dict], subtitle: str, index: int):
    from openpyxl.utils import get_column_letter

    columns = [c for c in rows[0]["values"] if c != "Tỷ lệ"]
    has_rate = "Tỷ lệ" in rows[0]["values"]
    headers = ["TT", "Đơn vị", *columns] + (["Tỷ lệ"] if has_rate else [])
    sheet = workbook.create_sheet(f"Bảng {index}"[:31])
    _title(sheet, styles, table, subtitle, len(headers))
    header_row, first = 4, 5
    _header(sheet, styles, header_row, headers)
    for offset, item in enumerate(rows):
        r = first + offset
        numbers = item.get("numbers") or []
        values = [offset + 1, item["unit"], *numbers[: len(columns)]]
        for c, value in enumerate(values, start=1):
            cell = sheet.cell(row=r, column=c, value=value)
            cell.font, cell.border = styles["font"], styles["border"]
            if c > 2:
                cell.number_format = INTEGER
        if has_rate:
            num = f"{get_column_letter(4)}{r}"
            den = f"{get_column_letter(3)}{r}"
            cell = xlsx.formula(
                sheet, row=r, column=len(headers), expression=_rate_formula(num, den, 2, True)
            )
            cell.number_format, cell.font, cell.border = PERCENT, styles["font"], styles["border"]
    last = first + len(rows) - 1
    total = last + 1
    sheet.cell(row=total, column=2, value="Tổng cộng")
    for c in range(3, 3 + len(columns)):
        letter = get_column_letter(c)
        xlsx.formula(sheet, row=total, column=c, expression=f"=SUM({letter}{first}:{letter}{last})")
        sheet.cell(row=total, column=c).number_format = INTEGER
    if has_rate:
        xlsx.formula(
            sheet,
            row=total,
            column=len(headers),
            expression=_rate_formula(f"D{total}", f"C{total}", 2, True),
        )
        sheet.cell(row=total, column=len(headers)).number_format = PERCENT
    for c in range(1, len(headers) + 1):
        cell = sheet.cell(row=total, column=c)
        cell.font, cell.border = styles["bold"], styles["border"]
    for c, width in enumerate([6, 48, *[16] * (len(headers) - 2)], start=1):
        sheet.column_dimensions[get_column_letter(c)].width = width
    sheet.freeze_panes = f"C{first}"
    _print_setup(sheet, header_row)
    return sheet


def _figures_sheet(workbook, styles, figures: list[dict], subtitle: str):
    sheet = workbook.create_sheet("Số liệu tổng hợp")
    headers = ["TT", "Mục", "Số liệu", "Giá trị", "Như in trong báo cáo"]
    _title(sheet, styles, "Các số liệu báo cáo sử dụng", subtitle, len(headers))
    _header(sheet, styles, 4, headers)
    for index, figure in enumerate(figures, start=1):
        r = 4 + index
        section = SECTION_TITLES.get(figure.get("section") or figure["id"].split(".")[0], "")
        value = _number(figure.get("value"))
        display = figure.get("display", "")
        if value is not None and display.endswith("%"):
            value = value / 100 if isinstance(value, float) else float(value) / 100
        row = [index, section, figure["label"].replace("«", "“").replace("»", "”"), value, display]
        for c, item in enumerate(row, start=1):
            cell = sheet.cell(row=r, column=c, value=item)
            cell.font, cell.border = styles["font"], styles["border"]
            cell.alignment = styles["left"]
        cell = sheet.cell(row=r, column=4)
        if display.endswith("%"):
            cell.number_format = PERCENT
        elif isinstance(value, int):
            cell.number_format = INTEGER
        elif isinstance(value, float):
            cell.number_format = DECIMAL
    for column, width in zip("ABCDE", (6, 26, 60, 14, 22), strict=True):
        sheet.column_dimensions[column].width = width
    _print_setup(sheet, 4)


_CODE_IN_BRACKETS = re.compile(r"\s*\((?:[A-Za-z0-9-]+\.)?(?:[a-z][a-z0-9]*_)+[a-z0-9]+\)")
_UNIT_CODE = re.compile(r"\b[A-Z]{2,}(?:-[A-Z0-9]+)+\b")


def _words(text: str, names: dict[str, str]) -> str:
    """Provenance as a clerk reads it: no field codes, unit names instead of unit codes."""
    text = _CODE_IN_BRACKETS.sub("", text).replace("«", "“").replace("»", "”")
    text = re.sub(r"\b([A-Z]{2,}(?:-[A-Z0-9]+)+) — ", "", text)
    return _UNIT_CODE.sub(lambda m: names.get(m.group(0), m.group(0)), text)


def _unit_names(figures: list[dict]) -> dict[str, str]:
    from tuyengiao.orgs.models import OrgUnit

    codes = set()
    for figure in figures:
        source = figure.get("source") or {}
        for key in ("what", "units"):
            codes.update(_UNIT_CODE.findall(str(source.get(key, ""))))
    return dict(OrgUnit.objects.filter(code__in=codes).values_list("code", "name"))


def _sources_sheet(workbook, styles, figures: list[dict], subtitle: str):
    sheet = workbook.create_sheet("Nguồn số liệu")
    headers = ["TT", "Số liệu", "Cách tính", "Đơn vị", "Kỳ", "Trạng thái"]
    _title(sheet, styles, "Nguồn của các số liệu", subtitle, len(headers))
    _header(sheet, styles, 4, headers)
    names = _unit_names(figures)
    for index, figure in enumerate(figures, start=1):
        source = figure.get("source") or {}
        statuses = ", ".join(STATUS_WORDS.get(str(s), str(s)) for s in source.get("statuses", []))
        row = [
            index,
            _words(figure["label"], names),
            _words(str(source.get("what", "")), names),
            _words(str(source.get("units", "")), names),
            str(source.get("period_name") or source.get("period", "")),
            statuses,
        ]
        for c, item in enumerate(row, start=1):
            cell = sheet.cell(row=4 + index, column=c, value=item)
            cell.font, cell.border, cell.alignment = (
                styles["font"],
                styles["border"],
                styles["left"],
            )
    for column, width in zip("ABCDEF", (6, 45, 60, 28, 16, 14), strict=True):
        sheet.column_dimensions[column].width = width
    _print_setup(sheet, 4, landscape=True)


def build_annex(
    figures: list[dict], *, title: str, units: list[dict] | None = None, generated_at=None
) -> bytes:
    """`figures` as Figure.as_json() dicts (a report's snapshot), `units` its per-unit rows."""
    from openpyxl import Workbook

    styles = _styles()
    when = timezone.localtime(generated_at or timezone.now())
    subtitle = f"{title} — lập lúc {when:%H:%M} ngày {when:%d/%m/%Y}"
    workbook = Workbook()
    cover = workbook.active
    cover.title = "Thông tin"
    cover["A1"] = "PHỤ LỤC SỐ LIỆU"
    cover["A1"].font = styles["title"]
    cover["A2"] = title
    cover["A3"] = f"Lập lúc {when:%H:%M} ngày {when:%d/%m/%Y}."
    cover["A4"] = (
        "Mỗi bảng theo đơn vị là một trang tính; dòng tổng cộng và tỷ lệ là công thức. "
        "Trang “Số liệu tổng hợp” liệt kê mọi số liệu in trong báo cáo; trang “Nguồn số "
        "liệu” nói mỗi số liệu được tính từ đâu."
    )
    for cell in ("A2", "A3", "A4"):
        cover[cell].font, cover[cell].alignment = styles["font"], styles["left"]
    cover.column_dimensions["A"].width = 100
    _print_setup(cover, 1)
    tables: dict[str, list[dict]] = {}
    for row in units or []:
        tables.setdefault(row["table"], []).append(row)
    for index, (table, rows) in enumerate(tables.items(), start=1):
        _unit_sheet(workbook, styles, table, rows, subtitle, index)
    ordered = sorted(
        figures,
        key=lambda f: (
            list(SECTION_TITLES).index(f.get("section"))
            if f.get("section") in SECTION_TITLES
            else len(SECTION_TITLES)
        ),
    )
    shown = [f for f in ordered if f.get("value") is not None or f.get("section") != "tasks"]
    _figures_sheet(workbook, styles, shown, subtitle)
    _sources_sheet(workbook, styles, shown, subtitle)
    return xlsx.workbook_bytes(workbook)
