"""On a 390 px phone the sessions table scrolls inside its box, not the whole page."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_my_sessions_table_fits_a_phone(login, page, demo_live_server):
    page.set_viewport_size({"width": 390, "height": 844})
    login("bennghe")
    page.goto(f"{demo_live_server.url}/accounts/me/")
    table = page.get_by_test_id("sessions")
    assert table.is_visible()
    box = table.evaluate("t => t.parentElement.getBoundingClientRect().right")
    assert box <= 390
    # The page itself does not run off the right edge (the table alone is ~530 px wide).
    assert page.evaluate("document.documentElement.scrollWidth") <= 400
