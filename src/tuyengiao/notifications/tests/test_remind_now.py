"""«Nhắc báo cáo» on the status board: the ticked units that still owe the report."""

import pytest
from django.urls import reverse

from tuyengiao.core.testing import assert_hidden_from
from tuyengiao.notifications.models import Notification, SentReminder

pytestmark = pytest.mark.django_db
BOARD = reverse("reporting:status", args=["HT-NQ", "2023", "QU-Q1"])
REMIND = reverse("notifications:remind", args=["HT-NQ", "2023", "QU-Q1"])


def test_the_board_offers_a_tick_box_for_each_unit_that_owes_the_report(client_for, specialist):
    page = client_for(specialist).get(BOARD).content.decode()
    assert "Nhắc báo cáo" in page
    assert 'form="remind-form" name="unit" value="DU-BEN-NGHE"' in page  # not started
    assert 'value="DU-DA-KAO"' not in page  # submitted: nothing to remind


def test_the_specialist_reminds_the_ticked_units_once_a_day(client_for, specialist, reporter):
    client = client_for(specialist)
    response = client.post(REMIND, {"unit": ["DU-BEN-NGHE", "DU-CAU-KHO"]}, follow=True)
    assert "Đã nhắc 2 đơn vị." in response.content.decode()
    rows = SentReminder.objects.filter(kind="manual", sent_by=specialist)
    assert {r.unit.code for r in rows} == {"DU-BEN-NGHE", "DU-CAU-KHO"}
    assert Notification.objects.filter(user=reporter, kind="reminder").count() == 1
    again = client.post(REMIND, {"unit": ["DU-BEN-NGHE", "DU-DA-KAO"]}, follow=True)
    page = again.content.decode()
    assert "Không nhắc (đã nhắc hôm nay hoặc đã gửi báo cáo)" in page
    assert "Đảng ủy phường Bến Nghé" in page and "Đảng ủy phường Đa Kao" in page
    assert Notification.objects.filter(user=reporter, kind="reminder").count() == 1


def test_nothing_ticked_gets_a_vietnamese_message(client_for, specialist):
    response = client_for(specialist).post(REMIND, {}, follow=True)
    assert "Chưa chọn đơn vị nào chưa gửi báo cáo để nhắc." in response.content.decode()
    assert not SentReminder.objects.exists()


def test_reporters_and_sibling_wards_cannot_send_reminders(client, reporter, outsider, viewer):
    for user in (reporter, outsider, viewer):
        assert_hidden_from(client, user, REMIND, "post", unit="DU-BEN-NGHE")
    ward = reverse("notifications:remind", args=["HT-NQ", "2023", "DU-BEN-NGHE"])
    assert_hidden_from(client, outsider, ward, "post", unit="DU-BEN-NGHE")
    assert not SentReminder.objects.exists()
