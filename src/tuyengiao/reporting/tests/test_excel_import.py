"""Importing a filled template: the whole file is checked, then every row is saved or none."""

import io
import zipfile

import pytest
from openpyxl import Workbook

from tuyengiao.core.models import AuditEvent
from tuyengiao.orgs.models import OrgUnit
from tuyengiao.reporting import excel
from tuyengiao.reporting.choices import FieldType, PeriodType, SubmissionStatus
from tuyengiao.reporting.excel_import import import_workbook
from tuyengiao.reporting.models import Field, Form, Submission
from tuyengiao.reporting.tests.excel_helpers import (
    GOOD,
    as_upload,
    fill,
    ht_nq,
    template_bytes,
    template_for,
)

pytestmark = pytest.mark.django_db
CAMPAIGN_2022 = "HT-TW456-2022"  # the seed's 2022 figures: that campaign's own collection


def _import(user, upload, period="2023", **kwargs):
    form, period_obj = ht_nq(period)
    return import_workbook(upload, form, period_obj, actor=user, **kwargs)


def _error(user, upload, period="2023") -> str:
    with pytest.raises(excel.ExcelError) as caught:
        _import(user, upload, period)
    return caught.value.message


def _ben_nghe():
    form, period = ht_nq()
    return Submission.objects.filter(form=form, period=period, unit__code="DU-BEN-NGHE").first()


def test_a_filled_template_is_saved_as_a_draft_and_audited(reporter):
    # given the Bến Nghé template filled with valid figures
    workbook = template_for(reporter)
    fill(workbook, "DU-BEN-NGHE", **GOOD)
    # when it is uploaded
    result = _import(reporter, as_upload(workbook))
    # then Bến Nghé has a draft with exactly those figures, recorded as imported from Excel
    assert result.ok and [unit.code for _, unit in result.saved] == ["DU-BEN-NGHE"]
    submission = _ben_nghe()
    assert submission.status == SubmissionStatus.DRAFT
    stored = {v.field.code: int(v.number) for v in submission.values.select_related("field")}
    assert stored == GOOD
    event = AuditEvent.objects.get(verb="submission.import_excel", object_id=str(submission.pk))
    assert event.data["row"] == excel.FIRST_ROW and event.actor == reporter


def test_submit_right_away_sends_the_imported_reports(reporter):
    workbook = template_for(reporter)
    fill(workbook, "DU-BEN-NGHE", **GOOD)
    result = _import(reporter, as_upload(workbook), submit=True)
    assert result.ok and _ben_nghe().status == SubmissionStatus.SUBMITTED


def test_a_rule_violation_names_row_column_values_and_nothing_is_saved(specialist):
    # given the specialist's template with one good row and one breaking a rule
    workbook = template_for(specialist)
    fill(workbook, "DU-BEN-NGHE", **GOOD)
    bad_row = fill(workbook, "DU-CAU-KHO", **{**GOOD, "members_attended": 7200})
    # when it is uploaded
    result = _import(specialist, as_upload(workbook))
    # then the problem is listed with row, column and values, and nothing is saved
    assert not result.ok and result.saved == []
    assert result.messages == [
        f"Dòng {bad_row}, cột «Số đảng viên tham gia học tập»: «Số đảng viên tham gia học "
        "tập» (7.200) lớn hơn «Số đảng viên phải học tập» (110)."
    ]
    assert _ben_nghe() is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=B4*2", "ô chứa công thức"),
        ("nhiều", "«nhiều» — là chữ, không phải số nguyên."),
        (-5, "-5 nhỏ hơn giá trị tối thiểu 0."),
        (12.5, "12,5 — phải là số nguyên."),
        (True, "cột này phải là số nguyên."),
    ],
)
def test_bad_cells_are_named_by_row_and_column(reporter, value, expected):
    workbook = template_for(reporter)
    row = fill(workbook, "DU-BEN-NGHE", **{**GOOD, "members_total": value})
    result = _import(reporter, as_upload(workbook))
    assert not result.ok and _ben_nghe() is None
    assert len(result.messages) == 1  # one message per cell, not "missing" as well
    message = result.messages[0]
    assert message.startswith(f"Dòng {row}, cột «Tổng số đảng viên")
    assert expected in message


