import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_specialist_assesses_an_initiative_for_2023(login, page, demo_live_server):
    login("chuyenvien")
    page.get_by_role("link", name="Mô hình", exact=True).click()
    page.get_by_role("link", name="Quận 1 trái tim nghĩa tình").click()
    page.get_by_label("Năm", exact=True).fill("2023")
    page.get_by_label("Trạng thái").select_option(label="Cần cải tiến")
    page.get_by_label("Đánh giá", exact=True).fill("Cần mở rộng nguồn lực vận động.")
    page.get_by_role("button", name="Lưu đánh giá").click()
    expect(page.get_by_role("alert")).to_contain_text("Đã lưu đánh giá năm 2023.")
    expect(page.get_by_test_id("assessments").get_by_role("listitem").first).to_contain_text(
        "Cần cải tiến"
    )
