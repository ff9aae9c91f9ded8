import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_leader_follows_the_2022_campaign_down_to_a_ward(login, demo_live_server):
    page = login("lanhdao")

    page.get_by_role("link", name="Học tập nghị quyết").first.click()
    page.get_by_role("link", name="Hội nghị Trung ương 4, 5").click()
    expect(page.get_by_test_id("campaign-completeness")).to_contain_text("51/51")
    expect(page.get_by_test_id("campaign-indicator-participation_rate")).to_contain_text("93,44%")
    expect(page.get_by_test_id("rate-chart")).to_be_visible()

    page.get_by_test_id("campaign-units").get_by_role(
        "link", name="Đảng ủy phường Bến Nghé"
    ).click()
    expect(page.get_by_test_id("campaign-root")).to_have_text("Đảng ủy phường Bến Nghé")
    expect(page.get_by_test_id("campaign-completeness")).to_contain_text("1/1")
