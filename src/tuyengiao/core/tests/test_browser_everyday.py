"""Everyday use in the browser: numbers typed the Vietnamese way, confirm and undo, print."""

import pytest
from playwright.sync_api import expect

from tuyengiao.outreach.models import Channel

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BOARD = "/reporting/HT-NQ/2023/status/QU-Q1/"


def test_the_month_grid_takes_12_500_and_names_a_decimal_in_vietnamese(
    login, page, demo_live_server
):
    # given the specialist on a channel's month grid (text inputs, not type=number)
    login("chuyenvien")
    channel = Channel.objects.order_by("pk").first()
    page.goto(f"{demo_live_server.url}/outreach/{channel.pk}/months/2024/")
    posts = page.locator("input[name=posts_1]")
    assert posts.get_attribute("type") == "text" and posts.get_attribute("inputmode") == "numeric"
    # when 12.500 and a decimal are typed
    posts.fill("1.250")
    page.locator("input[name=interactions_1]").fill("12.500")
    page.locator("input[name=posts_2]").fill("27,5")
    page.locator("input[name=interactions_2]").fill("12 500")
    page.get_by_role("button", name="Lưu").click()
    # then the server answers, naming the cell, the value and what it understood
    error = page.get_by_text("«Số bài viết tháng 2»: «27,5» — dấu phẩy ngăn phần thập phân")
    expect(error).to_be_visible()
    expect(page.locator("input[name=interactions_1]")).to_have_value("12.500")
    # and once the decimal is fixed everything is saved as typed
    page.locator("input[name=posts_2]").fill("27")
    page.get_by_role("button", name="Lưu").click()
    expect(page.get_by_test_id("year-posts")).to_have_text("1.277")


def test_approving_all_asks_once_and_can_be_undone(login, page, demo_live_server):
    login("lanhdao")
    page.goto(f"{demo_live_server.url}{BOARD}")
    button = page.get_by_role("button", name="Duyệt tất cả báo cáo hợp lệ")
    waiting = button.inner_text().split("(")[1].rstrip(")")
    approved_before = page.get_by_test_id("approved-count").inner_text()
    # the first click only asks, saying what will happen
    button.click()
    dialog = page.locator("dialog#confirm-dialog")
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text(f"Duyệt {waiting} báo cáo: mọi báo cáo các đơn vị thuộc")
    page.get_by_test_id("confirm-cancel").click()
    expect(dialog).to_be_hidden()
    expect(page.get_by_test_id("approved-count")).to_have_text(approved_before)
    # confirmed, the reports are approved and the message offers a way back
    button.click()
    page.get_by_test_id("confirm-ok").click()
    expect(page.get_by_role("alert")).to_contain_text(f"Đã duyệt {waiting} báo cáo.")
    expect(page.get_by_test_id("approved-count")).not_to_have_text(approved_before)
    page.get_by_test_id("undo").click()
    expect(page.get_by_role("alert")).to_contain_text("trở lại trạng thái «đã gửi»")
    expect(page.get_by_test_id("approved-count")).to_have_text(approved_before)


def test_the_board_prints_on_a4_without_the_menu(login, page, demo_live_server, tmp_path):
    login("lanhdao")
    page.goto(f"{demo_live_server.url}{BOARD}")
    page.emulate_media(media="print")
    expect(page.locator("nav.navbar")).to_be_hidden()
    expect(page.locator(".print-header")).to_be_visible()
    expect(page.locator(".print-header")).to_contain_text("Quận ủy Quận 1")
    page.screenshot(path=str(tmp_path / "board-print.png"), full_page=True)
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
    import os
    import shutil

    keep = os.environ.get("SCREENSHOT_DIR")
    if keep:
        shutil.copy(tmp_path / "board-print.png", keep)


def test_searching_the_register_with_several_words_without_accents(login, page, demo_live_server):
    login("chuyenvien")
    page.get_by_role("link", name="Văn bản", exact=True).click()
    box = page.get_by_label("Tìm số, ký hiệu hoặc trích yếu")
    box.fill("tuyen truyen bien dao")
    box.press("Enter")
    expect(page.get_by_text("tuyên truyền biển, đảo Việt Nam").first).to_be_visible()
    box = page.get_by_label("Tìm số, ký hiệu hoặc trích yếu")
    box.fill("dao bien tuyen truyen khongco")
    box.press("Enter")
    expect(page.get_by_text("tuyên truyền biển, đảo Việt Nam")).to_have_count(0)


@pytest.mark.parametrize(
    ("username", "panel"),
    [
        ("lanhdao", "panel-approval-queue"),
        ("bennghe", "panel-forms-due"),
        ("chuyenvien", "panel-follow-up"),
    ],
)
def test_each_role_home_page_shows_its_work(login, page, demo_live_server, username, panel):
    import os

    login(username)
    expect(page.get_by_test_id(panel)).to_be_visible()
    keep = os.environ.get("SCREENSHOT_DIR")
    if keep:
        page.screenshot(path=f"{keep}/home-{username}.png", full_page=True)


def test_the_board_on_a_phone_wraps_its_tabs_and_keeps_the_unit_column(
    login, page, demo_live_server
):
    import os

    page.set_viewport_size({"width": 375, "height": 800})
    login("lanhdao")
    page.goto(f"{demo_live_server.url}{BOARD}")
    tabs = page.locator(".nav-tabs .nav-link, .nav-pills .nav-link")
    for index in range(tabs.count()):
        box = tabs.nth(index).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 375 + 1, index  # none cut off
    first_cell = page.locator(".table-responsive tbody tr td").first
    assert first_cell.evaluate("e => getComputedStyle(e).position") == "sticky"
    keep = os.environ.get("SCREENSHOT_DIR")
    if keep:
        page.screenshot(path=f"{keep}/board-phone.png", full_page=False)
