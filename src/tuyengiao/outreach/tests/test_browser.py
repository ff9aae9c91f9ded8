import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_specialist_enters_a_month_of_channel_figures_and_sees_the_year_total(
    login, page, demo_live_server
):
    login("chuyenvien")
    page.get_by_role("link", name="Trang thông tin", exact=True).click()
    page.get_by_role("link", name="Cột cờ Thủ Ngữ").click()
    expect(page.get_by_test_id("year-interactions")).to_have_text("17.096.939")
    page.get_by_label("Năm", exact=True).fill("2023")
    page.get_by_role("button", name="Xem").click()
    expect(page.get_by_test_id("year-posts")).to_have_text("0")
    page.get_by_role("link", name="Nhập số liệu năm 2023").click()
    grid = page.get_by_test_id("month-grid")
    january = grid.get_by_role("row", name="01/2023")
    january.get_by_role("textbox").nth(0).fill("401")
    january.get_by_role("textbox").nth(1).fill("1523456")
    page.get_by_role("button", name="Lưu").click()
    expect(page.get_by_role("alert")).to_contain_text("Đã lưu số liệu năm 2023.")
    expect(page.get_by_test_id("year-posts")).to_have_text("401")
    expect(page.get_by_test_id("year-interactions")).to_have_text("1.523.456")
