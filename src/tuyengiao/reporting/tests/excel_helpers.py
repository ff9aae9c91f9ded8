"""Helpers for the Excel tests: a user's template as an openpyxl workbook, and uploads."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from tuyengiao.core.xlsx import XLSX
from tuyengiao.reporting import excel
from tuyengiao.reporting.models import Form, Period
from tuyengiao.reporting.views_excel import _stored_rows, reportable_units

FIELDS = ["members_total", "members_required", "members_attended", "non_members_attended"]
COLUMN = {code: excel.FIRST_FIELD_COLUMN + index for index, code in enumerate(FIELDS)}


def ht_nq(period="2023"):
    return Form.objects.get(code="HT-NQ"), Period.objects.get(code=period)


def template_bytes(user, form, period) -> bytes:
    units = list(reportable_units(user, form, period))
    return excel.build_template(
        form, period, units, rows=_stored_rows(form, period, [u.pk for u in units])
    )


def template_for(user, period="2023"):
    form, period_obj = ht_nq(period)
    return load_workbook(io.BytesIO(template_bytes(user, form, period_obj)))


def row_of(workbook, code) -> int:
    sheet = workbook[excel.DATA_SHEET]
    for row in range(excel.FIRST_ROW, sheet.max_row + 1):
        if sheet.cell(row=row, column=excel.CODE_COLUMN).value == code:
            return row
    raise AssertionError(f"{code} not in the template")


def fill(workbook, code, **values):
    sheet = workbook[excel.DATA_SHEET]
    row = row_of(workbook, code)
    for field, value in values.items():
        sheet.cell(row=row, column=COLUMN[field], value=value)
    return row


def as_upload(workbook_or_bytes, name="bao-cao.xlsx") -> SimpleUploadedFile:
    if isinstance(workbook_or_bytes, bytes):
        content = workbook_or_bytes
    else:
        buffer = io.BytesIO()
        workbook_or_bytes.save(buffer)
        content = buffer.getvalue()
    return SimpleUploadedFile(name, content, content_type=XLSX)


GOOD = {
    "members_total": 120,
    "members_required": 110,
    "members_attended": 100,
    "non_members_attended": 40,
}