def test_a_missing_required_figure_is_reported(reporter):
    workbook = template_for(reporter)
    row = fill(workbook, "DU-BEN-NGHE", **{**GOOD, "members_total": None})
    assert _import(reporter, as_upload(workbook)).messages == [
        f"Dòng {row}, cột «Tổng số đảng viên»: chưa nhập (bắt buộc)."
    ]


def test_a_unit_code_that_does_not_exist_is_rejected(reporter):
    workbook = template_for(reporter)
    row = fill(workbook, "DU-BEN-NGHE", **GOOD)
    workbook[excel.DATA_SHEET].cell(row=row, column=1, value="DU-KHONG-CO")
    result = _import(reporter, as_upload(workbook))
    assert result.messages == [
        f"Dòng {row}, cột «Mã đơn vị»: «DU-KHONG-CO» — không có đơn vị nào mang mã này."
    ]


def test_the_sibling_reporter_cannot_import_rows_for_ben_nghe(outsider):
    # given Bến Thành's template with a row for Bến Nghé added by hand
    workbook = template_for(outsider)
    sheet = workbook[excel.DATA_SHEET]
    row = sheet.max_row + 1
    sheet.cell(row=row, column=1, value="DU-BEN-NGHE")
    for column, value in enumerate(GOOD.values(), start=excel.FIRST_FIELD_COLUMN):
        sheet.cell(row=row, column=column, value=value)
    # when Bến Thành's reporter uploads it
    result = _import(outsider, as_upload(workbook))
    # then the row is rejected and Bến Nghé has still no report
    assert f"Dòng {row}, cột «Mã đơn vị»: «DU-BEN-NGHE» — đơn vị ngoài phạm vi" in "".join(
        result.messages
    )
    assert _ben_nghe() is None


def test_a_unit_listed_twice_is_rejected(specialist):
    workbook = template_for(specialist)
    first = fill(workbook, "DU-BEN-NGHE", **GOOD)
    second = fill(workbook, "DU-CAU-KHO", **GOOD)
    workbook[excel.DATA_SHEET].cell(row=second, column=1, value="DU-BEN-NGHE")
    result = _import(specialist, as_upload(workbook))
    assert f"mã đơn vị lặp lại (đã có ở dòng {first})" in result.messages[0]


def test_approved_rows_are_locked_but_unchanged_ones_pass(specialist):
    # given the 2022 campaign's template, whose 51 rows are approved and filled in
    workbook = template_for(specialist, CAMPAIGN_2022)
    # when it is uploaded unchanged, then nothing is saved and nothing is wrong
    result = _import(specialist, as_upload(workbook), period=CAMPAIGN_2022)
    assert result.ok and result.saved == [] and len(result.unchanged) == 51
    # when one approved row is changed, then it is refused as locked
    row = fill(workbook, "DU-BEN-NGHE", members_total=99999)
    result = _import(specialist, as_upload(workbook), period=CAMPAIGN_2022)
    assert result.messages[0].startswith(f"Dòng {row}: báo cáo của «DU-BEN-NGHE» đã được duyệt")


def test_empty_rows_are_skipped_not_rejected(specialist):
    workbook = template_for(specialist)
    fill(workbook, "DU-BEN-NGHE", **GOOD)
    result = _import(specialist, as_upload(workbook))
    # then only Bến Nghé is saved: rows left empty are skipped, drafts as stored untouched
    assert result.ok and [unit.code for _, unit in result.saved] == ["DU-BEN-NGHE"]
    assert "DU-CAU-KHO" in {unit.code for _, unit in result.empty}
    assert "DU-BEN-THANH" in {unit.code for _, unit in result.unchanged}


# --- files that are not this form's and period's template --------------------------------


