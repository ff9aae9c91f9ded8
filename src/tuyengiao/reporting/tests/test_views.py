import pytest
from django.urls import reverse

from tuyengiao.core.testing import assert_hidden_from, status_of
from tuyengiao.reporting.choices import SubmissionStatus as S
from tuyengiao.reporting.models import Submission

pytestmark = pytest.mark.django_db

BEN_NGHE_2022 = reverse("reporting:submission", args=["HT-NQ", "2022", "DU-BEN-NGHE"])
BEN_NGHE_2023 = reverse("reporting:submission", args=["HT-NQ", "2023", "DU-BEN-NGHE"])
BOARD = reverse("reporting:status", args=["HT-NQ", "2023", "QU-Q1"])
DRILL = reverse("reporting:drilldown", args=["HT-NQ", "2022", "QU-Q1"])
DASHBOARD = reverse("reporting:dashboard", args=["HT-NQ", "2022", "QU-Q1"])
WARD_PAGES = [
    BEN_NGHE_2022,
    reverse("reporting:status", args=["HT-NQ", "2023", "DU-BEN-NGHE"]),
    reverse("reporting:drilldown", args=["HT-NQ", "2022", "DU-BEN-NGHE"]),
    reverse("reporting:dashboard", args=["HT-NQ", "2022", "DU-BEN-NGHE"]),
]
VALUES = {
    "members_total": "320",
    "members_required": "290",
    "members_attended": "275",
    "non_members_attended": "180",
}


@pytest.mark.parametrize("url", WARD_PAGES)
def test_the_ben_thanh_reporter_cannot_read_ben_nghe_pages(client, outsider, url):
    assert_hidden_from(client, outsider, url)


@pytest.mark.parametrize(
    "url",
    [
        BEN_NGHE_2023,
        reverse("reporting:return", args=["HT-NQ", "2022", "DU-BEN-NGHE"]),
        reverse("reporting:approve", args=["HT-NQ", "2022", "DU-BEN-NGHE"]),
        reverse("reporting:approve_all", args=["HT-NQ", "2023", "DU-BEN-NGHE"]),
    ],
)
def test_the_ben_thanh_reporter_cannot_write_ben_nghe_figures_by_url(client, outsider, url):
    assert_hidden_from(client, outsider, url, method="post", **VALUES, submit="1", reason="x")
    assert not Submission.objects.filter(period__code="2023", unit__code="DU-BEN-NGHE").exists()


@pytest.mark.parametrize("url", [BOARD, DRILL, DASHBOARD])
def test_a_ward_reporter_cannot_see_the_district_pages(client, reporter, url):
    assert_hidden_from(client, reporter, url)


@pytest.mark.parametrize("role", ["admin", "specialist", "approver", "viewer"])
@pytest.mark.parametrize(
    "url", [BOARD, DRILL, DASHBOARD, BEN_NGHE_2022, reverse("reporting:forms")]
)
def test_district_users_see_the_district_pages(client, request, role, url):
    assert status_of(client, request.getfixturevalue(role), url) == 200


def test_a_viewer_cannot_post_figures(client, viewer):
    client.force_login(viewer)
    assert client.post(BEN_NGHE_2023, {**VALUES, "save": "1"}).status_code == 403


def test_a_rule_error_is_shown_beside_the_field_and_nothing_is_saved(client, reporter):
    client.force_login(reporter)
    response = client.post(BEN_NGHE_2023, {**VALUES, "members_attended": "7.200", "save": "1"})
    page = response.content.decode()
    assert response.status_code == 200
    assert 'data-testid="error-members_attended"' in page
    assert "(7.200) lớn hơn «Số đảng viên phải học tập» (290)" in page
    assert not Submission.objects.filter(period__code="2023", unit__code="DU-BEN-NGHE").exists()


