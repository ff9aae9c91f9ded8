"""Background tasks (django-tasks; ADR 0008). Arguments are JSON: ids and ISO dates."""

from __future__ import annotations

import datetime as dt

from django_tasks import task

from tuyengiao.core.actors import SYSTEM


@task()
def email_notifications(ids: list[int]) -> dict:
    from . import services

    sent, errors = services.email_notifications(ids)
    return {"sent": sent, "errors": errors}


@task()
def daily(day: str | None = None) -> dict:
    """The morning job: reminders to units that owe a report, conference task deadlines."""
    from . import deadlines, reminders

    on = dt.date.fromisoformat(day) if day else None
    due, sent = reminders.send_due(on, actor=SYSTEM)
    notices = deadlines.send_task_notices(on)
    return {"reminders_due": len(due), "reminders_sent": len(sent), "task_notices": notices}


@task()
def run_job(job_id: str) -> str:
    from . import jobs

    return jobs.run(job_id)
