"""Notices that follow the reporting verbs, the bell, the list, and who sees what."""

import pytest
from django.urls import reverse

from tuyengiao.core.testing import assert_hidden_from
from tuyengiao.notifications import services
from tuyengiao.notifications.models import Notification
from tuyengiao.orgs import access
from tuyengiao.reporting import services as reporting

pytestmark = pytest.mark.django_db


def kinds(user) -> list[str]:
    return list(Notification.objects.filter(user=user).values_list("kind", flat=True))


def test_a_submission_waits_for_the_approver_and_only_for_them(
    form, year_2023, ben_nghe, reporter, approver, specialist, outsider, good_values
):
    before = Notification.objects.count()
    reporting.submit(form, ben_nghe, year_2023, good_values, actor=reporter)
    waiting = Notification.objects.get(user=approver, kind="waiting")
    assert waiting.title == "Báo cáo chờ duyệt: Đảng ủy phường Bến Nghé"
    assert waiting.url == "/reporting/HT-NQ/2023/units/DU-BEN-NGHE/"
    # Those who may approve Bến Nghé's report are told (admins too), and nobody else.
    told = {
        n.user
        for n in Notification.objects.order_by("-pk")[: Notification.objects.count() - before]
    }
    assert approver in told
    assert all(access.can(user, access.APPROVE, ben_nghe) for user in told)
    assert "waiting" not in kinds(specialist) + kinds(outsider)


def test_return_tells_the_reporter_why_and_approval_tells_them_too(
    form, year_2023, ben_nghe, reporter, approver, specialist, outsider, good_values
):
    sent = reporting.submit(form, ben_nghe, year_2023, good_values, actor=reporter)
    reporting.return_submission(sent, "Số đảng viên chưa khớp", actor=specialist)
    returned = Notification.objects.get(user=reporter, kind="returned")
    assert "Lý do: Số đảng viên chưa khớp" in returned.body
    resent = reporting.submit(form, ben_nghe, year_2023, actor=reporter)
    reporting.approve(resent, actor=approver)
    assert Notification.objects.filter(user=reporter, kind="approved", unit=ben_nghe).exists()
    assert not Notification.objects.filter(user=outsider, unit=ben_nghe).exists()


def test_a_new_assignment_tells_the_units_reporters_once(form, district, specialist, reporter):
    period = reporting.get_or_create_period("2024")
    reporting.assign_form(form, district, period, actor=specialist)
    notice = Notification.objects.get(user=reporter, kind="assigned", title__contains="2024")
    assert "hạn nộp 15/01/2025" in notice.body
    told = Notification.objects.filter(user=reporter, kind="assigned").count()
    reporting.assign_form(form, district, period, actor=specialist)  # nothing new
    assert Notification.objects.filter(user=reporter, kind="assigned").count() == told


def test_a_failing_notice_never_undoes_the_verb(
    monkeypatch, form, year_2023, ben_nghe, reporter, good_values
):
    from tuyengiao.notifications import receivers

    def broken(event):
        raise RuntimeError("boom")

    monkeypatch.setitem(receivers.HANDLERS, "submission.submit", broken)
    sent = reporting.submit(form, ben_nghe, year_2023, good_values, actor=reporter)
    assert sent.status == "submitted"


def _notice(user, title="Nhắc báo cáo: thử"):
    return services.notify([user], "reminder", title, "Nội dung", url="/reporting/")[0]


def test_the_bell_counts_unread_and_the_list_marks_them_read(client_for, reporter):
    Notification.objects.filter(user=reporter).update(read_at="2024-01-01T00:00Z")
    _notice(reporter)
    _notice(reporter, "Thông báo thứ hai")
    client = client_for(reporter)
    home = client.get("/")
    assert 'data-testid="bell-count">2<' in home.content.decode()
    page = client.get(reverse("notifications:list")).content.decode()
    assert "Thông báo thứ hai" in page and "Chưa đọc" in page
    client.post(reverse("notifications:read_all"))
    assert client.get(reverse("notifications:bell")).content.decode().count("bell-count") == 0


def test_opening_a_notice_marks_it_read_and_follows_its_link(client_for, reporter):
    notice = _notice(reporter)
    response = client_for(reporter).post(
        reverse("notifications:read", args=[notice.pk]), {"open": "1"}
    )
    assert response.status_code == 302 and response["Location"] == "/reporting/"
    notice.refresh_from_db()
    assert notice.read_at is not None


def test_a_sibling_ward_never_sees_or_touches_another_wards_notices(
    client, client_for, reporter, outsider
):
    notice = _notice(reporter, "Báo cáo bị trả lại: Bến Nghé")
    assert_hidden_from(client, outsider, reverse("notifications:read", args=[notice.pk]), "post")
    page = client_for(outsider).get(reverse("notifications:list")).content.decode()
    assert "Báo cáo bị trả lại: Bến Nghé" not in page
    notice.refresh_from_db()
    assert notice.read_at is None


def test_the_list_needs_a_login(client):
    response = client.get(reverse("notifications:list"))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_a_user_chooses_in_app_only(client_for, reporter):
    reporter.email = "bennghe@example.test"
    reporter.save()
    assert services.wants_email(reporter)
    client_for(reporter).post(reverse("notifications:preference"), {})
    assert not services.wants_email(reporter)
    client_for(reporter).post(reverse("notifications:preference"), {"email": "on"})
    assert services.wants_email(reporter)


def test_the_unread_list_pages_on_keeping_its_choice(client_for, reporter):
    Notification.objects.filter(user=reporter).update(read_at="2024-01-01T00:00Z")
    for i in range(51):
        _notice(reporter, f"Nhắc số {i}")
    client = client_for(reporter)
    page = client.get(reverse("notifications:list"), {"show": "unread"}).content.decode()
    assert page.count('data-testid="notification"') == 50
    assert 'href="?show=unread&amp;page=2"' in page
    second = client.get(reverse("notifications:list"), {"show": "unread", "page": 2})
    assert second.content.decode().count('data-testid="notification"') == 1
