"""Reminders to units that have not sent a report: which are due on a day, and sending them.

For each assignment not yet submitted, with the form's policy (or the settings' defaults):
- before:  once in the N days before the deadline (N = days_before; 0: none);
- on_day:  on the deadline itself;
- overdue: after it, whenever the last reminder is M days old or more (M = overdue_every),
  so a worker that was down for a day catches up instead of skipping a round.
A returned report is owed again, so it is reminded again. Whatever runs (the morning job,
the command, the board's button), at most one reminder per unit, form and period a day:
the SentReminder row's unique constraint decides, not a check-then-act.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass, field

from django.conf import settings
from django.db import IntegrityError, OperationalError, transaction
from django.db.models import Max
from django.utils import timezone

from tuyengiao.core import audit
from tuyengiao.core.errors import DomainError, NotAllowed
from tuyengiao.orgs import access

from . import services, texts
from .choices import NotificationKind, ReminderKind
from .models import ReminderPolicy, SentReminder
from .selection import Pending, pending_assignments, reporters_by_unit


@dataclass(frozen=True)
class Policy:
    enabled: bool
    days_before: int
    on_the_day: bool
    overdue_every: int

    @classmethod
    def default(cls) -> Policy:
        return cls(True, settings.REMINDER_DAYS_BEFORE, True, settings.REMINDER_OVERDUE_EVERY)


@dataclass
class Due:
    pending: Pending
    kind: str
    on: dt.date
    recipients: list = field(default_factory=list)

    @property
    def days_late(self) -> int:
        return self.pending.days_late(self.on)

    def as_json(self) -> dict:
        p = self.pending
        return {
            "unit": p.unit.code,
            "unit_name": p.unit.name,
            "form": p.form.code,
            "period": p.period.code,
            "deadline": p.deadline.isoformat(),
            "days_late": self.days_late,
            "kind": self.kind,
            "recipients": [u.username for u in self.recipients],
        }


def reminder_kind(policy: Policy, deadline: dt.date, on: dt.date, last: dt.date | None):
    """The kind of reminder due on `on`, or None; `last` is the day of the last one sent."""
    if not policy.enabled or (last is not None and last >= on):
        return None
    days_left = (deadline - on).days
    if days_left > 0:
        window_opens = deadline - dt.timedelta(days=policy.days_before)
        if days_left <= policy.days_before and (last is None or last < window_opens):
            return ReminderKind.BEFORE
        return None
    if days_left == 0:
        return ReminderKind.ON_DAY if policy.on_the_day else None
    every = max(policy.overdue_every, 1)
    if last is None or (on - last).days >= every:
        return ReminderKind.OVERDUE
    return None


def _policies() -> dict:
    return {
        p.form_id: Policy(p.enabled, p.days_before, p.on_the_day, p.overdue_every)
        for p in ReminderPolicy.objects.all()
    }


def _last_sent(pendings) -> dict:
    # By the few forms and periods owed, not by unit: a national run owes tens of
    # thousands of units, more than SQLite takes as query parameters.
    rows = (
        SentReminder.objects.filter(
            form__in={p.form.pk for p in pendings}, period__in={p.period.pk for p in pendings}
        )
        .values("unit_id", "form_id", "period_id")
        .annotate(last=Max("day"))
        .order_by()
    )
    return {(r["unit_id"], r["form_id"], r["period_id"]): r["last"] for r in rows}


def _recipients(pendings) -> dict:
    return reporters_by_unit([p.unit for p in pendings])


def due_reminders(on: dt.date | None = None) -> list[Due]:
    """The reminders the schedule calls for on `on` (today by default)."""
    on = on or timezone.localdate()
    pendings = pending_assignments()
    policies, last = _policies(), _last_sent(pendings)
    default = Policy.default()
    due = []
    for p in pendings:
        policy = policies.get(p.form.pk, default)
        kind = reminder_kind(policy, p.deadline, on, last.get((p.unit.pk, p.form.pk, p.period.pk)))
        if kind:
            due.append(Due(p, kind, on))
    recipients = _recipients([d.pending for d in due])
    for item in due:
        item.recipients = recipients.get(item.pending.unit.pk, [])
    return due


def send(due: list[Due], *, actor, email_now: bool = False) -> list[Due]:
    """Record and deliver each reminder; those another run sent today are skipped.
    Returns the ones this call sent."""
    sent = []
    notification_ids = []
    for item in due:
        try:
            created = _with_retry(lambda item=item: _record(item, actor, email_now))
        except IntegrityError:
            continue  # another run reminded this unit today
        notification_ids += [n.pk for n in created if services.wants_email(n.user)]
        sent.append(item)
    if email_now and notification_ids:
        services.email_notifications(notification_ids)
    return sent


@transaction.atomic
def _record(item: Due, actor, email_now: bool) -> list:
    p = item.pending
    row = SentReminder.objects.create(
        unit=p.unit,
        form=p.form,
        period=p.period,
        day=item.on,
        kind=item.kind,
        deadline=p.deadline,
        days_late=item.days_late,
        recipients=[u.username for u in item.recipients],
        sent_by=actor if getattr(actor, "pk", None) else None,
    )
    title, body = texts.reminder(p, item.on)
    created = services.notify(
        item.recipients,
        NotificationKind.REMINDER,
        title,
        body,
        url=p.path,
        unit=p.unit,
        email=not email_now,
    )
    audit.record(actor, "reminder.send", row, kind=item.kind, days_late=item.days_late)
    return created


def _with_retry(write, attempts: int = 20):
    """SQLite lets one writer at a time; a second run waits its turn instead of failing."""
    for attempt in range(attempts):
        try:
            return write()
        except OperationalError as exc:
            if "locked" not in str(exc) or attempt == attempts - 1:
                raise
            time.sleep(0.05 * (attempt + 1))


def send_due(on: dt.date | None = None, *, dry_run=False, actor, email_now=True):
    """The scheduled run: (reminders due, reminders sent by this run)."""
    due = due_reminders(on)
    return due, ([] if dry_run else send(due, actor=actor, email_now=email_now))


def remind_now(form, period, unit_codes, *, actor, root=None) -> tuple[list[Due], list[str]]:
    """The board's «Nhắc báo cáo»: remind the ticked units that still owe the report, now.
    Returns (sent, names of units skipped because reminded today or already sent)."""
    units = {u.code: u for u in _visible_units(actor, form, period, unit_codes, root)}
    if not units:
        raise DomainError("Chưa chọn đơn vị nào chưa gửi báo cáo để nhắc.", field="unit")
    for unit in units.values():
        if not (access.can(actor, access.CHANGE, unit) or access.can(actor, access.APPROVE, unit)):
            raise NotAllowed(f"Bạn không có quyền nhắc báo cáo «{unit.name}».")
    today = timezone.localdate()
    pendings = [
        p
        for p in pending_assignments(units=list(units.values()), forms=[form])
        if p.period.pk == period.pk
    ]
    due = [Due(p, ReminderKind.MANUAL, today) for p in pendings]
    recipients = _recipients(pendings)
    for item in due:
        item.recipients = recipients.get(item.pending.unit.pk, [])
    sent = send(due, actor=actor)
    sent_codes = {d.pending.unit.code for d in sent}
    skipped = [u.name for code, u in units.items() if code not in sent_codes]
    return sent, skipped


def _visible_units(user, form, period, unit_codes, root=None):
    from tuyengiao.orgs.models import OrgUnit

    units = OrgUnit.objects.visible_to(user).filter(code__in=list(unit_codes or []))
    if root is not None:
        units = units.filter(access.subtree_q(root.path, ""))
    return list(units)
