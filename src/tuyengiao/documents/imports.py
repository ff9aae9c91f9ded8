"""Import a register exported from an e-office system (.xlsx or .csv).

Every row is checked before anything is saved; every problem is reported by row and
column; nothing is saved unless the whole file is valid.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field

from django.db import transaction

from tuyengiao.core import audit, bounds, xlsx
from tuyengiao.core.errors import DomainError, ValidationFailed
from tuyengiao.core.text import fold, format_number

from . import numbers, services, uploads
from .choices import Classification

NUMBER, DATE, TITLE, TYPE, CLASSIFICATION = "number", "date", "title", "type", "classification"
REGISTERED = "registered"
COLUMNS = {  # folded header → column, as e-office systems name them
    "so, ky hieu": NUMBER,
    "so ky hieu": NUMBER,
    "so/ky hieu": NUMBER,
    "so hieu": NUMBER,
    "ngay ban hanh": DATE,
    "ngay ky": DATE,
    "ngay van ban": DATE,
    "trich yeu": TITLE,
    "trich yeu noi dung": TITLE,
    "loai": TYPE,
    "loai van ban": TYPE,
    "do mat": CLASSIFICATION,
    "ngay vao so": REGISTERED,  # the register's own export carries it; optional
    "ngay den": REGISTERED,
}
HEADERS = {
    NUMBER: "Số, ký hiệu",
    DATE: "Ngày ban hành",
    TITLE: "Trích yếu",
    TYPE: "Loại",
    CLASSIFICATION: "Độ mật",
    REGISTERED: "Ngày vào sổ",
}
REQUIRED = (NUMBER, DATE, TITLE)
CLASSIFICATIONS = {
    "thuong": Classification.ORDINARY,
    "mat": Classification.CONFIDENTIAL,
    "toi mat": Classification.SECRET,
    "tuyet mat": Classification.TOP_SECRET,
}
HEADER_SEARCH_ROWS = 10  # e-office exports put a title block above the header


@dataclass
class Row:
    line: int
    parsed: numbers.ParsedNumber
    signed_on: dt.date
    title: str
    classification: str
    registered_on: dt.date | None = None  # absent: a register kept before, entered when signed


@dataclass
class Result:
    created: int = 0
    warnings: list[str] = field(default_factory=list)


def _cells(data: bytes, kind: str) -> list[list]:
    import openpyxl

    if kind == uploads.XLSX:
        xlsx.check_package(data)
        try:
            book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many kinds for a broken file
            # Not openpyxl's own (English) text: the person reads the file is unusable.
            raise DomainError(
                "Không đọc được tệp Excel: tệp bị hỏng hoặc không phải bảng tính .xlsx.",
                field="file",
            ) from exc
        try:
            return [list(row) for row in xlsx.bounded_rows(book.worksheets[0])]
        finally:
            book.close()
    text = data.decode("utf-8-sig")
    # Not csv.Sniffer: the header "Số, ký hiệu" itself holds a comma. Vietnamese Excel
    # writes ";" (comma is the decimal mark), some systems a tab; otherwise ",".
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = ";" if ";" in first else "\t" if "\t" in first else ","
    rows = []
    for row in bounds.csv_rows(text, delimiter):
        rows.append(row)
        if len(rows) > xlsx.MAX_ROWS:
            raise DomainError(
                f"Tệp có hơn {format_number(xlsx.MAX_ROWS)} dòng, vượt giới hạn mỗi lần nhập.",
                field="file",
            )
    return rows


def _header(rows: list[list]) -> tuple[int, dict[str, int]]:
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        found = {}
        for position, cell in enumerate(row):
            column = COLUMNS.get(fold(str(cell or "")).strip(" :*"))
            if column and column not in found:
                found[column] = position
        if all(column in found for column in REQUIRED):
            return index, found
    needed = ", ".join(f"«{HEADERS[c]}»" for c in REQUIRED)
    raise DomainError(
        f"Không tìm thấy dòng tiêu đề có các cột {needed} trong {HEADER_SEARCH_ROWS} dòng "
        "đầu của tệp.",
        field="file",
    )


def _date(value) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    for pattern in ("%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(text)


def _check_row(line, row, columns, types, seen, unit, errors) -> Row | None:
    def cell(column):
        position = columns.get(column)
        value = row[position] if position is not None and position < len(row) else None
        return "" if value is None else value

    def error(column, message):
        errors.append(f"Dòng {line}, cột «{HEADERS[column]}»: {message}")

    count = len(errors)
    parsed = signed_on = None
    try:
        parsed = services.parse(str(cell(NUMBER)))
    except DomainError as exc:
        error(NUMBER, exc.message)
    raw_date = cell(DATE)
    try:
        signed_on = _date(raw_date) if raw_date != "" else None
        problem = services.date_problem(signed_on)
        if problem:
            error(DATE, f"«{raw_date}»: {problem}")
    except ValueError:
        error(DATE, f"«{str(raw_date)[:40]}» không phải ngày dạng dd/mm/yyyy.")
    title = str(cell(TITLE)).strip()
    if not title:
        error(TITLE, "trích yếu để trống.")
    elif problem := services.title_problem(title):
        error(TITLE, problem)
    type_text = fold(str(cell(TYPE)))
    if parsed and type_text:
        expected = {fold(parsed.type_code), fold(types.get(parsed.type_code, ""))}
        if type_text not in expected:
            error(
                TYPE, f"«{cell(TYPE)}» không khớp với ký hiệu loại «{parsed.type_code}» trong số."
            )
    classification = CLASSIFICATIONS.get(fold(str(cell(CLASSIFICATION))) or "thuong")
    if classification is None:
        error(
            CLASSIFICATION,
            f"«{cell(CLASSIFICATION)}» không phải độ mật (Thường, Mật, Tối mật, Tuyệt mật).",
        )
    raw_registered = cell(REGISTERED)
    registered_on = None
    if str(raw_registered).strip() != "":  # an empty cell: entered when signed
        try:
            registered_on = _date(raw_registered)
        except ValueError:
            error(REGISTERED, f"«{str(raw_registered)[:40]}» không phải ngày dạng dd/mm/yyyy.")
        else:
            if signed_on and (problem := services.registration_problem(registered_on, signed_on)):
                error(REGISTERED, problem.split(": ", 1)[-1])
    if len(errors) > count:
        return None
    key = (
        parsed.type_code,
        parsed.issuer_codes,
        parsed.sequence,
        numbers.term_start_year(signed_on),
    )
    if key in seen:
        error(NUMBER, f"số «{parsed.text}» trùng với dòng {seen[key]} trong cùng nhiệm kỳ.")
        return None
    seen[key] = line
    duplicate = services.find_duplicate(parsed, unit, signed_on)
    if duplicate is not None:
        error(NUMBER, services.duplicate_message(parsed, duplicate))
        return None
    return Row(line, parsed, signed_on, title, classification, registered_on)


def check_file(upload, unit) -> list[Row]:
    data = uploads.read_limited(upload, "file")
    kind = uploads.sniff(data)
    if kind not in (uploads.XLSX, uploads.CSV):
        raise DomainError(
            f"Tệp «{upload.name}» không phải tệp Excel (.xlsx) hoặc CSV theo nội dung tệp.",
            field="file",
        )
    rows = _cells(data, kind)
    header_index, columns = _header(rows)
    types = services.known_types()
    errors: list[str] = []
    checked: list[Row] = []
    seen: dict = {}
    for index, row in enumerate(rows[header_index + 1 :], start=header_index + 2):
        if all(value is None or str(value).strip() == "" for value in row):
            continue
        result = _check_row(index, row, columns, types, seen, unit, errors)
        if result is not None:
            checked.append(result)
    if errors:
        raise ValidationFailed(errors)
    if not checked:
        raise DomainError(f"Tệp «{upload.name}» không có dòng dữ liệu nào.", field="file")
    return checked


@transaction.atomic
def import_register(*, actor, upload, issuing_unit) -> Result:
    services.check_may_change(actor, issuing_unit)
    rows = check_file(upload, issuing_unit)
    result = Result()
    for row in rows:
        _, warnings = services.register_document(
            actor=actor,
            number_text=row.parsed.text,
            signed_on=row.signed_on,
            title=row.title,
            issuing_unit=issuing_unit,
            classification=row.classification,
            # A register kept before: entered when signed, unless the file says when.
            registered_on=row.registered_on or row.signed_on,
        )
        result.created += 1
        result.warnings += [f"Dòng {row.line}: {w}" for w in warnings]
    audit.record(
        actor,
        "document.import",
        issuing_unit,
        unit=issuing_unit,
        rows=result.created,
        file=upload.name,
    )
    return result