def test_garbage_input_gets_vietnamese_messages_not_a_server_error(client, reporter):
    client.force_login(reporter)
    response = client.post(
        BEN_NGHE_2023,
        {
            "members_total": "abc",
            "members_required": "-3",
            "members_attended": "1e400",
            "non_members_attended": "x" * 5000,
            "submit": "1",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "«abc» — không phải là số" in page and "nhỏ hơn giá trị tối thiểu 0" in page


def test_the_reporter_submits_and_the_page_becomes_read_only(client, reporter):
    client.force_login(reporter)
    response = client.post(BEN_NGHE_2023, {**VALUES, "submit": "1"})
    assert response.status_code == 302
    submission = Submission.objects.get(period__code="2023", unit__code="DU-BEN-NGHE")
    assert submission.status == S.SUBMITTED
    page = client.get(BEN_NGHE_2023).content.decode()
    assert "Gửi báo cáo" not in page and "readonly" in page
    assert client.post(BEN_NGHE_2023, {**VALUES, "save": "1"}).status_code == 403


def test_the_status_board_counts_and_marks_overdue_units(client, specialist):
    client.force_login(specialist)
    page = client.get(BOARD).content.decode()
    assert "41/51 đã gửi" in page and "35/51 đã duyệt" in page
    assert "quá hạn" in page and "chưa báo cáo" in page
    only_returned = client.get(BOARD, {"status": "returned"}).content.decode()
    assert "Trường THPT Trưng Vương" in only_returned and "Bến Thành" not in only_returned


def test_a_return_without_a_reason_is_refused(client, specialist, reporter):
    client.force_login(reporter)
    client.post(BEN_NGHE_2023, {**VALUES, "submit": "1"})
    client.force_login(specialist)
    url = reverse("reporting:return", args=["HT-NQ", "2023", "DU-BEN-NGHE"])
    response = client.post(url, {"reason": " "}, follow=True)
    assert "Cần ghi lý do trả lại" in response.content.decode()
    assert (
        Submission.objects.get(period__code="2023", unit__code="DU-BEN-NGHE").status == S.SUBMITTED
    )


def test_drilldown_sorts_in_vietnamese_order_and_exports_xlsx(client, specialist):
    import io

    from openpyxl import load_workbook

    client.force_login(specialist)
    page = client.get(DRILL).content.decode()
    assert (
        page.index("phường Cô Giang") < page.index("phường Đa Kao") < page.index("phường Tân Định")
    )
    response = client.get(DRILL, {"format": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    total = [row for row in sheet.iter_rows(values_only=True) if row[1] == "Tổng cộng"][0]
    assert total[2:7] == (8021, 6970, 6513, 4608, 93.44)
    assert sheet.cell(row=4, column=3).number_format == "#,##0"


def test_the_drilldown_links_keep_the_other_choices_of_the_query(client, specialist):
    client.force_login(specialist)
    page = client.get(DRILL, {"include": "submitted", "sort": "name"}).content.decode()
    assert 'href="?include=submitted&amp;sort=name&amp;format=xlsx"' in page  # the export
    assert 'href="?sort=name"' in page  # back to approved only
    assert 'href="?include=submitted&amp;sort=name&amp;dir=desc"' in page  # name, descending
    assert 'href="?include=submitted&amp;sort=completeness"' in page  # another column
    page = client.get(DRILL, {"sort": "name", "dir": "desc"}).content.decode()
    assert 'href="?sort=name"' in page  # name, ascending again
    assert 'href="?sort=name&amp;dir=desc&amp;include=submitted"' in page


def test_dashboard_shows_completeness_rate_and_an_svg_chart(client, approver):
    client.force_login(approver)
    page = client.get(DASHBOARD).content.decode()
    assert "51/51" in page and "93,44%" in page and "<svg" in page


def test_the_home_panel_lists_the_forms_due_with_deadlines(client, reporter):
    client.force_login(reporter)
    page = client.get("/").content.decode()
    assert 'data-testid="panel-forms-due"' in page
    assert "Học tập, quán triệt nghị quyết — Năm 2023" in page and "15/01/2024" in page


def test_the_submission_page_shows_its_trail(client, approver):
    client.force_login(approver)
    page = client.get(reverse("reporting:submission", args=["HT-NQ", "2023", "CS-Q1-021"]))
    text = page.content.decode()
    assert "Trả lại đơn vị" in text and "chưa trừ đảng viên miễn sinh hoạt" in text


def test_specialists_see_the_rounds_to_follow_up_on_the_home_page(client, specialist, reporter):
    client.force_login(specialist)
    page = client.get("/").content.decode()
    assert 'data-testid="panel-follow-up"' in page
    assert "Năm 2023" in page and "41/51 đã gửi" in page and "6 chờ duyệt" in page
    assert "Năm 2022" not in page.split('data-testid="panel-follow-up"')[1].split("</section>")[0]
    client.force_login(reporter)
    assert 'data-testid="panel-follow-up"' not in client.get("/").content.decode()
