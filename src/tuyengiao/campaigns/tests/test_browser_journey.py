"""The campaign journey in the browser: a specialist opens a campaign for 12 units chosen
one by one, the Bến Nghé reporter fills it in, the leader approves, then reopens it with a
reason, and the reporter corrects it."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NAME = "Học tập, quán triệt Nghị quyết Hội nghị Trung ương 8 khóa XIII"
TICKED = ["ben nghe", "ben thanh", "da kao", "tan dinh", "cau kho", "co giang"]
FIGURES = {
    "Tổng số đảng viên": "412",
    "Số đảng viên phải học tập": "365",
    "Số đảng viên tham gia học tập": "350",
    "Số quần chúng, đoàn viên, hội viên tham gia": "240",
}


def logout(page):
    page.get_by_role("button", name="Đăng xuất").click()


def test_open_for_12_units_report_approve_reopen_correct(login, page, demo_live_server):
    # The specialist opens a campaign and ticks 12 units one by one.
    login("chuyenvien")
    page.goto(f"{demo_live_server.url}/campaigns/new/")
    page.locator("#id_code").fill("HT-NQ8-2023")
    page.locator("#id_name").fill(NAME)
    page.locator("#id_organising_unit").select_option("QU-Q1")
    page.locator("#id_target_unit").select_option("QU-Q1")
    page.locator("#id_starts_on").fill("2023-06-01")
    page.locator("#id_ends_on").fill("2023-12-31")
    page.locator("#id_form").select_option("HT-NQ")
    page.get_by_label("Chọn từng đơn vị").first.check()
    chooser = page.get_by_test_id("unit-chooser")
    search = chooser.get_by_label("Tìm đơn vị")
    for words in TICKED:  # accents left out, as people type
        search.fill(words)
        chooser.locator("[data-unit-item]:not([hidden]) input").first.check()
    search.fill("")
    for code in ("CS-Q1-001", "CS-Q1-002", "CS-Q1-003", "CS-Q1-004", "CS-Q1-005", "CS-Q1-006"):
        chooser.locator(f"input[value='{code}']").check()
    expect(page.get_by_test_id("unit-count")).to_have_text("Đã chọn 12 đơn vị")
    page.get_by_role("button", name="Xem trước").click()
    expect(page.get_by_test_id("preview")).to_contain_text("Sẽ giao cho 12 đơn vị")
    page.get_by_role("button", name="Lưu").click()
    expect(page.get_by_test_id("campaign-completeness")).to_contain_text("0/12")
    logout(page)

    # The Bến Nghé reporter finds it on the home page, named, and sends figures.
    login("bennghe")
    page.get_by_test_id("panel-forms-due").get_by_role("link", name=NAME).click()
    expect(page.get_by_test_id("collection-campaign")).to_contain_text(NAME)
    for label, value in FIGURES.items():
        page.get_by_label(label).fill(value)
    page.get_by_role("button", name="Gửi báo cáo").click()
    expect(page.get_by_test_id("submission-status")).to_contain_text("đã gửi")
    url = page.url
    logout(page)

    # The leader approves it, then reopens it with a reason.
    login("lanhdao")
    page.goto(url)
    page.get_by_role("button", name="Duyệt", exact=True).click()
    expect(page.get_by_test_id("submission-status")).to_contain_text("đã duyệt")
    page.get_by_label("Lý do mở lại").fill("Số quần chúng tham gia cần đối chiếu biên bản.")
    page.get_by_role("button", name="Mở lại để sửa").click()
    expect(page.get_by_test_id("submission-status")).to_contain_text("bị trả lại")
    logout(page)

    # The reporter reads the reason, corrects the figure and sends again.
    login("bennghe")
    page.goto(url)
    expect(page.get_by_test_id("return-reason")).to_contain_text("đối chiếu biên bản")
    page.get_by_label("Số quần chúng, đoàn viên, hội viên tham gia").fill("236")
    page.get_by_role("button", name="Gửi báo cáo").click()
    expect(page.get_by_test_id("submission-status")).to_contain_text("đã gửi")
    history = page.get_by_test_id("value-history")
    expect(history).to_contain_text("Sửa sau khi được mở lại")
    expect(history.locator("tr", has_text="Sửa sau khi được mở lại")).to_contain_text("240")
    expect(page.get_by_test_id("trail")).to_contain_text("Mở lại để sửa")
