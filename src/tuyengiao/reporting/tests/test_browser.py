"""The reporting journey, as people do it in the browser."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FIGURES = {
    "Tổng số đảng viên": "412",
    "Số đảng viên phải học tập": "365",
    "Số đảng viên tham gia học tập": "3.650",  # a typo: ten times too many
    "Số quần chúng, đoàn viên, hội viên tham gia": "240",
}


# The regular 2023 round, not the 2023 study campaign (its own collection) listed beside it.
YEAR_2023 = "Học tập, quán triệt nghị quyết — Năm 2023"


def logout(page):
    page.get_by_role("button", name="Đăng xuất").click()
    expect(page.get_by_role("heading", name="Đăng nhập")).to_be_visible()


def test_ben_nghe_reports_the_specialist_returns_the_approver_approves(
    login, page, demo_live_server
):
    # The Bến Nghé reporter opens the 2023 form from the home page and makes a typo.
    login("bennghe")
    page.get_by_test_id("panel-forms-due").get_by_role("link", name=YEAR_2023).click()
    for label, value in FIGURES.items():
        page.get_by_label(label).fill(value)
    page.get_by_role("button", name="Gửi báo cáo").click()
    expect(page.get_by_test_id("error-members_attended")).to_contain_text(
        "(3.650) lớn hơn «Số đảng viên phải học tập» (365)"
    )
    page.get_by_label("Số đảng viên tham gia học tập").fill("350")
    page.get_by_role("button", name="Gửi báo cáo").click()
    expect(page.get_by_test_id("submission-status")).to_contain_text("đã gửi")
    logout(page)

    # The specialist sees one more unit submitted and returns Bến Nghé's report.
    login("chuyenvien")
    page.get_by_role("link", name="Báo cáo số liệu").click()
    page.locator('[data-round="HT-NQ-2023"]').get_by_role("link", name="Theo dõi tiến độ").click()
    expect(page.get_by_test_id("submitted-count")).to_have_text("42/51 đã gửi")
    page.get_by_role("link", name="Đảng ủy phường Bến Nghé").click()
    page.get_by_label("Lý do trả lại").fill("Số quần chúng tham gia chưa khớp với biên bản.")
    page.get_by_role("button", name="Trả lại đơn vị").click()
    expect(page.get_by_test_id("submission-status")).to_contain_text("bị trả lại")
    logout(page)

    # The reporter reads the reason, corrects and sends again.
    login("bennghe")
    page.get_by_test_id("panel-forms-due").get_by_role("link", name=YEAR_2023).click()
    expect(page.get_by_test_id("return-reason")).to_contain_text("chưa khớp với biên bản")
    page.get_by_label("Số quần chúng, đoàn viên, hội viên tham gia").fill("236")
    page.get_by_role("button", name="Gửi báo cáo").click()
    expect(page.get_by_test_id("submission-status")).to_contain_text("đã gửi")
    logout(page)

    # The approver approves it; the trail shows every step with the reason.
    login("lanhdao")
    page.goto(f"{demo_live_server.url}/reporting/HT-NQ/2023/units/DU-BEN-NGHE/")
    page.get_by_role("button", name="Duyệt", exact=True).click()
    expect(page.get_by_test_id("submission-status")).to_contain_text("đã duyệt")
    trail = page.get_by_test_id("trail")
    expect(trail).to_contain_text("Trả lại đơn vị")
    expect(trail).to_contain_text("Lý do: Số quần chúng tham gia chưa khớp với biên bản.")
    expect(trail.get_by_text("Đã gửi", exact=True)).to_have_count(2)
