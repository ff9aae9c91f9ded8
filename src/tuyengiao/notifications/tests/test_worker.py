"""The morning job: enqueued once a day at 07:00 local time whatever the number of
workers, and what it sends about conference tasks."""

import datetime as dt
import zoneinfo

import pytest
from django_tasks_db.models import DBTaskResult

from tuyengiao.notifications import deadlines, scheduler
from tuyengiao.notifications.models import Notification

pytestmark = pytest.mark.django_db
HCM = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")


def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2024, 1, day, hour, minute, tzinfo=HCM)


def queued() -> list[str]:
    return list(DBTaskResult.objects.values_list("task_path", flat=True))


def test_the_morning_job_is_enqueued_once_a_day_at_seven(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assert scheduler.tick(at(20, 6, 59)) == []
        assert scheduler.tick(at(20, 7, 0)) == ["daily-notices"]
        assert scheduler.tick(at(20, 7, 1)) == []  # a second worker, a minute later
        assert scheduler.tick(at(20, 23, 0)) == []
        # 07:00 in Hồ Chí Minh City is 00:00 UTC.
        assert scheduler.tick(dt.datetime(2024, 1, 21, 0, 0, tzinfo=dt.UTC)) == ["daily-notices"]
    assert queued() == ["tuyengiao.notifications.tasks.daily"] * 2


def test_a_worker_started_late_catches_up_the_same_day(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assert scheduler.tick(at(20, 15, 30)) == ["daily-notices"]
    assert len(queued()) == 1


def test_the_worker_runs_the_morning_job(run_worker, django_capture_on_commit_callbacks, reporter):
    from tuyengiao.notifications.reminders import due_reminders
    from tuyengiao.notifications.tasks import daily

    due = due_reminders(dt.date(2024, 1, 20))
    daily.enqueue("2024-01-20")
    run_worker()
    result = DBTaskResult.objects.get()
    assert result.status == "SUCCESSFUL"
    assert result.return_value["reminders_sent"] == len(due) >= 10
    owed = [d for d in due if d.pending.unit.code == "DU-BEN-NGHE"]
    assert Notification.objects.filter(user=reporter, kind="reminder").count() == len(owed) >= 1


def test_task_deadlines_reach_the_assigned_unit_three_days_before_and_when_overdue(
    reporter, outsider
):
    # Bến Nghé's task «Xây dựng không gian văn hóa Hồ Chí Minh…» is due on 30/09/2023.
    deadlines.send_task_notices(dt.date(2023, 9, 26))  # four days before: not yet
    assert not Notification.objects.filter(user=reporter, kind="task_due").exists()
    deadlines.send_task_notices(dt.date(2023, 9, 27))
    due = Notification.objects.get(user=reporter, kind="task_due")
    assert "đến hạn ngày 30/09/2023 (còn 3 ngày)" in due.body
    deadlines.send_task_notices(dt.date(2023, 9, 28))
    assert Notification.objects.filter(user=reporter, kind="task_due").count() == 1
    deadlines.send_task_notices(dt.date(2023, 10, 1))
    overdue = Notification.objects.get(user=reporter, kind="task_overdue")
    assert "đã quá hạn 1 ngày" in overdue.body
    deadlines.send_task_notices(dt.date(2023, 10, 2))
    assert Notification.objects.filter(user=reporter, kind="task_overdue").count() == 1
    # Bến Thành is told of its own overdue task only, never of Bến Nghé's.
    theirs = Notification.objects.filter(user=outsider, kind__startswith="task")
    assert theirs.exists() and all("Bến Thành" in n.body for n in theirs)
    assert not Notification.objects.filter(user=reporter, body__contains="Bến Thành").exists()


def test_the_overdue_notices_go_for_the_tasks_overdue_by_the_tasks_own_rule():
    from tuyengiao.meetings.models import Task
    from tuyengiao.notifications.selection import overdue_tasks

    for day in (dt.date(2023, 9, 30), dt.date(2023, 10, 1), dt.date(2024, 6, 1)):
        expected = [t.pk for t in Task.objects.order_by("due_date", "pk") if t.is_overdue(day)]
        assert [t.pk for t in overdue_tasks(day)] == expected
    assert [t.pk for t in overdue_tasks(dt.date(2023, 10, 1))]
