import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_admin_previews_then_splits_a_ward(login, page, demo_live_server):
    login("admin")
    page.goto(f"{demo_live_server.url}/units/DU-TAN-DINH-2025/")
    page.get_by_role("link", name="Sắp xếp lại").click()
    page.get_by_role("link", name="Chia tách").click()
    page.get_by_label("Ngày hiệu lực").fill("2027-01-01")
    page.get_by_label("Lý do").fill("Thí điểm chia tách")
    page.get_by_label("Văn bản quyết định").fill("Quyết định 99-QĐ/TU")
    page.get_by_label("Các đơn vị mới").fill(
        "TD-A=Đảng ủy phường Tân Định A\nTD-B=Đảng ủy phường Tân Định B"
    )
    page.get_by_role("button", name="Xem trước").click()
    expect(page.get_by_test_id("preview")).to_contain_text("DU-TAN-DINH-2025 → TD-A")
    page.get_by_role("button", name="Xác nhận").click()
    expect(page.get_by_role("heading", name="Đảng ủy phường Tân Định A")).to_be_visible()
    expect(page.get_by_role("alert")).to_contain_text("giải thể 1 đơn vị, thành lập 2 đơn vị")
