"""The Excel template: one row per unit the user reports for, locked codes, hidden metadata."""

import pytest

from tuyengiao.reporting import excel
from tuyengiao.reporting.tests.excel_helpers import COLUMN, row_of, template_for

pytestmark = pytest.mark.django_db


def test_a_reporter_gets_one_row_for_the_own_unit(reporter):
    # given the Bến Nghé reporter, when the 2023 HT-NQ template is built
    workbook = template_for(reporter)
    sheet = workbook[excel.DATA_SHEET]
    # then it has exactly one data row, Bến Nghé's
    rows = [sheet.cell(row=r, column=1).value for r in range(excel.FIRST_ROW, sheet.max_row + 1)]
    assert rows == ["DU-BEN-NGHE"]
    assert sheet.cell(row=excel.FIRST_ROW, column=2).value == "Đảng ủy phường Bến Nghé"


def test_headers_are_the_vietnamese_field_labels(reporter):
    sheet = template_for(reporter)[excel.DATA_SHEET]
    headers = [sheet.cell(row=excel.HEADER_ROW, column=c).value for c in range(1, 7)]
    assert headers[:2] == ["Mã đơn vị", "Tên đơn vị"]
    assert headers[4] == "Số đảng viên tham gia học tập (*)"


def test_codes_and_names_are_locked_and_figure_cells_are_not(reporter):
    sheet = template_for(reporter)[excel.DATA_SHEET]
    assert sheet.protection.sheet is True
    assert sheet.cell(row=excel.FIRST_ROW, column=1).protection.locked is True
    assert sheet.cell(row=excel.FIRST_ROW, column=2).protection.locked is True
    figure = sheet.cell(row=excel.FIRST_ROW, column=COLUMN["members_attended"])
    assert figure.protection.locked is False
    assert figure.number_format == "#,##0"


def test_figure_columns_carry_whole_number_validation_from_zero(reporter):
    sheet = template_for(reporter)[excel.DATA_SHEET]
    validations = sheet.data_validations.dataValidation
    assert len(validations) == 4
    assert {v.type for v in validations} == {"whole"}
    assert {v.formula1 for v in validations} == {"0"}
    assert all(v.showErrorMessage and "phải là số nguyên" in v.error for v in validations)


def test_a_very_hidden_sheet_names_form_period_and_version(reporter):
    workbook = template_for(reporter)
    assert workbook[excel.META_SHEET].sheet_state == "veryHidden"
    meta = excel.read_metadata(workbook)
    assert meta["form"] == "HT-NQ" and meta["period"] == "2023"
    assert meta["format"] == excel.FORMAT_VERSION
    assert meta["fields"].split(",")[0] == "members_total"


def test_a_specialist_gets_every_expected_unit_of_the_district(specialist):
    sheet = template_for(specialist)[excel.DATA_SHEET]
    assert sheet.max_row - excel.FIRST_ROW + 1 == 51


def test_figures_already_saved_are_filled_in(specialist):
    # given Bến Thành's 2023 draft (demo), when the specialist downloads the template
    workbook = template_for(specialist)
    row = row_of(workbook, "DU-BEN-THANH")
    cell = workbook[excel.DATA_SHEET].cell(row=row, column=COLUMN["members_total"])
    # then its figures are in the row, as numbers
    assert isinstance(cell.value, int) and cell.value > 0


def test_the_sibling_reporter_template_does_not_list_ben_nghe(outsider):
    workbook = template_for(outsider)
    with pytest.raises(AssertionError):
        row_of(workbook, "DU-BEN-NGHE")
