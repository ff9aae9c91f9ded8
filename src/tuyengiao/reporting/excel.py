"""Excel round-trip of a form and period: the template a unit fills, and reading it back.

The template has one row per expected unit (code and name locked by sheet protection, the
figure cells unlocked and checked by Excel's data validation) and a very hidden sheet that
names the form, the period and the template version, so that a foreign workbook or another
form's or period's template is recognised before any row is read. Reading never trusts the
file: size, content (a real xlsx zip, not a renamed file), metadata and every cell are
checked here; the figures are then validated by the same service as the web form
(`import_workbook` in excel_import.py saves nothing unless every row is valid).
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from django.conf import settings
from django.utils import timezone

from tuyengiao.core.errors import DomainError
from tuyengiao.core.text import format_number
from tuyengiao.core.xlsx import check_package, workbook_bytes

from .choices import FieldType

if TYPE_CHECKING:  # openpyxl only when a workbook is made or read, not on every start-up
    from openpyxl.worksheet.datavalidation import DataValidation

FORMAT_VERSION = "1"
META_SHEET = "tuyengiao"
DATA_SHEET = "Số liệu"
HEADER_ROW = 3
FIRST_ROW = HEADER_ROW + 1
CODE_COLUMN, NAME_COLUMN, FIRST_FIELD_COLUMN = 1, 2, 3
# A 10 MB xlsx unpacks to far more; past this it is a zip bomb, not a report.
MAX_UNPACKED_BYTES = 400 * 1024 * 1024
NUMBER_FORMATS = {FieldType.INTEGER: "#,##0", FieldType.DECIMAL: "#,##0.00"}
_HEADER_FILL = "DDE7F3"  # solid fill colours
_LOCKED_FILL = "F2F2F2"


class ExcelError(DomainError):
    """The file as a whole cannot be read (not xlsx, foreign, another form or period…)."""


@dataclass
class Cell:
    row: int
    column: str  # the Vietnamese header, as the user sees it
    value: object
    message: str

    def __str__(self):
        shown = _show(self.value)
        where = f"Dòng {self.row}, cột «{self.column}»" if self.column else f"Dòng {self.row}"
        return f"{where}: {shown + ' — ' if shown else ''}{self.message}"


@dataclass
class Row:
    row: int
    unit_code: str
    values: dict[str, object] = field(default_factory=dict)  # field code -> typed value
    bad: set[str] = field(default_factory=set)  # codes of cells already reported as wrong
    checked: object = None  # its rules.Checked, once the import has checked it


def _show(value) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return format_number(Decimal(str(value)).normalize())
    text = str(value)
    return f"«{text if len(text) <= 60 else text[:57] + '…'}»"


# --- the template --------------------------------------------------------------------------


def template_filename(form, period) -> str:
    return f"mau-{form.code}-{period.code}.xlsx"


def build_template(form, period, units, *, rows=None) -> bytes:
    """The workbook for `units` (in order); `rows` maps unit id -> {field code: value}."""
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    fields = list(form.fields.all())
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = DATA_SHEET
    _title(sheet, form, period, len(fields))
    _headers(sheet, fields)
    rows = rows or {}
    row_number = FIRST_ROW - 1
    for row_number, unit in enumerate(units, start=FIRST_ROW):
        _unit_row(sheet, row_number, unit, fields, rows.get(unit.pk, {}))
    last_row = max(row_number, FIRST_ROW)
    for index, item in enumerate(fields):
        validation = _validation(item)
        if validation is not None:
            letter = get_column_letter(FIRST_FIELD_COLUMN + index)
            validation.add(f"{letter}{FIRST_ROW}:{letter}{last_row}")
            sheet.add_data_validation(validation)
    sheet.freeze_panes = sheet.cell(row=FIRST_ROW, column=FIRST_FIELD_COLUMN)
    # Protection locks the codes and names; figure cells are unlocked one by one.
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False
    _metadata(workbook, form, period, fields)
    return workbook_bytes(workbook)


def _title(sheet, form, period, field_count):
    from openpyxl.styles import Font

    sheet.cell(row=1, column=1, value=f"{form.code} — {form.name}").font = Font(bold=True, size=13)
    sheet.cell(
        row=2,
        column=1,
        value=f"Kỳ báo cáo: {period.name} ({period.code}). Nhập số vào các ô trắng; "
        "không sửa mã và tên đơn vị.",
    ).font = Font(italic=True)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=2 + field_count)
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=2 + field_count)


def _headers(sheet, fields):
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    labels = ["Mã đơn vị", "Tên đơn vị", *(_label(item) for item in fields)]
    for column, label in enumerate(labels, start=1):
        cell = sheet.cell(row=HEADER_ROW, column=column, value=label)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=_HEADER_FILL)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        width = 18 if column == CODE_COLUMN else 45 if column == NAME_COLUMN else 20
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.row_dimensions[HEADER_ROW].height = 48


def _label(item) -> str:
    return f"{item.label} (*)" if item.required else item.label


def _unit_row(sheet, row_number, unit, fields, values):
    from openpyxl.styles import PatternFill, Protection

    for column, value in ((CODE_COLUMN, unit.code), (NAME_COLUMN, unit.name)):
        cell = sheet.cell(row=row_number, column=column, value=value)
        cell.fill = PatternFill("solid", fgColor=_LOCKED_FILL)
    for index, item in enumerate(fields):
        cell = sheet.cell(row=row_number, column=FIRST_FIELD_COLUMN + index)
        value = values.get(item.code)
        if value is not None and value != "":
            cell.value = int(value) if item.type == FieldType.INTEGER else value
        cell.protection = Protection(locked=False)
        if item.type in NUMBER_FORMATS:
            cell.number_format = NUMBER_FORMATS[item.type]
        elif item.type == FieldType.DATE:
            cell.number_format = "dd/mm/yyyy"


def _bounds(item):
    low = item.min_value
    high = item.max_value
    if item.type == FieldType.INTEGER:
        # Counts are never negative unless the form says so with an explicit minimum.
        low = 0 if low is None else int(low)
        high = None if high is None else int(high)
    elif low is None:
        low = 0
    return low, high


def _validation(item) -> DataValidation | None:
    from openpyxl.worksheet.datavalidation import DataValidation

    kind = {FieldType.INTEGER: "whole", FieldType.DECIMAL: "decimal"}.get(item.type)
    if kind:
        low, high = _bounds(item)
        operator = "between" if high is not None else "greaterThanOrEqual"
        rule = (
            f"từ {format_number(low)} đến {format_number(high)}"
            if high is not None
            else (f"từ {format_number(low)} trở lên")
        )
        what = "số nguyên" if kind == "whole" else "số"
        return DataValidation(
            type=kind,
            operator=operator,
            formula1=str(low),
            formula2=str(high) if high is not None else None,
            allow_blank=True,
            showErrorMessage=True,
            errorTitle="Số liệu không hợp lệ",
            error=f"«{item.label}» phải là {what} {rule}.",
        )
    if item.type == FieldType.CHOICE and item.choice_list:
        formula = '"' + ",".join(item.choice_list) + '"'
        if len(formula) > 255 or any("," in choice for choice in item.choice_list):
            return None  # Excel's list limit; the server still checks the choice
        return DataValidation(
            type="list",
            formula1=formula,
            allow_blank=True,
            showErrorMessage=True,
            errorTitle="Giá trị không hợp lệ",
            error=f"«{item.label}» phải là một trong: {', '.join(item.choice_list)}.",
        )
    if item.type == FieldType.DATE:
        return DataValidation(
            type="date",
            operator="greaterThan",
            formula1="1",
            allow_blank=True,
            showErrorMessage=True,
            errorTitle="Ngày không hợp lệ",
            error=f"«{item.label}» phải là một ngày (dd/mm/yyyy).",
        )
    return None


def _metadata(workbook, form, period, fields):
    meta = workbook.create_sheet(META_SHEET)
    entries = [
        ("application", "tuyengiao"),
        ("format", FORMAT_VERSION),
        ("form", form.code),
        ("period", period.code),
        ("fields", ",".join(item.code for item in fields)),
        ("created", timezone.localdate().isoformat()),
    ]
    for row, (key, value) in enumerate(entries, start=1):
        meta.cell(row=row, column=1, value=key)
        meta.cell(row=row, column=2, value=value)
    meta.protection.sheet = True
    # Very hidden: not listed by Excel's "Unhide", so nobody edits it by accident.
    meta.sheet_state = "veryHidden"


# --- reading an upload ---------------------------------------------------------------------


def open_workbook(upload):
    """The workbook of an uploaded file, or ExcelError saying why it is not one."""
    from openpyxl import load_workbook

    size = getattr(upload, "size", None)
    limit = settings.MAX_UPLOAD_MB * 1024 * 1024
    if size is not None and size > limit:
        raise ExcelError(
            f"Tệp dung lượng {format_number(Decimal(size) / 1024 / 1024, 1)} MB, "
            f"vượt giới hạn {settings.MAX_UPLOAD_MB} MB."
        )
    upload.seek(0)
    content = upload.read(limit + 1)
    if not content:
        raise ExcelError("Tệp rỗng (0 byte). Hãy chọn tệp mẫu .xlsx đã điền số liệu.")
    if len(content) > limit:
        raise ExcelError(f"Tệp vượt giới hạn {settings.MAX_UPLOAD_MB} MB.")
    if content[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise ExcelError(
            "Tệp là định dạng Excel 97–2003 (.xls) hoặc đã được đặt mật khẩu. "
            "Hãy dùng đúng tệp mẫu .xlsx tải từ hệ thống."
        )
    if content[:4] != b"PK\x03\x04":
        raise ExcelError(
            "Tệp không phải là tệp Excel .xlsx (nội dung không đúng định dạng, dù tên tệp "
            "có thể là .xlsx). Hãy dùng tệp mẫu tải từ hệ thống."
        )
    _check_zip(content)
    try:
        # Read-only: streams the sheet (a 5.000-row file loads in a fraction of the time).
        return load_workbook(io.BytesIO(content), read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many kinds on a broken package
        raise ExcelError(
            "Không đọc được tệp Excel: tệp bị hỏng hoặc không phải bảng tính .xlsx."
        ) from exc


def _check_zip(content: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            names = set(archive.namelist())
            unpacked = sum(info.file_size for info in archive.infolist())
            broken = archive.testzip()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as exc:
        raise ExcelError("Tệp .xlsx bị hỏng (không giải nén được). Hãy tải lại mẫu.") from exc
    if broken is not None:
        raise ExcelError("Tệp .xlsx bị hỏng (không giải nén được). Hãy tải lại mẫu.")
    if "xl/workbook.xml" not in names:
        raise ExcelError(
            "Tệp là một tệp nén nhưng không phải bảng tính Excel .xlsx (ví dụ tệp Word .docx)."
        )
    if unpacked > MAX_UNPACKED_BYTES:
        raise ExcelError("Tệp .xlsx quá lớn khi giải nén; không phải một mẫu nhập liệu.")
    try:
        check_package(content)  # shared strings and declared rows, before parsing
    except DomainError as exc:
        raise ExcelError(exc.message) from exc


def read_metadata(workbook) -> dict[str, str]:
    if META_SHEET not in workbook.sheetnames or DATA_SHEET not in workbook.sheetnames:
        raise ExcelError(
            "Tệp không phải mẫu nhập liệu của hệ thống (không có thông tin biểu mẫu và kỳ "
            "báo cáo). Hãy tải mẫu Excel của biểu mẫu và kỳ này rồi điền vào đó."
        )
    meta = workbook[META_SHEET]
    values = {}
    for key, value in meta.iter_rows(min_row=1, max_row=20, max_col=2, values_only=True):
        if key:
            values[str(key)] = "" if value is None else str(value)
    if values.get("application") != "tuyengiao" or not values.get("form"):
        raise ExcelError("Tệp không phải mẫu nhập liệu của hệ thống (thông tin mẫu bị sửa).")
    return values


def check_template(meta: dict[str, str], form, period) -> list[str]:
    """Field codes of the template's columns, once it is known to be this form's and period's."""
    if meta["form"] != form.code:
        raise ExcelError(
            f"Tệp là mẫu của biểu mẫu «{meta['form']}», không phải «{form.code}». "
            "Hãy tải lên ở đúng biểu mẫu, hoặc tải mẫu mới."
        )
    if meta.get("period") != period.code:
        raise ExcelError(
            f"Tệp là mẫu của kỳ «{meta.get('period')}», không phải kỳ «{period.code}» "
            f"({period.name}). Hãy tải mẫu của kỳ này."
        )
    if meta.get("format") != FORMAT_VERSION:
        raise ExcelError("Mẫu Excel thuộc phiên bản cũ của hệ thống. Hãy tải mẫu mới.")
    codes = [code for code in meta.get("fields", "").split(",") if code]
    current = list(form.fields.values_list("code", flat=True))
    if codes != current:
        raise ExcelError(
            "Biểu mẫu đã thay đổi chỉ tiêu sau khi tải mẫu này. Hãy tải mẫu mới và điền lại."
        )
    return codes


