"""Conferences (hội nghị), what was said there, and the tasks their conclusions set."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tuyengiao.core.models import TimeStamped
from tuyengiao.core.text import fold
from tuyengiao.orgs import access

from .choices import ConferenceKind, TaskStatus


class Conference(TimeStamped):
    kind = models.CharField(_("kind"), max_length=16, choices=ConferenceKind.choices)
    title = models.CharField(_("name of the conference"), max_length=500)
    date = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=300, blank=True)
    unit = models.ForeignKey(
        "orgs.OrgUnit",
        on_delete=models.PROTECT,
        related_name="conferences",
        verbose_name=_("host unit"),
    )
    illustrative = models.BooleanField(_("illustrative"), default=False)
    search_text = models.CharField(max_length=1200, editable=False, default="")

    objects = access.scoped_queryset("unit").as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("conference")
        verbose_name_plural = _("conferences")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.search_text = fold(f"{self.title} {self.place}")[:1200]
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("meetings:detail", args=[self.pk])


class Delegate(models.Model):
    """A named participant, as the news report lists them: name, title, unit (free text)."""

    conference = models.ForeignKey(
        Conference, on_delete=models.CASCADE, related_name="delegates", verbose_name=_("conference")
    )
    name = models.CharField(_("full name"), max_length=200)
    title = models.CharField(_("position"), max_length=500, blank=True)
    unit_name = models.CharField(_("unit"), max_length=300, blank=True)
    order = models.PositiveIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["conference", "order", "id"]
        verbose_name = _("delegate")
        verbose_name_plural = _("delegates")

    def __str__(self):
        return self.name


class Presentation(models.Model):
    """A tham luận: a unit's written contribution presented at the conference."""

    conference = models.ForeignKey(
        Conference,
        on_delete=models.CASCADE,
        related_name="presentations",
        verbose_name=_("conference"),
    )
    unit = models.ForeignKey(
        "orgs.OrgUnit",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("presenting unit"),
    )
    title = models.CharField(_("topic"), max_length=500)
    order = models.PositiveIntegerField(_("order"), default=0)
    illustrative = models.BooleanField(_("illustrative"), default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["conference", "order", "id"]
        verbose_name = _("presentation")
        verbose_name_plural = _("presentations")

    def __str__(self):
        return self.title


class Conclusion(models.Model):
    conference = models.ForeignKey(
        Conference,
        on_delete=models.CASCADE,
        related_name="conclusions",
        verbose_name=_("conference"),
    )
    text = models.TextField(_("conclusion text"))
    order = models.PositiveIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["conference", "order", "id"]
        verbose_name = _("conclusion")
        verbose_name_plural = _("conclusions")

    def __str__(self):
        return self.text[:120]


def overdue_q(today: dt.date | None = None) -> Q:
    """The one rule of "overdue" (in SQL, on tasks): the task is not done and its due date
    has passed (`today`: the server's local date by default). `Task.is_overdue` says the
    same of one task in Python."""
    return ~Q(status=TaskStatus.DONE) & Q(due_date__lt=today or timezone.localdate())


class TaskQuerySet(access.ScopedQuerySet):
    def visible_to(self, user, action: str = access.VIEW):
        # The assignee unit sees its task; the host unit follows what it assigned.
        return self.filter(
            access.unit_q(user, action, "unit")
            | access.unit_q(user, action, "conclusion__conference__unit")
        )

    def overdue(self, today: dt.date | None = None):
        return self.filter(overdue_q(today))

    def open(self):
        return self.exclude(status=TaskStatus.DONE)


class Task(TimeStamped):
    conclusion = models.ForeignKey(
        Conclusion, on_delete=models.PROTECT, related_name="tasks", verbose_name=_("conclusion")
    )
    unit = models.ForeignKey(
        "orgs.OrgUnit",
        on_delete=models.PROTECT,
        related_name="tasks",
        verbose_name=_("assignee unit"),
    )
    title = models.CharField(_("task description"), max_length=500)
    due_date = models.DateField(_("due date"))
    status = models.CharField(
        _("status"), max_length=16, choices=TaskStatus.choices, default=TaskStatus.NOT_STARTED
    )
    done_on = models.DateField(_("done on"), null=True, blank=True)
    illustrative = models.BooleanField(_("illustrative"), default=False)
    search_text = models.CharField(max_length=1200, editable=False, default="")

    objects = TaskQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["due_date", "id"]
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        indexes = [models.Index(fields=["status", "due_date"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(status=TaskStatus.DONE) | Q(done_on__isnull=True),
                name="task_done_on_only_when_done",
            )
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.search_text = fold(f"{self.title} {self.unit.name}")[:1200]
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("meetings:task", args=[self.pk])

    def is_overdue(self, today: dt.date | None = None) -> bool:
        """`overdue_q` for this one task."""
        today = today or timezone.localdate()
        return self.status != TaskStatus.DONE and self.due_date < today

    @property
    def overdue(self) -> bool:
        return self.is_overdue()

    @property
    def conference(self) -> Conference:
        return self.conclusion.conference


class ProgressNote(models.Model):
    task = models.ForeignKey(
        Task, on_delete=models.CASCADE, related_name="notes", verbose_name=_("task")
    )
    date = models.DateField(_("date"))
    text = models.TextField(_("progress"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("author"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("progress note")
        verbose_name_plural = _("progress notes")

    def __str__(self):
        return self.text[:80]
