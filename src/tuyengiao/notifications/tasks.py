"""Background tasks (django-tasks; ADR 0008). Arguments are JSON: ids and ISO dates.

A task lives next to the work that enqueues it (`services.send_emails`, `jobs.run_job`),
so that no module imports this one back; the names below keep the tasks queued before
that move (by their old path) runnable.
"""

from __future__ import annotations

import datetime as dt

from django_tasks import task

from tuyengiao.core.actors import SYSTEM

from . import deadlines, reminders
from .jobs import run_job  # noqa: F401  (old path tuyengiao.notifications.tasks.run_job)
from .services import send_emails as email_notifications  # noqa: F401  (old path)


@task()
def daily(day: str | None = None) -> dict:
    """The morning job: reminders to units that owe a report, conference task deadlines."""
    on = dt.date.fromisoformat(day) if day else None
    due, sent = reminders.send_due(on, actor=SYSTEM)
    notices = deadlines.send_task_notices(on)
    return {"reminders_due": len(due), "reminders_sent": len(sent), "task_notices": notices}
