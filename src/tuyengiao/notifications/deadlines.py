"""Deadlines of tasks from conference conclusions: a notice to the assigned unit 3 days
before (settings.TASK_NOTICE_DAYS_BEFORE) and one when it is overdue, each once."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.utils import timezone

from . import selection, services, texts
from .choices import NotificationKind


def send_task_notices(on: dt.date | None = None) -> int:
    on = on or timezone.localdate()
    soon = on + dt.timedelta(days=settings.TASK_NOTICE_DAYS_BEFORE)
    count = 0
    for task in selection.open_tasks_due_between(on + dt.timedelta(days=1), soon):
        title, body = texts.task_due(task, on)
        count += len(
            services.notify(
                selection.members_of(task.unit),
                NotificationKind.TASK_DUE,
                title,
                body,
                url=task.get_absolute_url(),
                unit=task.unit,
                key=f"task-due:{task.pk}",
            )
        )
    for task in selection.overdue_tasks(on):
        title, body = texts.task_overdue(task, on)
        count += len(
            services.notify(
                selection.members_of(task.unit),
                NotificationKind.TASK_OVERDUE,
                title,
                body,
                url=task.get_absolute_url(),
                unit=task.unit,
                key=f"task-overdue:{task.pk}",
            )
        )
    return count
