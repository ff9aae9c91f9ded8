import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_ben_nghe_reporter_sees_own_unit_searches_and_logs_out(login, page, demo_live_server):
    login("bennghe")
    expect(page.get_by_test_id("panel-my-units")).to_contain_text("Đảng ủy phường Bến Nghé")
    page.get_by_role("link", name="Đơn vị", exact=True).click()
    page.get_by_role("searchbox").fill("ben nghe")
    page.get_by_role("button", name="Tìm").click()
    results = page.get_by_test_id("unit-results")
    expect(results).to_contain_text("Đảng ủy phường Bến Nghé")
    expect(results.get_by_role("listitem")).to_have_count(1)
    page.get_by_role("searchbox").fill("ben thanh")
    page.get_by_role("button", name="Tìm").click()
    expect(page.get_by_test_id("unit-results").get_by_role("listitem")).to_have_count(0)
    page.goto(f"{demo_live_server.url}/units/DU-BEN-THANH/")
    expect(page.get_by_role("heading", name="Không tìm thấy")).to_be_visible()
    page.goto(f"{demo_live_server.url}/")
    page.get_by_role("button", name="Đăng xuất").click()
    expect(page.get_by_role("heading", name="Đăng nhập")).to_be_visible()


def test_the_menu_collapses_on_a_phone(login, page):
    page.set_viewport_size({"width": 390, "height": 844})
    login("chuyenvien")
    toggler = page.get_by_role("button", name="Trình đơn")
    expect(toggler).to_be_visible()
    toggler.click()
    expect(page.get_by_role("link", name="Đơn vị", exact=True)).to_be_visible()
