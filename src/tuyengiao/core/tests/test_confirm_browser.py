"""Without JavaScript a destructive action still asks once: on the server's page (core.confirm)."""

import pytest
from playwright.sync_api import expect

from tuyengiao.meetings.models import Conference, Delegate

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def page_without_js(browser, demo_live_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    from tuyengiao.orgs.demo import PASSWORD

    page.goto(f"{demo_live_server.url}/login/")
    page.get_by_label("Tên đăng nhập").fill("chuyenvien")
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(f"{demo_live_server.url}/")
    yield page
    context.close()


def test_removing_a_delegate_without_javascript_asks_on_a_page_then_removes(
    page_without_js, demo_live_server, tmp_path
):
    page = page_without_js
    conference = Conference.objects.filter(delegates__isnull=False).first()
    delegate = conference.delegates.order_by("order").first()
    detail = f"{demo_live_server.url}{conference.get_absolute_url()}"
    question = f"Xóa đại biểu «{delegate.name}»? Có thể hoàn tác ngay sau đó."
    # given the conference page, when the «×» of a delegate is pressed (no dialog without JS)
    page.goto(detail)
    remove = page.locator(f"form[data-confirm='{question}'] button")
    remove.click()
    # then the server asks the dialog's question, and the delegate is still there
    expect(page.get_by_test_id("confirm-sentence")).to_have_text(question)
    expect(page.get_by_role("heading", name="Xác nhận thao tác")).to_be_visible()
    page.screenshot(path=str(tmp_path / "confirm-page.png"), full_page=True)
    _keep(tmp_path / "confirm-page.png")
    assert Delegate.objects.filter(pk=delegate.pk).exists()
    # «Quay lại» goes back to the conference, nothing removed
    page.get_by_role("link", name="Quay lại").click()
    page.wait_for_url(detail)
    assert Delegate.objects.filter(pk=delegate.pk).exists()
    # asked again, «Xác nhận» removes it and offers the way back
    page.locator(f"form[data-confirm='{question}'] button").click()
    page.get_by_role("button", name="Xác nhận").click()
    expect(page.get_by_role("alert")).to_contain_text(f"Đã xóa đại biểu «{delegate.name}».")
    assert not Delegate.objects.filter(pk=delegate.pk).exists()
    page.get_by_role("button", name="Hoàn tác").click()
    expect(page.get_by_role("alert")).to_contain_text("Đã khôi phục.")
    assert conference.delegates.filter(name=delegate.name).exists()


def _keep(path):
    import os
    import shutil

    keep = os.environ.get("SCREENSHOT_DIR")
    if keep:
        shutil.copy(path, keep)
