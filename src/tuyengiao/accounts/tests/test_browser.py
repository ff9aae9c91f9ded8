"""The district admin sets up a ward reporter; the reporter takes the account over."""

import base64

import pytest
from django_otp.oath import TOTP

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
NEW_PASSWORD = "Nhà Văn hóa Phường 2025"


def test_district_admin_creates_a_reporter_who_changes_the_password_and_enrols_totp(
    login, page, demo_live_server
):
    base = demo_live_server.url
    login("quantri")
    page.get_by_role("link", name="Người dùng").click()
    page.get_by_role("link", name="Tạo tài khoản").click()
    page.get_by_label("Họ và tên").fill("Ngô Thị Hạnh")
    page.get_by_label("Tên đăng nhập").fill("hanh.bennghe")
    page.get_by_label("Thư điện tử").fill("hanh@example.org")
    page.get_by_label("Điện thoại").fill("0903 123 456")
    page.get_by_label("Chức danh").fill("Văn phòng Đảng ủy phường Bến Nghé")
    page.get_by_label("Đơn vị").select_option(
        label="Đảng ủy phường Bến Nghé (DU-BEN-NGHE, giải thể sau 30/06/2025)"
    )
    page.get_by_label("Vai trò").select_option(label="Báo cáo viên")
    page.get_by_role("button", name="Lưu").click()
    temporary = page.get_by_test_id("temporary-password").inner_text().strip()
    assert len(temporary) >= 12
    page.get_by_role("button", name="Đăng xuất").click()

    # The reporter logs in with the temporary password and must replace it first.
    page.goto(f"{base}/login/")
    page.get_by_label("Tên đăng nhập").fill("hanh.bennghe")
    page.get_by_label("Mật khẩu").fill(temporary)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url("**/accounts/me/password/**")
    assert "mật khẩu tạm" in page.content()
    page.get_by_label("Mật khẩu cũ").fill(temporary)
    page.get_by_label("Mật khẩu mới", exact=True).fill("12345")
    page.get_by_label("Xác nhận mật khẩu mới").fill("12345")
    page.get_by_role("button", name="Đổi mật khẩu").click()
    assert "quá ngắn" in page.content()
    page.get_by_label("Mật khẩu cũ").fill(temporary)
    page.get_by_label("Mật khẩu mới", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("Xác nhận mật khẩu mới").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Đổi mật khẩu").click()
    page.wait_for_url(f"{base}/")

    # Then turns on two-factor login from "My account", with a code computed here.
    page.get_by_test_id("current-user").click()
    page.get_by_role("link", name="Thiết lập đăng nhập hai bước").click()
    secret = page.get_by_test_id("otp-secret").inner_text().strip()
    assert page.locator("svg").count() >= 1
    page.get_by_label("Mã xác thực").fill(f"{TOTP(base64.b32decode(secret)).token():06d}")
    page.get_by_role("button", name="Bật").click()
    assert page.get_by_test_id("recovery-codes").locator("li").count() == 10
    page.goto(f"{base}/accounts/me/")
    assert "Đang bật" in page.get_by_test_id("otp-status").inner_text()
