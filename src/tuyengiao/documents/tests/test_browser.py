import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_specialist_registers_a_plan_links_it_and_sees_the_graph_and_the_count(
    login, demo_live_server
):
    page = login("chuyenvien")
    register = f"{demo_live_server.url}/documents/?issuing_unit=QU-Q1&year=2022"
    page.goto(register)
    expect(page.get_by_test_id("year-count-2022")).to_have_text("667 văn bản năm 2022")

    page.get_by_role("link", name="Đăng ký văn bản").click()
    page.get_by_label("Số, ký hiệu").fill("950 – KH/QU")
    expect(page.locator("#parse-preview")).to_contain_text("Kế hoạch")
    page.get_by_label("Ngày ban hành").fill("2022-11-10")
    page.get_by_label("Trích yếu").fill("Kế hoạch sơ kết thực hiện Đề án số 05-ĐA/TU")
    page.get_by_label("Đơn vị ban hành").select_option("QU-Q1")
    page.get_by_role("button", name="Lưu").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kế hoạch số 950-KH/QU")

    page.get_by_label("Quan hệ").select_option("implements")
    page.get_by_label("Văn bản liên kết (số, ký hiệu)").fill("05-đa/tu")
    page.get_by_role("button", name="Thêm liên kết").click()
    graph = page.get_by_test_id("document-graph")
    expect(graph).to_contain_text("Văn bản này thực hiện")
    expect(graph.get_by_role("link", name="05-ĐA/TU")).to_be_visible()
    expect(graph.get_by_role("link", name="35-NQ/TW")).to_be_visible()

    page.goto(register)
    expect(page.get_by_test_id("year-count-2022")).to_have_text("668 văn bản năm 2022")


def test_a_specialist_enters_the_registration_date_and_finds_it_by_that_date(
    login, demo_live_server, tmp_path
):
    page = login("chuyenvien")
    page.goto(f"{demo_live_server.url}/documents/new/")
    page.get_by_label("Số, ký hiệu").fill("951-KH/QU")
    page.get_by_label("Ngày ban hành").fill("01/03/2023")
    page.get_by_label("Ngày vào sổ").fill("06/03/2023")
    page.get_by_label("Trích yếu").fill("Kế hoạch tuyên truyền kỷ niệm ngày thành lập Đảng")
    page.get_by_label("Đơn vị ban hành").select_option("QU-Q1")
    page.get_by_role("button", name="Lưu").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kế hoạch số 951-KH/QU")
    expect(page.get_by_test_id("registered-on")).to_have_text("06/03/2023")
    page.screenshot(path=str(tmp_path / "document-page.png"), full_page=True)
    # the register, filtered by the registration date typed as dd/mm/yyyy
    page.goto(f"{demo_live_server.url}/documents/")
    page.get_by_label("Vào sổ từ ngày").fill("06/03/2023")
    page.get_by_label("Vào sổ đến ngày").fill("06/03/2023")
    page.get_by_role("button", name="Lọc").click()
    table = page.get_by_test_id("document-table")
    expect(table.get_by_role("link", name="951-KH/QU")).to_be_visible()
    expect(table.locator("tbody tr")).to_have_count(1)
    page.screenshot(path=str(tmp_path / "register-filtered.png"), full_page=True)
    import os
    import shutil

    keep = os.environ.get("SCREENSHOT_DIR")
    if keep:
        for name in ("document-page.png", "register-filtered.png"):
            shutil.copy(tmp_path / name, keep)
