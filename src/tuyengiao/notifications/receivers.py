"""Notices that follow what happened: every service verb writes an audit event in its
transaction, and this receiver turns the ones people must hear about into notifications in
the same transaction (rolled back with it). No service of another app calls this app.

Bulk paths that write their audit rows with bulk_create (Excel import, demo) notify nobody.
"""

from __future__ import annotations

import logging

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from tuyengiao.core.models import AuditEvent

from . import selection, services, texts
from .choices import NotificationKind
from .models import Notification

log = logging.getLogger(__name__)


@receiver(post_save, sender=AuditEvent, dispatch_uid="notifications.audit_event")
def on_audit_event(sender, instance: AuditEvent, created: bool, **kwargs):
    handler = HANDLERS.get(instance.verb)
    if not created or handler is None:
        return
    try:
        with transaction.atomic():
            handler(instance)
    except Exception:  # a notice must never undo the work it reports
        log.exception("notification for audit event %s failed", instance.pk)


def _submission(event):
    from tuyengiao.reporting.models import Submission

    return (
        Submission.objects.select_related("form", "period", "unit")
        .filter(pk=event.object_id)
        .first()
    )


def _submission_path(submission) -> str:
    return selection.submission_path(submission.form, submission.period, submission.unit)


def _tell(users, kind, submission, title_and_body) -> None:
    """One notice about `submission` to `users`, linking to its page."""
    title, body = title_and_body
    services.notify(
        users, kind, title, body, url=_submission_path(submission), unit=submission.unit
    )


def submitted(event):
    submission = _submission(event)
    if submission is None or submission.status != "submitted":
        return  # a form without approval is approved by sending: nobody has to act
    _tell(
        selection.approvers_of(submission.unit),
        NotificationKind.WAITING,
        submission,
        texts.waiting(submission),
    )


def returned(event):
    submission = _submission(event)
    if submission is None:
        return
    reason = event.data.get("reason") or submission.returned_reason
    _tell(
        selection.reporters_of(submission.unit),
        NotificationKind.RETURNED,
        submission,
        texts.returned(submission, reason),
    )


def reopened(event):
    submission = _submission(event)
    if submission is None:
        return
    reason = event.data.get("reason") or submission.returned_reason
    _tell(
        selection.reporters_of(submission.unit),
        NotificationKind.RETURNED,
        submission,
        texts.reopened(submission, reason),
    )


def approved(event):
    submission = _submission(event)
    if submission is None or submission.status != "approved":
        return  # approved at a first level only: the unit waits for the last one
    _tell(
        selection.reporters_of(submission.unit),
        NotificationKind.APPROVED,
        submission,
        texts.approved(submission),
    )


def assigned(event):
    if not event.data.get("count"):
        return  # nothing new was assigned
    assignments = selection.assignments_of_event(event)
    recipients = selection.reporters_by_unit([a.unit for a in assignments])
    rows = []
    for assignment in assignments:
        title, body = texts.assigned(assignment)
        url = selection.submission_path(assignment.form, assignment.period, assignment.unit)
        rows += [
            Notification(
                user=user,
                kind=NotificationKind.ASSIGNED,
                title=title[:300],
                body=body,
                url=url,
                unit=assignment.unit,
                key=f"assigned:{assignment.pk}",
            )
            for user in recipients.get(assignment.unit_id, [])
        ]
    services.notify_rows(rows)


HANDLERS = {
    "submission.submit": submitted,
    "submission.return": returned,
    "submission.approve": approved,
    "submission.reopen": reopened,
    "form.assign": assigned,
}
