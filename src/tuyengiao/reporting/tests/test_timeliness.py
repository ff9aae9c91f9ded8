"""On time or late, from the first sending and the unit's deadline; overdue by days."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tuyengiao.reporting import services
from tuyengiao.reporting.models import Assignment, Period, Submission
from tuyengiao.reporting.timeliness import days_late, is_overdue, mark, timeliness

pytestmark = pytest.mark.django_db
CAMPAIGN_2023 = "HT-CD-2023"


def _at(day: dt.date, hour=23) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, 30), tzinfo=timezone.get_current_timezone())


def test_the_demo_campaign_counts_on_time_and_late_reports(form, district):
    period = Period.objects.get(code=CAMPAIGN_2023)
    assert timeliness(form, district, period).as_json() == {"on_time": 31, "late": 3}
    assert timeliness(form, district, Period.objects.get(code="HT-TW456-2022")).late == 0


def test_late_is_counted_from_the_first_sending_not_a_resend(
    form, year_2023, ben_nghe, reporter, specialist, good_values
):
    assignment = Assignment.objects.get(form=form, period=year_2023, unit=ben_nghe)
    sent = services.submit(form, ben_nghe, year_2023, good_values, actor=reporter)
    # given it was first sent on the deadline day, late in the evening
    Submission.objects.filter(pk=sent.pk).update(first_submitted_at=_at(assignment.deadline))
    sent.refresh_from_db()
    assert mark(assignment.deadline, sent) == "on_time"
    # when it is returned and sent again months later, it stays on time
    services.return_submission(sent, "Sai số", actor=specialist)
    services.submit(form, ben_nghe, year_2023, actor=reporter)
    sent.refresh_from_db()
    assert sent.first_submitted_at == _at(assignment.deadline)
    assert sent.submitted_at > sent.first_submitted_at
    assert mark(assignment.deadline, sent) == "on_time"
    # a first sending the day after the deadline is late by one day
    Submission.objects.filter(pk=sent.pk).update(
        first_submitted_at=_at(assignment.deadline + dt.timedelta(days=1), hour=0)
    )
    sent.refresh_from_db()
    assert (mark(assignment.deadline, sent), days_late(assignment.deadline, sent)) == ("late", 1)
    assert timeliness(form, ben_nghe, year_2023).as_json() == {"on_time": 0, "late": 1}


def test_an_unsent_report_is_overdue_by_the_days_since_the_deadline():
    deadline = dt.date(2024, 1, 15)
    assert days_late(deadline, None, today=dt.date(2024, 1, 15)) == 0
    assert days_late(deadline, None, today=dt.date(2024, 2, 14)) == 30
    assert mark(deadline, None) is None


def test_the_board_shows_on_time_late_and_the_overdue_list_by_days(client, specialist, form):
    period = Period.objects.get(code=CAMPAIGN_2023)
    url = reverse("reporting:status", args=[form.code, period.code, "QU-Q1"])
    client.force_login(specialist)
    page = client.get(url).content.decode()
    assert "31 đúng hạn · 3 muộn" in page
    row = page.split('data-unit="DU-DA-KAO"')[1].split("</tr>")[0]
    assert "muộn 4 ngày" in row
    overdue = client.get(url, {"status": "overdue"})
    rows = overdue.context["page"].object_list
    expected_days = (timezone.localdate() - dt.date(2024, 1, 15)).days
    assert len(rows) == 13 + 3 + 1  # not started, drafts, returned
    assert {r["days_late"] for r in rows} == {expected_days}
    assert f"quá hạn {expected_days:,} ngày".replace(",", ".") in overdue.content.decode()


def test_the_campaign_list_shows_both_campaigns_with_their_own_timeliness(client, specialist):
    client.force_login(specialist)
    page = client.get(reverse("campaigns:list")).content.decode()
    assert 'data-testid="reported-HT-TW456-2022">51/51' in page
    assert 'data-testid="reported-HT-CD-2023">34/51' in page
    assert "51 đúng hạn, 0 muộn" in page and "31 đúng hạn, 3 muộn" in page


def test_the_report_page_says_late_by_how_many_days(client, approver, form):
    client.force_login(approver)
    url = reverse("reporting:submission", args=[form.code, CAMPAIGN_2023, "DU-DA-KAO"])
    page = client.get(url).content.decode()
    status = page.split('data-testid="submission-status"')[1].split("</p>")[0]
    assert "muộn 4 ngày" in status


def test_a_report_is_overdue_when_not_sent_and_its_deadline_has_passed():
    deadline = dt.date(2024, 1, 15)
    day_after = deadline + dt.timedelta(days=1)
    for status in (None, "not_started", "draft", "returned"):
        assert not is_overdue(deadline, status, deadline)  # the deadline day itself: not yet
        assert is_overdue(deadline, status, day_after)
    for status in ("submitted", "approved"):
        assert not is_overdue(deadline, status, day_after + dt.timedelta(days=400))


def test_the_board_and_the_home_panel_mark_overdue_by_the_one_rule(
    client, reporter, form, year_2023, ben_nghe
):
    from tuyengiao.reporting import pages, panels

    Assignment.objects.filter(form=form, period=year_2023, unit=ben_nghe).update(
        deadline=timezone.localdate() - dt.timedelta(days=1)
    )
    rows = pages.status_rows(reporter, form, year_2023, ben_nghe)
    assert rows and all(r["overdue"] == is_overdue(r["deadline"], r["status"]) for r in rows)
    assert any(r["overdue"] for r in rows)
    client.force_login(reporter)
    request = client.get("/").wsgi_request
    items = panels.forms_due(request)["context"]["items"]
    mine = [i for i in items if i["assignment"].unit_id == ben_nghe.pk]
    assert mine and all(i["overdue"] for i in mine if i["assignment"].period_id == year_2023.pk)
