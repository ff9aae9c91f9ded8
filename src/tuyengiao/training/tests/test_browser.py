import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_specialist_fixes_an_invalid_count_and_sees_the_yearly_total_change(
    login, page, demo_live_server
):
    login("chuyenvien")
    page.get_by_role("link", name="Bồi dưỡng", exact=True).click()
    page.get_by_role("link", name="Tổng hợp theo năm").click()
    summary = page.get_by_test_id("training-summary")
    expect(summary.get_by_role("row", name="Bồi dưỡng chính trị hè")).to_contain_text("2.249")
    page.get_by_role("link", name="Bồi dưỡng", exact=True).click()
    page.get_by_role("link", name="Thêm lớp").click()
    page.get_by_label("Tên lớp").fill("Lớp bồi dưỡng chính trị hè 2022 — lớp bổ sung")
    page.get_by_label("Loại lớp").select_option(label="Bồi dưỡng chính trị hè")
    page.get_by_label("Đơn vị tổ chức").select_option(label="Quận ủy Quận 1")
    page.get_by_label("Ngày bắt đầu").fill("2022-08-22")
    page.get_by_label("Ngày kết thúc").fill("2022-08-24")
    page.get_by_label("Số học viên theo kế hoạch").fill("50")
    page.get_by_label("Số học viên tham dự").fill("51")
    page.get_by_label("Số học viên hoàn thành").fill("50")
    page.get_by_label("Khá").fill("50")
    page.get_by_role("button", name="Lưu").click()
    expect(page.get_by_test_id("error-attended")).to_have_text(
        "Số học viên tham dự (51) phải nhỏ hơn hoặc bằng số học viên theo kế hoạch (50)."
    )
    page.get_by_label("Số học viên tham dự").fill("50")
    page.get_by_role("button", name="Lưu").click()
    expect(page.get_by_role("heading", name="lớp bổ sung")).to_be_visible()
    page.get_by_role("link", name="Tổng hợp năm 2022 theo loại lớp").click()
    row = page.get_by_test_id("training-summary").get_by_role("row", name="Bồi dưỡng chính trị hè")
    expect(row).to_contain_text("2.299")  # 2.249 + 50
    expect(row).to_contain_text("2.307")  # 2.257 + 50
    expect(row).to_contain_text("99,65%")
