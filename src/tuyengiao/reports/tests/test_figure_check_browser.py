"""A specialist pastes a paragraph into the figure checker and reads the verdicts in place."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PARAGRAPH = (
    "3. Giáo dục lý luận chính trị\n"
    "Năm 2022 tổ chức 8 lớp bồi dưỡng chính trị hè với 2.249/2.257 học viên, đạt tỷ lệ "
    "99,64%; có 75/80 đảng viên dự lớp chuyên đề, đạt 95,75%. Ngày 10/2/2023, tại số 12/3 "
    "đường Nguyễn Du, khen thưởng gồm 5 tập thể và 10 cá nhân, tổng cộng 15 điển hình. "
    "Tỷ lệ đảng viên nữ đạt 37,5%."
)


def test_the_specialist_sees_each_claim_highlighted_with_its_verdict(login):
    page = login("chuyenvien")
    page.get_by_role("link", name="Báo cáo tổng kết", exact=True).click()
    page.get_by_role("link", name="Kiểm tra số liệu").click()
    page.get_by_label("Văn bản").fill(PARAGRAPH)
    page.get_by_label("Đối chiếu với số liệu của").select_option("QU-Q1")
    page.get_by_label("Năm").fill("2022")
    page.get_by_role("button", name="Kiểm tra", exact=True).click()

    marked = page.get_by_test_id("marked-text")
    expect(marked).to_be_visible()
    # the truncated rate follows its indicator's rule: correct, with the computation
    ok = marked.locator('mark[data-verdict="ok"]').filter(has_text="2.249/2.257")
    expect(ok).to_have_attribute("title", re.compile(r"2\.249 ÷ 2\.257 = 99,6455…%"))
    # a wrong rate is highlighted in the text and explained in its row
    wrong = marked.locator('mark[data-verdict="wrong"]').filter(has_text="75/80")
    expect(wrong).to_have_attribute("title", re.compile("75 ÷ 80 = 93,75%"))
    wrong.get_by_role("link").click()
    expect(page).to_have_url(re.compile(r"#claim-\d+$"))
    row = page.locator("tr:target")
    expect(row).to_contain_text("Sai tỷ lệ")
    expect(row).to_contain_text("93,75%")
    # the sum is recomputed; the lone rate is unchecked, never correct
    expect(marked.locator('mark[data-verdict="ok"]').filter(has_text="tổng cộng 15")).to_have_count(
        1
    )
    unchecked = marked.locator('mark[data-verdict="unchecked"]')
    expect(unchecked.get_by_role("link")).to_have_text("37,5%")
    # the date and the house number are not claims
    expect(marked.locator("mark").filter(has_text="10/2/2023")).to_have_count(0)
    expect(marked.locator("mark").filter(has_text="12/3")).to_have_count(0)
    # 8 summer classes contradict the system's 9
    expect(page.get_by_test_id("contradictions")).to_contain_text(
        "Số lớp bồi dưỡng chính trị hè: 9"
    )
    expect(page.get_by_test_id("summary")).to_contain_text("2 sai")
