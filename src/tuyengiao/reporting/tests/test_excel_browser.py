"""Browser: the specialist fills the status board's Excel template, fixes it, sends it."""

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from tuyengiao.reporting.tests.excel_helpers import GOOD, fill

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _upload(page, path, *, submit_now=False):
    page.get_by_label("Tệp mẫu Excel đã điền (.xlsx)").set_input_files(path)
    if submit_now:
        page.get_by_label("Gửi ngay (nếu không, số liệu được lưu nháp)").check()
    page.get_by_role("button", name="Kiểm tra và nhập").click()


def test_specialist_imports_the_status_board_template(login, page, demo_live_server, tmp_path):
    # given the specialist on the 2023 HT-NQ status board of District 1
    login("chuyenvien")
    page.goto(f"{demo_live_server.url}/reporting/HT-NQ/2023/status/QU-Q1/")
    board = page.get_by_test_id("status-board")
    expect(board.locator("tr[data-unit='DU-BEN-NGHE'] [data-status]")).to_have_text("chưa báo cáo")
    # when they download the Excel template and fill two wards, one breaking a rule
    with page.expect_download() as download:
        page.get_by_role("link", name="Tải mẫu Excel").click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    workbook = load_workbook(path)
    fill(workbook, "DU-BEN-NGHE", **GOOD)
    bad_row = fill(workbook, "DU-CAU-KHO", **{**GOOD, "members_attended": 7200})
    workbook.save(path)
    page.get_by_role("link", name="Nhập từ Excel").click()
    _upload(page, path)
    # then they see the problem by row and column, and nothing is saved
    problems = page.get_by_test_id("excel-problems")
    expect(problems).to_contain_text("Tệp có 1 lỗi, chưa lưu dữ liệu nào.")
    expect(problems).to_contain_text(f"Dòng {bad_row}, cột «Số đảng viên tham gia học tập»")
    expect(problems).to_contain_text("(7.200) lớn hơn «Số đảng viên phải học tập» (110)")
    # when they correct the file and send it right away
    fill(workbook, "DU-CAU-KHO", members_attended=105)
    workbook.save(path)
    _upload(page, path, submit_now=True)
    # then both wards are listed as submitted, and the board shows them so
    saved = page.get_by_test_id("excel-saved")
    expect(saved).to_contain_text("Đã gửi báo cáo của 2 đơn vị.")
    expect(saved).to_contain_text("Đảng ủy phường Bến Nghé")
    expect(saved).to_contain_text("Đảng ủy phường Cầu Kho")
    page.get_by_role("link", name="Theo dõi tiến độ").click()
    for code in ("DU-BEN-NGHE", "DU-CAU-KHO"):
        expect(page.locator(f"tr[data-unit='{code}'] [data-status]")).to_have_text("đã gửi")
