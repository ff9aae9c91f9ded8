import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TASK = "Xây dựng tủ sách Bác Hồ tại trụ sở Đảng ủy phường Bến Nghé"


def logout(page):
    page.get_by_role("button", name="Đăng xuất").click()
    expect(page.get_by_role("heading", name="Đăng nhập")).to_be_visible()


def test_a_conclusion_becomes_a_task_that_ben_nghe_finishes_and_leaves_the_overdue_list(
    login, page, demo_live_server
):
    # Given a specialist who records a conference and its conclusion
    login("chuyenvien")
    overdue_before = int(page.get_by_test_id("overdue-count").inner_text())
    page.get_by_role("link", name="Hội nghị", exact=True).click()
    page.get_by_role("link", name="Thêm hội nghị").click()
    page.get_by_label("Loại", exact=True).select_option(label="Chuyên đề")
    page.get_by_label("Tên hội nghị").fill("Hội nghị chuyên đề về không gian văn hóa Hồ Chí Minh")
    page.get_by_label("Ngày", exact=True).fill("2024-03-01")
    page.get_by_label("Đơn vị chủ trì").select_option(label="Quận ủy Quận 1 (đến 30/06/2025)")
    page.get_by_role("button", name="Lưu").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("không gian văn hóa")
    page.get_by_text("Thêm kết luận").first.click()
    page.get_by_label("Nội dung kết luận").fill("Các phường xây dựng tủ sách Bác Hồ.")
    page.get_by_role("button", name="Thêm kết luận").click()
    # When the conclusion is turned into a task for Bến Nghé, due in the past
    page.get_by_role("link", name="Giao nhiệm vụ").click()
    page.get_by_label("Nội dung nhiệm vụ").fill(TASK)
    page.get_by_label("Đơn vị thực hiện").select_option(
        label="Đảng ủy phường Bến Nghé (đến 30/06/2025)"
    )
    page.get_by_label("Hạn hoàn thành").fill("2024-06-30")
    page.get_by_role("button", name="Giao nhiệm vụ").click()
    expect(page.get_by_test_id("conclusion")).to_contain_text(TASK)
    expect(page.get_by_test_id("conclusion").get_by_test_id("overdue")).to_be_visible()
    page.goto(f"{demo_live_server.url}/")
    expect(page.get_by_test_id("overdue-count")).to_have_text(str(overdue_before + 1))
    page.get_by_role("link", name="Xem danh sách quá hạn").click()
    expect(page.get_by_test_id("task-list")).to_contain_text(TASK)
    logout(page)

    # Then the Bến Nghé reporter sees it at home, reports progress and marks it done
    login("bennghe")
    panel = page.get_by_test_id("panel-my-tasks")
    expect(panel).to_contain_text(TASK)
    panel.get_by_role("link", name=TASK).click()
    page.get_by_label("Tiến độ thực hiện").fill("Đã khai trương tủ sách.")
    page.get_by_label("Trạng thái").select_option(label="Hoàn thành")
    page.get_by_role("button", name="Lưu tiến độ").click()
    expect(page.get_by_test_id("task-status")).to_contain_text("Hoàn thành")
    expect(page.get_by_test_id("task-status")).not_to_contain_text("quá hạn")
    expect(page.get_by_test_id("progress-notes")).to_contain_text("Đã khai trương tủ sách.")
    page.goto(f"{demo_live_server.url}/")
    expect(page.get_by_test_id("panel-my-tasks")).not_to_contain_text(TASK)
    logout(page)

    # And the specialist's overdue list no longer holds it
    login("chuyenvien")
    expect(page.get_by_test_id("overdue-count")).to_have_text(str(overdue_before))
    page.get_by_role("link", name="Xem danh sách quá hạn").click()
    expect(page.get_by_test_id("task-list")).not_to_contain_text(TASK)
