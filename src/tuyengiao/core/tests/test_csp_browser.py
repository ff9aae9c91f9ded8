"""The content security policy blocks nothing the pages need (issue 9, item 7):
Bootstrap's menu, htmx requests and the Swagger UI still work, with no violation logged."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _violations(page):
    found = []
    page.on(
        "console",
        lambda m: found.append(m.text) if "Content Security Policy" in m.text else None,
    )
    return found


def test_the_swagger_ui_loads_under_the_policy(login, page, demo_live_server):
    violations = _violations(page)
    login("chuyenvien")
    page.goto(f"{demo_live_server.url}/api/docs/")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("tuyengiao API")
    expect(page.locator(".opblock-tag").first).to_be_visible()
    assert violations == []


def test_htmx_and_the_menu_work_under_the_policy(login, page, demo_live_server):
    violations = _violations(page)
    login("chuyenvien")
    page.set_viewport_size({"width": 600, "height": 900})
    page.get_by_role("button", name="Trình đơn").click()
    expect(page.get_by_role("link", name="Báo cáo tổng kết", exact=True)).to_be_visible()
    page.get_by_role("link", name="Báo cáo tổng kết", exact=True).click()
    page.get_by_label("Đơn vị").select_option("QU-Q1")
    page.get_by_label("Năm").fill("2022")
    page.get_by_role("button", name="Mở").click()
    page.get_by_label("Số", exact=True).fill("05")
    page.get_by_label("Họ tên người ký").fill("Hoàng Thị Tố Nga")
    page.get_by_role("button", name="Tạo báo cáo").click()
    # The report is generated through an htmx request that swaps in the download link
    expect(page.get_by_test_id("download-docx")).to_be_visible(timeout=60_000)
    assert violations == []
