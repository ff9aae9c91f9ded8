"""Each role's home page in the browser, with a screenshot to look at."""

import os
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(os.environ.get("HOME_SHOTS", "/tmp/home-shots"))


@pytest.mark.parametrize(
    ("username", "panel", "text"),
    [
        ("theodoi", "panel-key-figures", "93,44%"),
        ("chuyenvien", "panel-year-at-a-glance", "Toàn cảnh năm"),
        ("lanhdao", "panel-approval-queue", "Báo cáo tổng kết năm"),
        ("bennghe", "panel-forms-due", "Bến Nghé"),
    ],
)
def test_each_role_sees_its_home_page(login, username, panel, text):
    page = login(username)
    section = page.get_by_test_id(panel)
    section.wait_for()
    assert text.lower() in page.content().lower()
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.screenshot(path=str(SHOTS / f"home-{username}.png"), full_page=True)
    if username == "theodoi":
        # From the figures to the dashboard they come from.
        section.get_by_role("link", name="Tổng quan").first.click()
        page.wait_for_url("**/dashboard/QU-Q1/")
