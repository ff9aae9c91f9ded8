"""The Excel pages: template download and upload, with the same scope as the other pages."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tuyengiao.core.testing import assert_hidden_from, status_of
from tuyengiao.core.xlsx import XLSX
from tuyengiao.reporting import excel
from tuyengiao.reporting.models import Submission
from tuyengiao.reporting.tests.excel_helpers import GOOD, as_upload, fill, template_for

pytestmark = pytest.mark.django_db
TEMPLATE = reverse("reporting:excel_template", args=["HT-NQ", "2023"])
UPLOAD = reverse("reporting:excel_upload", args=["HT-NQ", "2023"])


def _post(client, user, upload, **data):
    client.force_login(user)
    return client.post(UPLOAD, {"file": upload, **data})


def test_the_reporter_downloads_an_xlsx_with_the_own_row(client, reporter):
    client.force_login(reporter)
    response = client.get(TEMPLATE)
    assert response.status_code == 200
    assert response["Content-Type"] == XLSX
    assert 'filename="mau-HT-NQ-2023.xlsx"' in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.content))[excel.DATA_SHEET]
    assert sheet.cell(row=excel.FIRST_ROW, column=1).value == "DU-BEN-NGHE"


def test_the_specialist_can_ask_for_one_wards_rows(client, specialist):
    client.force_login(specialist)
    response = client.get(TEMPLATE, {"unit": "DU-BEN-NGHE"})
    sheet = load_workbook(io.BytesIO(response.content))[excel.DATA_SHEET]
    assert sheet.max_row == excel.FIRST_ROW


@pytest.mark.parametrize(
    ("role", "url", "expected"),
    [
        ("reporter", TEMPLATE, 200),
        ("specialist", TEMPLATE, 200),
        ("admin", TEMPLATE, 200),
        ("approver", TEMPLATE, 404),  # approves, does not report
        ("viewer", TEMPLATE, 404),
        ("reporter", UPLOAD, 200),
        ("specialist", UPLOAD, 200),
        ("approver", UPLOAD, 404),
        ("viewer", UPLOAD, 404),
    ],
)
def test_permission_matrix_for_the_excel_pages(client, request, role, url, expected):
    assert status_of(client, request.getfixturevalue(role), url) == expected


def test_the_sibling_reporter_gets_404_for_ben_nghe_rows(client, outsider):
    assert_hidden_from(client, outsider, f"{TEMPLATE}?unit=DU-BEN-NGHE")
    assert_hidden_from(client, outsider, f"{UPLOAD}?unit=DU-BEN-NGHE")


def test_unknown_forms_and_periods_are_404(client, reporter):
    client.force_login(reporter)
    assert (
        client.get(reverse("reporting:excel_template", args=["KHONG", "2023"])).status_code == 404
    )
    assert client.get(reverse("reporting:excel_upload", args=["HT-NQ", "1999"])).status_code == 404


def test_anonymous_users_are_sent_to_the_login_page(client):
    response = client.get(TEMPLATE)
    assert response.status_code == 302 and response.url.startswith("/login/")


def test_uploading_a_valid_file_saves_and_lists_the_units(client, reporter):
    workbook = template_for(reporter)
    fill(workbook, "DU-BEN-NGHE", **GOOD)
    response = _post(client, reporter, as_upload(workbook), submit_now="on")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Đã gửi báo cáo của 1 đơn vị." in page and "DU-BEN-NGHE" in page
    submission = Submission.objects.get(period__code="2023", unit__code="DU-BEN-NGHE")
    assert submission.status == "submitted"


def test_uploading_a_bad_file_lists_every_problem_and_saves_nothing(client, specialist):
    workbook = template_for(specialist)
    first = fill(workbook, "DU-BEN-NGHE", **{**GOOD, "members_total": "nhiều"})
    second = fill(workbook, "DU-CAU-KHO", **{**GOOD, "members_attended": 7200})
    page = _post(client, specialist, as_upload(workbook)).content.decode()
    assert "Tệp có 2 lỗi, chưa lưu dữ liệu nào." in page
    assert f"Dòng {first}, cột «Tổng số đảng viên»" in page
    assert f"Dòng {second}, cột «Số đảng viên tham gia học tập»" in page
    assert not Submission.objects.filter(period__code="2023", unit__code="DU-BEN-NGHE").exists()


def test_a_file_that_is_not_excel_gets_a_message_not_an_error_page(client, reporter):
    response = _post(client, reporter, as_upload(b"%PDF-1.4 not a spreadsheet", "bao-cao.xlsx"))
    assert response.status_code == 200
    assert "không phải là tệp Excel .xlsx" in response.content.decode()


def test_posting_without_a_file_asks_for_one(client, reporter):
    client.force_login(reporter)
    response = client.post(UPLOAD, {})
    assert response.status_code == 200
    assert "Trường này là bắt buộc" in response.content.decode()
