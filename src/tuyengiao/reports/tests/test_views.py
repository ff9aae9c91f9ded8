"""Report pages: who may read, who may generate, and what the pages say."""

import pytest
from django.urls import reverse

from tuyengiao.core.actors import SYSTEM
from tuyengiao.core.testing import assert_hidden_from, status_of
from tuyengiao.reports import services
from tuyengiao.reports.models import GeneratedReport
from tuyengiao.training.models import TrainingClass

pytestmark = pytest.mark.django_db

DISTRICT_PAGE = reverse("reports:unit_year", args=["QU-Q1", 2022])
WARD_PAGE = reverse("reports:unit_year", args=["DU-BEN-NGHE", 2022])
WARD_GENERATE = reverse("reports:generate", args=["DU-BEN-NGHE", 2022])


@pytest.fixture
def ward_report(ben_nghe, specialist):
    return services.generate_report(ben_nghe, 2022, actor=specialist)


def report_urls(report):
    return [
        reverse(f"reports:{name}", args=[report.pk]) for name in ("sources", "download", "annex")
    ]


@pytest.mark.parametrize(
    ("role", "url", "expected"),
    [
        ("specialist", DISTRICT_PAGE, 200),
        ("approver", DISTRICT_PAGE, 200),
        ("viewer", DISTRICT_PAGE, 200),
        ("reporter", DISTRICT_PAGE, 404),
        ("outsider", DISTRICT_PAGE, 404),
        ("reporter", WARD_PAGE, 200),
        ("outsider", WARD_PAGE, 404),
        ("outsider", reverse("reports:index"), 200),
    ],
)
def test_permission_matrix_for_report_pages(client, request, role, url, expected):
    assert status_of(client, request.getfixturevalue(role), url) == expected


def test_sibling_ward_reporter_gets_404_on_every_url_of_a_ben_nghe_report(
    client, outsider, ward_report
):
    for url in [WARD_PAGE, *report_urls(ward_report)]:
        assert_hidden_from(client, outsider, url)
    assert_hidden_from(client, outsider, WARD_GENERATE, method="post")
    assert GeneratedReport.objects.count() == 1


def test_the_ward_reporter_reads_its_report_but_may_not_generate(client, reporter, ward_report):
    client.force_login(reporter)
    for url in report_urls(ward_report):
        assert client.get(url).status_code == 200
    page = client.get(WARD_PAGE).content.decode()
    assert "Tạo báo cáo" not in page
    assert client.post(WARD_GENERATE).status_code == 403
    assert GeneratedReport.objects.count() == 1


