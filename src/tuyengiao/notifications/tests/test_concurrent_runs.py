"""Two reminder runs at the same moment (two workers, or a worker and the command) send
each reminder once: both select the same due reminders, then race to record them."""

import datetime as dt
import threading

import pytest
from django.db import connection

from tuyengiao.core.actors import SYSTEM
from tuyengiao.notifications import reminders
from tuyengiao.notifications.models import Notification, SentReminder


@pytest.fixture
def committed_demo(request, transactional_db):
    """Threads need committed rows: the run's demo template, copied back in (a transactional
    test before this one may have flushed the database). pytest-django flushes after this
    test and runs the transactional tests after all the others; the live-server fixture of
    the browser tests copies the template back in the same way."""
    from tuyengiao.core import testdb

    testdb.restore(shared_dir=testdb.run_dir(request.config))


def test_two_concurrent_runs_send_each_reminder_once(committed_demo, monkeypatch):
    day = dt.date(2024, 1, 20)
    expected = len(reminders.due_reminders(day))  # the demo's ten late units of 2023, at least
    assert expected >= 10
    both_selected = threading.Barrier(2, timeout=30)
    select = reminders.due_reminders

    def select_then_wait(on=None):
        due = select(on)
        both_selected.wait()  # neither records anything before both have chosen
        return due

    monkeypatch.setattr(reminders, "due_reminders", select_then_wait)
    results, errors = {}, []

    def run(name):
        try:
            results[name] = reminders.send_due(day, email_now=False, actor=SYSTEM)[1]
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(name,)) for name in ("a", "b")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    sent_a, sent_b = len(results["a"]), len(results["b"])
    assert sent_a + sent_b == expected
    assert SentReminder.objects.filter(day=day).count() == expected
    # One in-app reminder per round Bến Nghé owes, not two.
    owed = SentReminder.objects.filter(day=day, unit__code="DU-BEN-NGHE").count()
    notices = Notification.objects.filter(user__username="bennghe", kind="reminder")
    assert notices.count() == owed >= 1
