"""Reminders on the demo's 2023 round of HT-NQ (deadline 15/01/2024): who is due, when."""

import datetime as dt
import json
from io import StringIO

import pytest
from django.core.management import call_command

from tuyengiao.core.actors import SYSTEM
from tuyengiao.notifications import reminders
from tuyengiao.notifications.models import Notification, ReminderPolicy, SentReminder
from tuyengiao.reporting import review
from tuyengiao.reporting import services as reporting

from .conftest import DEADLINE_2023

pytestmark = pytest.mark.django_db
# Units of the demo's 2023 round that have not sent: not started, drafts and one returned.
LATE_2023 = {
    "DU-BEN-NGHE",
    "DU-CAU-KHO",
    "CS-Q1-007",
    "CS-Q1-019",
    "CS-Q1-033",
    "DU-BEN-THANH",
    "CS-Q1-011",
    "CS-Q1-025",
    "CS-Q1-038",
    "CS-Q1-021",
}


def on(n: int) -> dt.date:
    return DEADLINE_2023 + dt.timedelta(days=n)


def due_2023(day: dt.date) -> list[reminders.Due]:
    """The reminders due for the demo's 2023 round of HT-NQ (campaigns may add others)."""
    return [
        d
        for d in reminders.due_reminders(day)
        if (d.pending.form.code, d.pending.period.code) == ("HT-NQ", "2023")
    ]


def due_units(day: dt.date) -> dict[str, reminders.Due]:
    return {d.pending.unit.code: d for d in due_2023(day)}


def test_before_on_and_after_the_deadline(ben_nghe):
    assert "DU-BEN-NGHE" not in due_units(on(-4))
    before = due_units(on(-3))
    assert set(before) == LATE_2023
    assert (before["DU-BEN-NGHE"].kind, before["DU-BEN-NGHE"].days_late) == ("before", -3)
    reminders.send(list(before.values()), actor=SYSTEM)
    assert due_units(on(-2)) == {}  # reminded once in the days before
    assert due_units(on(0))["DU-BEN-NGHE"].kind == "on_day"
    reminders.send(list(due_units(on(0)).values()), actor=SYSTEM)
    assert due_units(on(2)) == {}
    late = due_units(on(3))["DU-BEN-NGHE"]
    assert (late.kind, late.days_late) == ("overdue", 3)


def test_the_recipients_are_the_units_own_reporters(ben_nghe):
    due = due_units(on(1))
    assert [u.username for u in due["DU-BEN-NGHE"].recipients] == ["bennghe"]
    assert [u.username for u in due["DU-BEN-THANH"].recipients] == ["benthanh"]
    assert due["CS-Q1-007"].recipients == []  # nobody holds a reporter account there


def test_a_unit_that_submitted_gets_none(form, year_2023, ben_nghe, reporter, good_values):
    assert "DU-DA-KAO" not in due_units(on(1))  # submitted in the demo
    reporting.submit(form, ben_nghe, year_2023, good_values, actor=reporter)
    assert "DU-BEN-NGHE" not in due_units(on(1))


def test_a_returned_report_is_reminded_again(
    form, year_2023, ben_nghe, reporter, specialist, good_values
):
    sent = reporting.submit(form, ben_nghe, year_2023, good_values, actor=reporter)
    assert "DU-BEN-NGHE" not in due_units(on(10))
    review.return_submission(sent, "Thiếu số quần chúng", actor=specialist)
    assert due_units(on(10))["DU-BEN-NGHE"].kind == "overdue"


def test_a_forms_own_policy_wins_over_the_defaults(form):
    ReminderPolicy.objects.create(form=form, days_before=7, overdue_every=10)
    assert due_units(on(-7))["DU-BEN-NGHE"].kind == "before"
    reminders.send(list(due_units(on(0)).values()), actor=SYSTEM)
    assert due_units(on(9)) == {}
    assert due_units(on(10))["DU-BEN-NGHE"].kind == "overdue"
    ReminderPolicy.objects.filter(form=form).update(enabled=False)
    assert due_units(on(30)) == {}


def test_each_reminder_is_recorded_with_an_in_app_notice_in_vietnamese(form, reporter):
    sent = reminders.send(due_2023(on(5)), actor=SYSTEM)
    assert {d.pending.unit.code for d in sent} == LATE_2023
    row = SentReminder.objects.get(unit__code="DU-BEN-NGHE", day=on(5))
    assert (row.kind, row.days_late, row.recipients) == ("overdue", 5, ["bennghe"])
    notice = Notification.objects.get(user=reporter, kind="reminder")
    assert notice.title == f"Nhắc báo cáo: {form.name} — Năm 2023"
    assert "Hạn nộp: 15/01/2024, đã quá hạn 5 ngày." in notice.body
    assert notice.url == "/reporting/HT-NQ/2023/units/DU-BEN-NGHE/"
    assert "http://127.0.0.1:8000/reporting/HT-NQ/2023/units/DU-BEN-NGHE/" in notice.body


def _command(*args) -> dict:
    out = StringIO()
    call_command("reminders", "send", "--json", *args, stdout=out)
    return json.loads(out.getvalue())


def test_the_command_lists_the_2023_late_units_and_none_of_2022():
    result = _command("--dry-run", "--on", "2026-12-01")
    round_2023 = [r for r in result["reminders"] if (r["form"], r["period"]) == ("HT-NQ", "2023")]
    assert {r["unit"] for r in round_2023} == LATE_2023
    assert not [r for r in result["reminders"] if "2022" in r["period"]]  # all sent in 2022
    ben_nghe = next(r for r in round_2023 if r["unit"] == "DU-BEN-NGHE")
    assert ben_nghe["deadline"] == "2024-01-15"
    assert ben_nghe["days_late"] == (dt.date(2026, 12, 1) - DEADLINE_2023).days
    assert ben_nghe["recipients"] == ["bennghe"]
    assert result["sent"] == 0
    assert not SentReminder.objects.exists()


def test_a_second_run_on_the_same_day_sends_nothing():
    first = _command("--on", "2026-12-01")
    assert first["sent"] == len(first["reminders"]) >= len(LATE_2023)
    second = _command("--on", "2026-12-01")
    assert second == {"reminders": [], "sent": 0}
    assert SentReminder.objects.count() == first["sent"]


def test_a_bad_date_is_refused_in_vietnamese():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="không đúng dạng YYYY-MM-DD"):
        call_command("reminders", "send", "--on", "15/01/2024")


def test_a_reopened_report_is_reminded_again_and_its_reporter_told_why(
    form, year_2023, ben_nghe, reporter, approver, good_values
):
    sent = reporting.submit(form, ben_nghe, year_2023, good_values, actor=reporter)
    approved = review.approve(sent, actor=approver)
    assert "DU-BEN-NGHE" not in due_units(on(10))
    review.reopen(approved, "Sai số đảng viên", actor=approver)
    assert due_units(on(10))["DU-BEN-NGHE"].kind == "overdue"
    notice = Notification.objects.filter(user=reporter, kind="returned").latest("created_at")
    assert "mở lại" in notice.title and "Lý do: Sai số đảng viên" in notice.body
