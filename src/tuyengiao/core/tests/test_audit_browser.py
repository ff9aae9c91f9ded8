"""A specialist edits a document, then reads the change in the "Nhật ký" and exports it."""

import pytest
from playwright.sync_api import expect

from tuyengiao.documents.models import Document

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_specialist_finds_the_edit_in_the_audit_log_and_exports_it(login, demo_live_server):
    page = login("chuyenvien")
    document = Document.objects.get(number_text="05-KH/QU")
    page.goto(f"{demo_live_server.url}/documents/{document.pk}/edit/")
    page.get_by_label("Ngày ban hành").fill("2021-03-16")
    page.get_by_role("button", name="Lưu").click()
    expect(page.get_by_test_id("document-title")).to_be_visible()

    page.get_by_role("link", name="Nhật ký").click()
    filters = page.get_by_test_id("audit-filters")
    filters.get_by_label("Thao tác").select_option(label="Sửa văn bản")
    filters.get_by_label("Đơn vị (gồm đơn vị trực thuộc)").select_option("QU-Q1")
    page.get_by_role("button", name="Lọc").click()

    row = page.get_by_test_id("audit-row").first
    expect(row).to_contain_text("Sửa văn bản")
    expect(row).to_contain_text("05-KH/QU")
    expect(row).to_contain_text("Ngày ban hành")
    # The registration date, equal to the signing date, moves with it: a change of its own.
    signed = row.locator("div", has_text="Ngày ban hành:")
    expect(signed.locator("del")).to_have_text("15/03/2021")
    expect(signed.locator("ins")).to_have_text("16/03/2021")
    registered = row.locator("div", has_text="Ngày vào sổ:")
    expect(registered.locator("del")).to_have_text("15/03/2021")
    expect(registered.locator("ins")).to_have_text("16/03/2021")

    with page.expect_download() as download:
        page.get_by_test_id("audit-export").click()
    assert download.value.suggested_filename.startswith("nhat-ky-")


def test_the_sibling_ward_reads_none_of_ben_nghes_events(login, demo_live_server, reporter):
    from tuyengiao.core import audit
    from tuyengiao.orgs.models import OrgUnit

    ben_nghe = OrgUnit.objects.get(code="DU-BEN-NGHE")
    audit.record(reporter, "submission.save_draft", ben_nghe, reason="Số liệu riêng Bến Nghé")
    page = login("benthanh")

    page.get_by_role("link", name="Nhật ký").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Nhật ký")
    expect(page.locator("body")).not_to_contain_text("Số liệu riêng Bến Nghé")