def test_a_text_file_named_xlsx_is_not_excel(reporter):
    message = _error(reporter, as_upload("Mã đơn vị;Số\nDU-BEN-NGHE;5".encode()))
    assert "không phải là tệp Excel .xlsx" in message


def test_an_old_xls_file_is_explained(reporter):
    message = _error(reporter, as_upload(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600))
    assert "Excel 97–2003 (.xls)" in message


def test_a_corrupt_zip_is_rejected(reporter):
    content = template_bytes(reporter, *ht_nq())
    assert "bị hỏng" in _error(reporter, as_upload(content[: len(content) // 2]))


def test_a_zip_that_is_not_a_workbook_is_rejected(reporter):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    assert "không phải bảng tính Excel" in _error(reporter, as_upload(buffer.getvalue()))


def test_an_empty_file_is_rejected(reporter):
    assert "Tệp rỗng" in _error(reporter, as_upload(b""))


def test_a_file_over_the_size_limit_is_rejected_before_reading(reporter, settings):
    settings.MAX_UPLOAD_MB = 1
    message = _error(reporter, as_upload(b"PK\x03\x04" + b"0" * (1024 * 1024 + 10)))
    assert "vượt giới hạn 1 MB" in message


def test_a_foreign_workbook_without_metadata_is_rejected(reporter):
    workbook = Workbook()
    workbook.active.append(["Mã đơn vị", "Tổng số đảng viên"])
    workbook.active.append(["DU-BEN-NGHE", 120])
    assert "không phải mẫu nhập liệu của hệ thống" in _error(reporter, as_upload(workbook))


def test_another_periods_template_is_recognised(reporter):
    content = template_bytes(reporter, *ht_nq(CAMPAIGN_2022))
    message = _error(reporter, as_upload(content), period="2023")
    assert f"mẫu của kỳ «{CAMPAIGN_2022}», không phải kỳ «2023»" in message


def test_another_forms_template_is_recognised(reporter):
    # given another form assigned to Bến Nghé for 2023
    other = Form.objects.create(code="TEST-KHAC", name="Biểu mẫu khác", period_type=PeriodType.YEAR)
    Field.objects.create(form=other, code="so_lop", label="Số lớp", type=FieldType.INTEGER)
    form, period = ht_nq()
    unit = OrgUnit.objects.get(code="DU-BEN-NGHE")
    content = excel.build_template(other, period, [unit])
    # when its template is uploaded to HT-NQ, then the form is named
    message = _error(reporter, as_upload(content))
    assert "mẫu của biểu mẫu «TEST-KHAC», không phải «HT-NQ»" in message


def test_a_template_of_a_changed_form_asks_for_a_new_one(reporter):
    workbook = template_for(reporter)
    meta = workbook[excel.META_SHEET]
    for row in meta.iter_rows():
        if row[0].value == "fields":
            row[1].value = "members_total,members_required"
    assert "tải mẫu mới" in _error(reporter, as_upload(workbook))


def test_a_template_with_no_rows_filled_in_is_rejected_clearly(reporter):
    workbook = template_for(reporter)
    workbook[excel.DATA_SHEET].delete_rows(excel.FIRST_ROW, 1)
    assert "không có dòng số liệu nào" in _error(reporter, as_upload(workbook))


def test_submit_right_away_sends_only_the_rows_changed_in_the_file(specialist):
    # given the district template: Bến Thành's 2023 draft left as it is, Bến Nghé filled in
    workbook = template_for(specialist)
    fill(workbook, "DU-BEN-NGHE", **GOOD)
    # when the file is uploaded with "submit right away"
    result = _import(specialist, as_upload(workbook), submit=True)
    # then Bến Nghé is sent and Bến Thành's draft stays a draft (listed as unchanged)
    assert result.ok and [unit.code for _, unit in result.saved] == ["DU-BEN-NGHE"]
    assert _ben_nghe().status == SubmissionStatus.SUBMITTED
    form, period = ht_nq()
    submission = Submission.objects.get(form=form, period=period, unit__code="DU-BEN-THANH")
    assert submission.status == SubmissionStatus.DRAFT
