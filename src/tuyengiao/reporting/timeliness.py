"""Timeliness (DHIS2 "reporting rate on time"): a report is on time when it was first sent
on or before its unit's deadline. A resend after a return or reopen does not make it late,
and a unit that has not sent by its deadline is overdue by the days since."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, F, OuterRef, Q, Subquery
from django.db.models.functions import TruncDate
from django.utils import timezone

from .choices import NOT_STARTED, REPORTED, SubmissionStatus
from .models import Assignment, Submission, in_subtree
from .rollup import _valid_unit_q

ON_TIME, LATE = "on_time", "late"
# Not sent, so still owed: never started, a draft, or returned to the unit.
OPEN = (NOT_STARTED, SubmissionStatus.DRAFT, SubmissionStatus.RETURNED)


def is_overdue(deadline: dt.date, status: str | None, today: dt.date | None = None) -> bool:
    """The one rule of "overdue" for a report: not sent (`status` open; None: never
    started) and its deadline has passed (`today`: the server's local date by default)."""
    return (status or NOT_STARTED) in OPEN and (today or timezone.localdate()) > deadline


@dataclass
class Timeliness:
    on_time: int = 0
    late: int = 0

    def as_json(self) -> dict:
        return {"on_time": self.on_time, "late": self.late}


def timeliness(form, unit, period) -> Timeliness:
    """Reported (sent or approved) units of `unit`'s subtree, on time and late: one query."""
    deadline = Assignment.objects.filter(form=form, period=period, unit=OuterRef("unit")).values(
        "deadline"
    )[:1]
    counts = (
        Submission.objects.filter(
            _valid_unit_q("unit__", period),
            in_subtree("unit__", unit),
            form=form,
            period=period,
            status__in=REPORTED,
            first_submitted_at__isnull=False,
        )
        .annotate(deadline=Subquery(deadline), sent_on=TruncDate("first_submitted_at"))
        .aggregate(
            on_time=Count("pk", filter=Q(sent_on__lte=F("deadline"))),
            late=Count("pk", filter=Q(sent_on__gt=F("deadline"))),
        )
    )
    return Timeliness(counts["on_time"], counts["late"])


def days_late(deadline: dt.date, submission=None, today: dt.date | None = None) -> int:
    """Days after the deadline the report was first sent (or, unsent, that have passed);
    0 when on time."""
    sent = getattr(submission, "first_submitted_at", None)
    day = timezone.localdate(sent) if sent else (today or timezone.localdate())
    return max(0, (day - deadline).days)


def mark(deadline: dt.date, submission) -> str | None:
    """ON_TIME or LATE for a report that was sent; None for one never sent."""
    if submission is None or submission.first_submitted_at is None:
        return None
    return LATE if days_late(deadline, submission) else ON_TIME
