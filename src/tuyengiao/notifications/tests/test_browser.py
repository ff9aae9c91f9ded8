"""The bell, the board's «Nhắc báo cáo» and a background report, as people use them."""

import threading

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FIGURES = {
    "Tổng số đảng viên": "412",
    "Số đảng viên phải học tập": "365",
    "Số đảng viên tham gia học tập": "350",
    "Số quần chúng, đoàn viên, hội viên tham gia": "240",
}


def sign_in(page, url, username):
    from tuyengiao.orgs.demo import PASSWORD

    page.goto(f"{url}/login/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(f"{url}/")


def test_the_leader_sees_the_bell_count_rise_when_a_ward_submits(
    login, page, browser, demo_live_server, settings
):
    settings.NOTIFICATION_POLL_SECONDS = 1
    login("lanhdao")
    expect(page.get_by_test_id("bell")).to_be_visible()
    expect(page.get_by_test_id("bell-count")).to_have_count(0)

    # Meanwhile, in another browser, Bến Nghé sends its 2023 report.
    ward = browser.new_context().new_page()
    sign_in(ward, demo_live_server.url, "bennghe")
    ward.get_by_test_id("panel-forms-due").get_by_role("link", name="Năm 2023").click()
    for label, value in FIGURES.items():
        ward.get_by_label(label).fill(value)
    ward.get_by_role("button", name="Gửi báo cáo").click()
    expect(ward.get_by_test_id("submission-status")).to_contain_text("đã gửi")

    # The leader's bell rises without reloading the page; the notice leads to the report.
    expect(page.get_by_test_id("bell-count")).to_have_text("1", timeout=10_000)
    page.get_by_test_id("bell").click()
    notice = page.get_by_test_id("notification").first
    expect(notice).to_contain_text("Báo cáo chờ duyệt: Đảng ủy phường Bến Nghé")
    notice.get_by_role("button", name="Mở").click()
    expect(page).to_have_url(f"{demo_live_server.url}/reporting/HT-NQ/2023/units/DU-BEN-NGHE/")
    expect(page.get_by_test_id("bell-count")).to_have_count(0)


def test_the_specialist_reminds_a_late_ward_which_reads_it_in_the_bell(
    login, page, demo_live_server
):
    login("chuyenvien")
    page.goto(f"{demo_live_server.url}/reporting/HT-NQ/2023/status/QU-Q1/")
    page.get_by_role("checkbox", name="Đảng ủy phường Bến Nghé").check()
    page.get_by_role("button", name="Nhắc báo cáo").click()
    expect(page.get_by_role("alert").first).to_contain_text("Đã nhắc 1 đơn vị.")
    page.get_by_role("button", name="Đăng xuất").click()

    from tuyengiao.notifications.models import Notification

    # The demo already told Bến Nghé of its forms and of an approval; one more now.
    unread = Notification.objects.filter(user__username="bennghe", read_at=None).count()
    login("bennghe")
    expect(page.get_by_test_id("bell-count")).to_have_text(str(unread))
    page.get_by_test_id("bell").click()
    notice = page.get_by_test_id("notification").first
    expect(notice).to_contain_text("Nhắc báo cáo:")
    expect(notice).to_contain_text("Hạn nộp: 15/01/2024, đã quá hạn")
    notice.get_by_role("button", name="Đánh dấu đã đọc").click()
    expect(page.get_by_test_id("bell-count")).to_have_text(str(unread - 1))


def test_the_year_end_report_runs_in_the_background_with_a_progress_bar(
    login, page, demo_live_server
):
    login("chuyenvien")
    page.goto(f"{demo_live_server.url}/reports/QU-Q1/2022/")
    page.get_by_test_id("report-job").click()
    expect(page.get_by_test_id("job")).to_have_attribute("data-status", "queued")
    expect(page.get_by_text("Đang chờ tiến trình nền")).to_be_visible()

    worker = threading.Thread(target=call_command, args=("worker", "--batch"), daemon=True)
    worker.start()
    expect(page.get_by_test_id("job")).to_have_attribute("data-status", "done", timeout=120_000)
    expect(page.get_by_test_id("job-progress")).to_have_text("100%")
    with page.expect_download() as download:
        page.get_by_role("link", name="Tải bản PDF").click()
    assert download.value.suggested_filename.endswith(".pdf")
    worker.join(30)
