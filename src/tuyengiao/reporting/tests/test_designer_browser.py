"""The specialist designs a small form in the browser: two fields, one rule checked live,
one indicator, then assigns it."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_specialist_designs_a_form_with_a_rule_and_an_indicator(login, page):
    from django.contrib.auth import get_user_model

    from tuyengiao.orgs.models import Membership, OrgUnit
    from tuyengiao.reporting.models import Form

    # The department's specialist, given the admin action on the district.
    user = get_user_model().objects.get(username="chuyenvien")
    Membership.objects.create(user=user, unit=OrgUnit.objects.get(code="QU-Q1"), role="admin")
    login("chuyenvien")
    page.get_by_role("link", name="Báo cáo số liệu").first.click()
    page.get_by_role("link", name="Thiết kế biểu mẫu").click()
    page.get_by_role("link", name="Biểu mẫu mới").click()
    page.locator("#id_code").fill("SH-CB")
    page.locator("#id_name").fill("Sinh hoạt chi bộ chuyên đề")
    page.locator("#id_owner").select_option(label="Quận ủy Quận 1")
    page.locator("#id_period_type").select_option("quarter")
    page.get_by_role("button", name="Tạo biểu mẫu").click()

    for code, label in (("cells", "Số chi bộ"), ("cells_held", "Số chi bộ đã sinh hoạt")):
        page.locator("#id_field-code").fill(code)
        page.locator("#id_field-label").fill(label)
        page.get_by_role("button", name="Thêm chỉ tiêu").click()
    expect(page.get_by_test_id("designer-fields")).to_contain_text("Số chi bộ đã sinh hoạt")

    page.locator("#id_rule-left").fill("cells_held")
    page.locator("#id_rule-operator").select_option("<=")
    page.locator("#id_rule-right").fill("cells_hled")
    expect(page.get_by_test_id("rule-check")).to_contain_text("không có trong biểu mẫu")
    page.locator("#id_rule-right").fill("cells")
    expect(page.get_by_test_id("rule-check")).not_to_contain_text("✗")
    expect(page.get_by_test_id("rule-check")).to_contain_text("«Số chi bộ»")
    page.get_by_role("button", name="Thêm quy tắc").click()
    expect(page.get_by_test_id("designer-rules")).to_contain_text("cells_held ≤ cells")

    page.locator("#id_indicator-code").fill("held_rate")
    page.locator("#id_indicator-name").fill("Tỷ lệ chi bộ sinh hoạt")
    page.locator("#id_indicator-numerator").fill("cells_held")
    page.locator("#id_indicator-denominator").fill("cells")
    page.locator("#id_indicator-rounding").select_option("half_up")
    page.get_by_role("button", name="Thêm chỉ số").click()
    expect(page.get_by_test_id("designer-indicators")).to_contain_text("Tỷ lệ chi bộ sinh hoạt")

    page.locator("#id_assign-period").fill("2024Q1")
    page.locator("#id_assign-unit").fill("QU-Q1")
    page.locator("#id_assign-kind").select_option("grassroots")
    page.get_by_role("button", name="Giao biểu mẫu").click()
    expect(page.get_by_text("Đã giao thêm cho 51 đơn vị.")).to_be_visible()
    assert Form.objects.get(code="SH-CB").indicators.get().rounding == "half_up"
