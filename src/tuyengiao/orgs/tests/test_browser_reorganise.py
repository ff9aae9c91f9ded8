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


def test_admin_imports_units_from_a_csv(login, page, demo_live_server, tmp_path):
    path = tmp_path / "don-vi.csv"
    path.write_text(
        "Mã,Tên,Loại,Mã cấp trên,Hiệu lực từ\n"
        "X-NEW,Đảng ủy phường Mới,commune_committee,TU-HCM,01/07/2025\n"
        "X-NEW-1,Chi bộ khu phố 1,Chi bộ,X-NEW,01/07/2025\n",
        encoding="utf-8",
    )
    login("admin")
    page.get_by_role("link", name="Đơn vị", exact=True).click()
    page.get_by_role("link", name="Nhập đơn vị từ tệp").click()
    page.get_by_label("Tệp (.xlsx hoặc .csv)").set_input_files(str(path))
    page.get_by_role("button", name="Nhập", exact=True).click()
    expect(page.get_by_role("alert")).to_contain_text("Đã tạo 2 đơn vị.")
    page.goto(f"{demo_live_server.url}/units/X-NEW/")
    expect(page.get_by_test_id("unit-children")).to_contain_text("Chi bộ khu phố 1")
