from django.db import models
from django.utils.translation import gettext_lazy as _


class NotificationKind(models.TextChoices):
    REMINDER = "reminder", _("Reporting reminder")
    RETURNED = "returned", _("Your report was returned")
    APPROVED = "approved", _("Your report was approved")
    ASSIGNED = "assigned", _("New report form")
    WAITING = "waiting", _("Report waiting for approval")
    TASK_DUE = "task_due", _("Task due soon")
    TASK_OVERDUE = "task_overdue", _("Task overdue")
    JOB = "job", _("Background work")


class ReminderKind(models.TextChoices):
    BEFORE = "before", _("Before the deadline")
    ON_DAY = "on_day", _("On the deadline")
    OVERDUE = "overdue", _("Overdue")
    MANUAL = "manual", _("Sent from the status board")


class JobStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting")
    RUNNING = "running", _("Running")
    DONE = "done", _("Finished")
    FAILED = "failed", _("Failed to finish")