def test_the_specialist_generates_and_downloads_the_report(client, specialist):
    client.force_login(specialist)
    page = client.get(DISTRICT_PAGE).content.decode()
    assert "Tạo báo cáo" in page and "PHÓ BÍ THƯ THƯỜNG TRỰC" in page
    response = client.post(
        reverse("reports:generate", args=["QU-Q1", 2022]),
        {
            "number": "05",
            "date": "2023-02-10",
            "signer_title": "PHÓ BÍ THƯ THƯỜNG TRỰC",
            "signer_for": "T/M BAN THƯỜNG VỤ",
            "signer_name": "Hoàng Thị Tố Nga",
            "recipients": "Ban Tuyên giáo Thành ủy\nLưu VP",
        },
    )
    report = GeneratedReport.objects.get()
    assert response.status_code == 302 and report.generated_by == specialist
    download = client.get(reverse("reports:download", args=[report.pk]))
    assert download["Content-Disposition"].startswith("attachment")
    assert b"".join(download.streaming_content)[:2] == b"PK"
    assert report.options["signer_name"] == "Hoàng Thị Tố Nga"
    # The next time, the form remembers the header choices.
    assert "Hoàng Thị Tố Nga" in client.get(DISTRICT_PAGE).content.decode()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"number": "05-BC"}, "Số báo cáo «05-BC» không hợp lệ"),
        ({"date": "31/02/2023"}, "«Ngày»: «31/02/2023» — không phải là ngày hợp lệ"),
        ({"recipients": "\n".join(f"Nơi {i}" for i in range(13))}, "nhiều hơn mức tối đa 12"),
    ],
)
def test_bad_options_get_a_vietnamese_message_and_nothing_is_saved(
    client, specialist, data, message
):
    client.force_login(specialist)
    response = client.post(reverse("reports:generate", args=["QU-Q1", 2022]), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not GeneratedReport.objects.exists()


def test_a_year_out_of_range_is_not_found(client, specialist):
    client.force_login(specialist)
    assert client.get(reverse("reports:unit_year", args=["QU-Q1", 1900])).status_code == 404


def test_the_sources_page_marks_the_figures_changed_since_the_report(client, specialist, district):
    report = services.generate_report(district, 2022, actor=specialist)
    client.force_login(specialist)
    page = client.get(reverse("reports:sources", args=[report.pk])).content.decode()
    assert "Không có số liệu nào thay đổi" in page and "99,64%" in page
    one = TrainingClass.objects.filter(kind__code="chinh-tri-he", unit=district).first()
    TrainingClass.objects.filter(pk=one.pk).update(planned=one.planned + 1)
    page = client.get(reverse("reports:sources", args=[report.pk])).content.decode()
    assert 'data-changed="training.chinh-tri-he.rate"' in page
    assert 'data-changed="training.chinh-tri-he.planned"' in page
    assert page.count("data-changed=") == 2
    assert "99,60%" in page
    # The report page compares with the issued version only, never with a preview.
    assert "đã thay đổi so với bản đã ban hành" not in client.get(DISTRICT_PAGE).content.decode()


def test_a_report_generated_on_the_command_line_is_listed_as_such(client, specialist, district):
    services.generate_report(district, 2022, actor=SYSTEM)
    client.force_login(specialist)
    for url in (DISTRICT_PAGE, reverse("reports:index")):
        response = client.get(url)
        assert response.status_code == 200 and "dòng lệnh" in response.content.decode()


SECTIONS = reverse("reports:sections", args=["QU-Q1", 2022])
ISSUE = reverse("reports:issue", args=["QU-Q1", 2022])
WARD_SECTIONS = reverse("reports:sections", args=["DU-BEN-NGHE", 2022])
WARD_ISSUE = reverse("reports:issue", args=["DU-BEN-NGHE", 2022])


def test_the_specialist_writes_a_section_and_a_new_version_is_kept(client, specialist, district):
    from tuyengiao.reports.models import SectionText

    client.force_login(specialist)
    page = client.get(DISTRICT_PAGE).content.decode()
    assert "Các phần do người viết soạn" in page and "phiên bản 1" in page  # the demo's
    response = client.post(SECTIONS, {"limitations": "Tỷ lệ {{study.participation_rate}}."})
    assert response.status_code == 302
    saved = SectionText.objects.get(unit=district, section="limitations")
    assert saved.version == 1 and saved.written_by == specialist
    assert SectionText.objects.filter(unit=district, section="overview").count() == 1


def test_an_unknown_token_is_shown_on_the_field_and_nothing_is_saved(client, specialist):
    from tuyengiao.reports.models import SectionText

    client.force_login(specialist)
    response = client.post(SECTIONS, {"lessons": "Đạt {{khong.co}}.", "limitations": "Ổn."})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Mục “Bài học kinh nghiệm”: mã số liệu “{{khong.co}}” không có" in page
    assert not SectionText.objects.filter(section="lessons", text__contains="khong").exists()


def test_sibling_and_reader_cannot_write_sections_or_issue(client, outsider, reporter, viewer):
    from tuyengiao.reports.models import SectionText

    before = SectionText.objects.count()
    for url in (WARD_SECTIONS, WARD_ISSUE):
        assert_hidden_from(client, outsider, url, method="post")
    client.force_login(reporter)
    assert client.post(WARD_SECTIONS, {"lessons": "x"}).status_code == 403
    assert (
        client.post(WARD_ISSUE, {"issue-number": "1", "issue-date": "2023-01-15"}).status_code
        == 403
    )
    client.force_login(viewer)
    assert client.post(SECTIONS, {"lessons": "x"}).status_code in (403, 404)
    assert SectionText.objects.count() == before
    assert not GeneratedReport.objects.exists()


def test_issue_and_the_page_lists_what_changed_since(client, specialist, district):
    client.force_login(specialist)
    response = client.post(ISSUE, {"issue-number": "115", "issue-date": "2023-01-15"})
    assert response.status_code == 400
    assert "Chưa ban hành được" in response.content.decode()
    sections = {
        k: f"Nội dung {k}."
        for k in (
            "limitations",
            "causes_subjective",
            "causes_objective",
            "direction",
            "recommendations",
        )
    }
    assert client.post(SECTIONS, sections).status_code == 302
    assert (
        client.post(ISSUE, {"issue-number": "115", "issue-date": "2023-01-15"}).status_code == 302
    )
    report = GeneratedReport.objects.get(issued_at__isnull=False)
    page = client.get(DISTRICT_PAGE).content.decode()
    assert "Bản đã ban hành: số 115" in page and "Chưa có số liệu nào thay đổi" in page
    assert "Đã ban hành, số 115" in page
    summer = TrainingClass.objects.filter(kind__code="chinh-tri-he", start_date__year=2022)
    summer.first().delete()
    page = client.get(DISTRICT_PAGE).content.decode()
    assert "so với bản đã ban hành" in page
    assert "Số lớp bồi dưỡng chính trị hè: 9 → 8" in page
    assert report.options["number"] == "115"


def test_the_sources_page_shows_labels_and_plain_sources_without_keys(client, specialist, district):
    from tuyengiao.core.tests.test_no_english import ENGLISH_RE, KEY_RE, Visible

    report = services.generate_report(district, 2022, actor=specialist)
    client.force_login(specialist)
    parser = Visible()
    parser.feed(client.get(reverse("reports:sources", args=[report.pk])).content.decode())
    text = "\n".join(parser.parts)
    assert "Trạng thái" in text or "đã duyệt" in text
    assert not set(KEY_RE.findall(text)) | set(ENGLISH_RE.findall(text))
    assert "study.HT-TW456-2022" not in text and "approved" not in text


def test_the_signer_kept_for_the_unit_is_offered_next_time(client, specialist, district):
    from tuyengiao.reports.models import ReportSettings

    client.force_login(specialist)
    response = client.post(
        reverse("reports:generate", args=["QU-Q1", 2022]),
        {
            "signer_title": "BÍ THƯ",
            "signer_name": "Tô Thị Bích Châu",
            "remember": "on",
            "recipients": "Ban Thường vụ Thành ủy (để báo cáo)\nLưu Văn phòng Quận ủy",
        },
    )
    assert response.status_code == 302
    saved = ReportSettings.objects.get(unit=district)
    assert (saved.signer_title, saved.signer_name) == ("BÍ THƯ", "Tô Thị Bích Châu")
    assert saved.recipients == ["Ban Thường vụ Thành ủy (để báo cáo)", "Lưu Văn phòng Quận ủy"]
    GeneratedReport.objects.all().delete()  # the form falls back to the unit's settings
    assert "Tô Thị Bích Châu" in client.get(DISTRICT_PAGE).content.decode()


def test_generating_says_when_a_hand_entered_target_was_replaced(client, specialist):
    TrainingClass.objects.filter(kind__code="chinh-tri-he", start_date__year=2022).first().delete()
    client.force_login(specialist)
    response = client.post(
        reverse("reports:generate", args=["QU-Q1", 2022]), {}, HTTP_HX_REQUEST="true"
    )
    page = response.content.decode()
    assert response.status_code == 200 and 'data-testid="report-warning"' in page
    assert "giá trị nhập tay năm 2022 là 9" in page


def test_a_bad_issue_number_or_date_is_refused_in_vietnamese(client, specialist):
    client.force_login(specialist)
    response = client.post(ISSUE, {"issue-number": "A1", "issue-date": "2023-01-15"})
    assert (
        response.status_code == 400 and "Số báo cáo «A1» không hợp lệ" in response.content.decode()
    )
    response = client.post(ISSUE, {"issue-number": "115", "issue-date": "2099-01-15"})
    assert response.status_code == 400 and "không sau hôm nay" in response.content.decode()
    assert not GeneratedReport.objects.exists()
