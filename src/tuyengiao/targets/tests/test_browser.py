"""A target's page on a 390 px phone: names, not keys; the source column readable."""

import pytest

from tuyengiao.targets.models import Target

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_measured_target_reads_well_on_a_phone(login, page, demo_live_server):
    page.set_viewport_size({"width": 390, "height": 844})
    login("chuyenvien")
    target = Target.objects.get(indicator__code="participation_rate", term__unit__code="QU-Q1")
    page.goto(f"{demo_live_server.url}/targets/{target.pk}/")
    text = page.inner_text("main")
    assert "participation_rate" not in text and "HT-NQ." not in text
    assert "Tỷ lệ đảng viên tham gia học tập" in text
    assert "Học tập, quán triệt nghị quyết" in text  # the form's name
    source = page.get_by_test_id("measurements").get_by_text("tổng hợp từ báo cáo đã duyệt").first
    right = source.evaluate("e => e.closest('td').getBoundingClientRect().right")
    assert right <= 390  # the «Nguồn» cell wraps inside the screen
    assert page.evaluate("document.documentElement.scrollWidth") <= 400