def read_rows(workbook, fields) -> tuple[list[Row], list[Cell]]:
    """Typed values of every filled row, and every cell that is not a value of its type."""
    sheet = workbook[DATA_SHEET]
    rows, problems = [], []
    width = FIRST_FIELD_COLUMN + len(fields) - 1
    for number, cells in enumerate(
        sheet.iter_rows(min_row=FIRST_ROW, max_col=width), start=FIRST_ROW
    ):
        cells = list(cells) + [None] * (width - len(cells))
        raw = [getattr(cell, "value", None) for cell in cells]
        if all(value is None or str(value).strip() == "" for value in raw):
            continue
        code = raw[CODE_COLUMN - 1]
        if code is None or str(code).strip() == "":
            problems.append(Cell(number, "Mã đơn vị", None, "thiếu mã đơn vị."))
            continue
        row = Row(number, str(code).strip())
        for item, cell in zip(fields, cells[FIRST_FIELD_COLUMN - 1 :], strict=False):
            try:
                row.values[item.code] = cell_value(item, cell)
            except ValueError as exc:
                row.bad.add(item.code)
                problems.append(Cell(number, item.label, getattr(cell, "value", None), str(exc)))
        rows.append(row)
    return rows, problems


def cell_value(item, cell):
    """The cell's value as the field's type (None when empty); ValueError says what is wrong."""
    value = getattr(cell, "value", None)
    if getattr(cell, "data_type", None) == "f" or (isinstance(value, str) and value[:1] == "="):
        raise ValueError("ô chứa công thức; hãy nhập số liệu trực tiếp (dán giá trị).")
    if isinstance(value, str):
        value = value.strip()
    if value is None or value == "":
        return None
    if item.type in (FieldType.INTEGER, FieldType.DECIMAL):
        return _number(item, value)
    if item.type == FieldType.DATE:
        return _date(value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = value.strftime("%d/%m/%Y") if isinstance(value, dt.date) else str(value)
    if item.type == FieldType.CHOICE and text not in item.choice_list:
        raise ValueError("không có trong danh sách: " + ", ".join(item.choice_list) + ".")
    return text


def _number(item, value) -> Decimal:
    integer = item.type == FieldType.INTEGER
    kind = "số nguyên" if integer else "số"
    if isinstance(value, bool) or isinstance(value, (dt.date, dt.time, dt.timedelta)):
        raise ValueError(f"cột này phải là {kind}.")
    if isinstance(value, str):
        # Only plain digits typed as text are accepted ("120"): "6.513" or "6,5" would be
        # ambiguous between Vietnamese and English notation.
        if not value.isdigit():
            raise ValueError(f"là chữ, không phải {kind}.")
        value = int(value)
    number = Decimal(str(value))
    if not number.is_finite():
        raise ValueError(f"cột này phải là {kind}.")
    if integer and number != number.to_integral_value():
        raise ValueError("phải là số nguyên.")
    if number < 0 and item.min_value is None:
        raise ValueError("số âm; số liệu phải từ 0 trở lên.")
    return number.to_integral_value() if integer else number


def _date(value) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.datetime.strptime(str(value), "%d/%m/%Y").date()
    except ValueError:
        raise ValueError("không phải ngày dạng dd/mm/yyyy.") from None
