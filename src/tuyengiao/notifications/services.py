"""Notification verbs: notify people, mark what they read, keep their choice of channel,
e-mail what waits to be e-mailed."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core import mail
from django.db import IntegrityError, transaction
from django.utils import timezone
from django_tasks import task

from tuyengiao.core import audit

from .models import Notification, NotificationPreference

log = logging.getLogger(__name__)


def wants_email(user) -> bool:
    if not user.email:
        return False
    preference = NotificationPreference.objects.filter(user=user).first()
    return preference is None or preference.email


def notify(users, kind: str, title: str, body="", *, url="", unit=None, key="", email=True):
    """One in-app notification per user (once per `key` when given). With `email`, those
    who chose e-mail get it after the transaction commits, through the worker.
    Returns the notifications created."""
    created = []
    for user in users:
        if key and Notification.objects.filter(user=user, key=key).exists():
            continue
        try:
            with transaction.atomic():
                created.append(
                    Notification.objects.create(
                        user=user,
                        kind=kind,
                        title=title[:300],
                        body=body,
                        url=url[:500],
                        unit=unit,
                        key=key[:200],
                    )
                )
        except IntegrityError:  # the same notice, written at the same moment by another run
            continue
    ids = [n.pk for n in created if wants_email(n.user)] if email else []
    if ids:
        transaction.on_commit(lambda: _enqueue_emails(ids))
    return created


def notify_rows(rows: list[Notification]) -> None:
    """Many keyed notifications in one statement (an assignment to thousands of units);
    those a person already has are skipped."""
    Notification.objects.bulk_create(rows, batch_size=1000, ignore_conflicts=True)
    emailed = {row.user_id for row in rows if wants_email(row.user)}
    ids = list(
        Notification.objects.filter(
            user__in=emailed, key__in={row.key for row in rows}, emailed_at__isnull=True
        ).values_list("pk", flat=True)
    )
    if ids:
        transaction.on_commit(lambda: _enqueue_emails(ids))


def _enqueue_emails(ids):
    try:
        send_emails.enqueue(ids)
    except Exception:  # a broken queue must not break the page that caused the notice
        log.exception("could not enqueue e-mails for notifications %s", ids)


def email_notifications(ids) -> tuple[int, list[str]]:
    """E-mail the notifications not e-mailed yet, over one SMTP connection.
    Returns (sent, errors)."""
    from .texts import link

    pending = Notification.objects.filter(pk__in=ids, emailed_at__isnull=True).select_related(
        "user"
    )
    sent, errors = 0, []
    connection = mail.get_connection()
    for notification in pending:
        body = notification.body
        if notification.url and notification.url not in body:
            body += f"\n\n{link(notification.url)}"
        message = mail.EmailMessage(
            subject=notification.title,
            body=body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[notification.user.email],
            connection=connection,
        )
        try:
            message.send()
        except Exception as exc:  # SMTP down or refusing: keep going, say so
            errors.append(f"{notification.user.email}: {exc}")
            continue
        Notification.objects.filter(pk=notification.pk).update(emailed_at=timezone.now())
        sent += 1
    return sent, errors


@task()
def send_emails(ids: list[int]) -> dict:
    """The worker's task e-mailing the notifications `notify` made (after its commit)."""
    sent, errors = email_notifications(ids)
    return {"sent": sent, "errors": errors}


@transaction.atomic
def mark_read(user, notification_ids=None) -> int:
    """Mark the user's notifications as read (all when no ids); others' are untouched."""
    rows = Notification.objects.for_user(user).unread()
    if notification_ids is not None:
        rows = rows.filter(pk__in=notification_ids)
    return rows.update(read_at=timezone.now())


@transaction.atomic
def set_email_preference(user, email: bool, *, actor) -> NotificationPreference:
    preference, _ = NotificationPreference.objects.update_or_create(
        user=user, defaults={"email": bool(email)}
    )
    audit.record(actor, "notifications.preference", preference, unit=None, email=bool(email))
    return preference
