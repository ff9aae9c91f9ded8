"""Notifications (the bell), reminder policy and the record of every reminder sent, and
background jobs with their progress."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tuyengiao.orgs import access

from .choices import JobStatus, NotificationKind, ReminderKind


class NotificationQuerySet(models.QuerySet):
    def for_user(self, user):
        """A person's own notifications; nobody else's are ever listed or opened."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(user=user)

    def unread(self):
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("user"),
    )
    kind = models.CharField(_("kind"), max_length=16, choices=NotificationKind.choices)
    unit = models.ForeignKey(
        "orgs.OrgUnit",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("unit"),
    )
    title = models.CharField(_("heading"), max_length=300)
    body = models.TextField(_("content"), blank=True)
    url = models.CharField(_("link"), max_length=500, blank=True)
    # Set for notices that must reach a person once only (a task's deadline, an assignment).
    key = models.CharField(max_length=200, blank=True, default="")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("e-mailed at"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        # The bell counts one user's unread notifications on every page.
        indexes = [models.Index(fields=["user", "read_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "key"], condition=~Q(key=""), name="notification_key_once"
            )
        ]

    def __str__(self):
        return self.title


class NotificationPreference(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_preference",
        verbose_name=_("user"),
    )
    email = models.BooleanField(_("also by e-mail"), default=True)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")

    def __str__(self):
        return str(self.user)


class ReminderPolicy(models.Model):
    """A form's own reminder schedule; forms without one use the settings' defaults."""

    form = models.OneToOneField(
        "reporting.Form",
        on_delete=models.CASCADE,
        related_name="reminder_policy",
        verbose_name=_("form"),
    )
    enabled = models.BooleanField(_("send reminders"), default=True)
    days_before = models.PositiveSmallIntegerField(_("days before the deadline"), default=3)
    on_the_day = models.BooleanField(_("on the deadline"), default=True)
    overdue_every = models.PositiveSmallIntegerField(
        _("every how many days while overdue"), default=3
    )

    class Meta:
        verbose_name = _("reminder policy")
        verbose_name_plural = _("reminder policies")

    def __str__(self):
        return str(self.form)


class SentReminder(models.Model):
    """One reminder to one unit for one form and period on one day, whoever sent it.

    The unique constraint is the once-a-day rule: two runs at the same moment (two workers,
    a worker and the board's button) both try to insert, and only one succeeds.
    """

    unit = models.ForeignKey(
        "orgs.OrgUnit", on_delete=models.PROTECT, related_name="+", verbose_name=_("unit")
    )
    form = models.ForeignKey(
        "reporting.Form", on_delete=models.CASCADE, related_name="+", verbose_name=_("form")
    )
    period = models.ForeignKey(
        "reporting.Period", on_delete=models.CASCADE, related_name="+", verbose_name=_("period")
    )
    day = models.DateField(_("day"))
    kind = models.CharField(_("kind"), max_length=16, choices=ReminderKind.choices)
    deadline = models.DateField(_("deadline"))
    days_late = models.IntegerField(_("days late"))
    recipients = models.JSONField(_("reminded users"), default=list, blank=True)
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("sent by"),
    )
    email_error = models.TextField(_("e-mail error"), blank=True)

    objects = access.scoped_queryset("unit").as_manager()

    class Meta:
        ordering = ["-day", "unit"]
        verbose_name = _("sent reminder")
        verbose_name_plural = _("sent reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "form", "period", "day"], name="reminder_once_a_day"
            )
        ]

    def __str__(self):
        return f"{self.form_id} · {self.period_id} · {self.unit_id} · {self.day:%d/%m/%Y}"


class PeriodicRun(models.Model):
    """A periodic job started for a day: the first worker to insert the row runs it."""

    name = models.CharField(max_length=100)
    day = models.DateField()
    started_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["name", "day"], name="periodic_run_once_a_day")
        ]

    def __str__(self):
        return f"{self.name} {self.day}"


class Job(models.Model):
    """Long work run by the worker; its page polls the progress and offers the result."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(_("kind"), max_length=40)
    title = models.CharField(_("heading"), max_length=300)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("started by"),
    )
    unit = models.ForeignKey(
        "orgs.OrgUnit",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("unit"),
    )
    params = models.JSONField(default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=JobStatus.choices, default=JobStatus.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    step = models.CharField(_("step"), max_length=300, blank=True)
    steps = models.JSONField(default=list, blank=True)
    error = models.TextField(_("error"), blank=True)
    result = models.JSONField(default=dict, blank=True)
    result_file = models.FileField(upload_to="jobs/%Y/%m/", max_length=300, blank=True)
    # The uploaded file a background import reads; deleted when the job ends.
    input_file = models.FileField(upload_to="jobs/input/", max_length=300, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("background job")
        verbose_name_plural = _("background jobs")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("notifications:job", args=[self.pk])

    @property
    def finished(self) -> bool:
        return self.status in (JobStatus.DONE, JobStatus.FAILED)
