"""The rules of a training class's counts and dates, as a pure function (tested with
hypothesis); each broken rule gives a Vietnamese message naming the fields, the values and
the rule."""

from __future__ import annotations

from tuyengiao.core.text import format_date, format_number

COUNT_FIELDS = ["planned", "attended", "completed", "excellent", "good", "passed", "failed"]
RESULT_FIELDS = ["excellent", "good", "passed", "failed"]
# The counts are PositiveIntegerFields: PostgreSQL's `integer` holds no more, and SQLite
# fails with an OverflowError (a 500) past 2^63.
MAX_COUNT = 2**31 - 1
LABELS = {
    "planned": "Số học viên theo kế hoạch",
    "attended": "Số học viên tham dự",
    "completed": "Số học viên hoàn thành",
    "excellent": "Số học viên xếp loại giỏi",
    "good": "Số học viên xếp loại khá",
    "passed": "Số học viên xếp loại đạt",
    "failed": "Số học viên xếp loại không đạt",
    "start_date": "Ngày bắt đầu",
    "end_date": "Ngày kết thúc",
}


def check(data: dict) -> dict[str, list[str]]:
    """Errors by field name; empty when the class is consistent."""
    errors: dict[str, list[str]] = {}

    def add(field, message):
        errors.setdefault(field, []).append(message)

    n = {}
    for field in COUNT_FIELDS:
        value = data.get(field) or 0
        if not isinstance(value, int) or value < 0:
            add(field, f"{LABELS[field]} ({value}) phải là số nguyên không âm.")
            value = 0
        elif value > MAX_COUNT:
            add(
                field,
                f"{LABELS[field]} ({format_number(value)}) vượt quá mức tối đa "
                f"{format_number(MAX_COUNT)}.",
            )
            value = 0
        n[field] = value
    if n["attended"] > n["planned"]:
        add(
            "attended",
            f"{LABELS['attended']} ({format_number(n['attended'])}) phải nhỏ hơn hoặc bằng "
            f"số học viên theo kế hoạch ({format_number(n['planned'])}).",
        )
    if n["completed"] > n["attended"]:
        add(
            "completed",
            f"{LABELS['completed']} ({format_number(n['completed'])}) phải nhỏ hơn hoặc bằng "
            f"số học viên tham dự ({format_number(n['attended'])}).",
        )
    results = sum(n[f] for f in RESULT_FIELDS)
    if results != n["completed"]:
        parts = " + ".join(format_number(n[f]) for f in RESULT_FIELDS)
        add(
            "excellent",
            f"Tổng xếp loại giỏi + khá + đạt + không đạt ({parts} = {format_number(results)}) "
            f"phải bằng số học viên hoàn thành ({format_number(n['completed'])}).",
        )
    start, end = data.get("start_date"), data.get("end_date")
    if start and end and end < start:
        add(
            "end_date",
            f"{LABELS['end_date']} ({format_date(end)}) không được trước "
            f"ngày bắt đầu ({format_date(start)}).",
        )
    return errors
