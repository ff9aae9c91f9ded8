"""The ranges a year, an id or a count may take before it reaches the database.

Out-of-range values were 500s: `date(0, 1, 1)` for `?year=0`, SQLite's «Python int too
large» for a twenty-digit id or a post count of 2^63.
"""

from __future__ import annotations

import csv
import io

from .errors import DomainError, ValidationFailed
from .text import format_number

MIN_YEAR, MAX_YEAR = 1930, 2200  # the Party's founding year; no record before it
MAX_ID = 2**63 - 1
# The largest value each integer column type holds on every supported database (PostgreSQL's
# `integer` is 4 bytes; SQLite would take more, but a database moved to PostgreSQL must load).
INTEGER_MAX = {
    "SmallIntegerField": 2**15 - 1,
    "PositiveSmallIntegerField": 2**15 - 1,
    "IntegerField": 2**31 - 1,
    "PositiveIntegerField": 2**31 - 1,
    "BigIntegerField": 2**63 - 1,
    "PositiveBigIntegerField": 2**63 - 1,
}


def max_for(model, field_name: str) -> int:
    """The largest value `model.field_name` can store on any supported database."""
    return INTEGER_MAX[model._meta.get_field(field_name).get_internal_type()]


def count_problem(value, maximum: int) -> str | None:
    """A whole, non-negative count the column can hold; else the Vietnamese rule."""
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        return f"«{value}» phải là số nguyên không âm."
    if value > maximum:
        return f"«{format_number(value)}» vượt quá mức tối đa {format_number(maximum)}."
    return None


def parse_year(value, *, field: str = "year") -> int:
    """A year from a query parameter or a cell; DomainError naming the value and the range."""
    text = str(value if value is not None else "").strip()
    try:
        year = int(text)
    except ValueError as exc:
        raise DomainError(f"Năm «{text[:20]}» không phải là số, ví dụ 2022.", field=field) from exc
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise DomainError(f"Năm «{text[:20]}» ngoài khoảng {MIN_YEAR}–{MAX_YEAR}.", field=field)
    return year


def csv_rows(text: str, delimiter: str):
    """The rows of a CSV text; a cell over the csv module's limit (131.072 characters) or a
    broken quote is a row message, not a csv.Error (a 500)."""
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    while True:
        try:
            yield next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            line = reader.line_num
            if "field larger than field limit" in str(exc):
                limit = format_number(csv.field_size_limit())
                message = f"Dòng {line}: một ô dài quá {limit} ký tự; tệp không đọc được."
            else:
                message = f"Dòng {line}: không đọc được dòng CSV ({exc})."
            raise ValidationFailed([message]) from exc
