import io

import pytest
from docx import Document
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_specialist_generates_and_downloads_the_year_end_report(login, page, demo_live_server):
    login("chuyenvien")
    page.get_by_role("link", name="Báo cáo tổng kết", exact=True).click()
    page.get_by_label("Đơn vị").select_option("QU-Q1")
    page.get_by_label("Năm").fill("2022")
    page.get_by_role("button", name="Mở").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Quận ủy Quận 1")
    page.get_by_label("Số", exact=True).fill("05")
    page.get_by_label("Họ tên người ký").fill("Hoàng Thị Tố Nga")
    page.get_by_role("button", name="Tạo báo cáo").click()
    link = page.get_by_test_id("download-docx")
    expect(link).to_be_visible(timeout=60_000)
    with page.expect_download() as info:
        link.click()
    download = info.value
    assert download.suggested_filename == "bao-cao-qu-q1-2022.docx"
    with open(download.path(), "rb") as handle:
        document = Document(io.BytesIO(handle.read()))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "BÁO CÁO" in text and "667 văn bản" in text
    page.get_by_role("link", name="Nguồn số liệu").first.click()
    expect(page.get_by_test_id("changed-count")).to_contain_text("Không có số liệu nào thay đổi")


def test_specialist_writes_a_section_with_a_figure_and_generates_a_dated_report(
    login, page, demo_live_server
):
    login("chuyenvien")
    page.goto(f"{demo_live_server.url}/reports/QU-Q1/2022/")
    page.get_by_label("Hạn chế", exact=True).fill(
        "Tỷ lệ đảng viên tham gia học tập đạt {{study.participation_rate}}, chưa đồng đều."
    )
    page.get_by_role("button", name="Lưu các mục").click()
    expect(page.get_by_text("Đã lưu 1 mục.")).to_be_visible()
    page.get_by_label("Ngày", exact=True).fill("2023-01-15")
    page.get_by_role("button", name="Tạo báo cáo").click()
    link = page.get_by_test_id("download-docx")
    expect(link).to_be_visible(timeout=60_000)
    with page.expect_download() as info:
        link.click()
    with open(info.value.path(), "rb") as handle:
        document = Document(io.BytesIO(handle.read()))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Tỷ lệ đảng viên tham gia học tập đạt 93,44%, chưa đồng đều." in text
    header = [row.cells[1].text for row in document.tables[0].rows]
    assert header[-1] == "Quận 1, ngày 15 tháng 01 năm 2023"
    assert document.sections[0].first_page_header.paragraphs[0].text == ""  # no DỰ THẢO


def test_specialist_issues_the_report_and_sees_it_marked(login, page, demo_live_server):
    from tuyengiao.core.actors import SYSTEM
    from tuyengiao.orgs.models import OrgUnit
    from tuyengiao.reports import services

    district = OrgUnit.objects.get(code="QU-Q1")
    for key in (
        "limitations",
        "causes_subjective",
        "causes_objective",
        "direction",
        "recommendations",
    ):
        services.save_section_text(district, 2022, key, f"Nội dung {key}.", actor=SYSTEM)
    login("chuyenvien")
    page.goto(f"{demo_live_server.url}/reports/QU-Q1/2022/")
    page.get_by_label("Số ban hành").fill("115")
    page.get_by_label("Ngày ký").fill("2023-01-15")
    page.get_by_role("button", name="Ban hành báo cáo").click()
    expect(page.get_by_text("Đã ban hành báo cáo.")).to_be_visible(timeout=60_000)
    expect(page.get_by_test_id("issued-badge")).to_contain_text("Đã ban hành, số 115")
    expect(page.get_by_test_id("changes-banner")).to_contain_text("Chưa có số liệu nào thay đổi")
