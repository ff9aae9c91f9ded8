from django.db import models
from django.utils.translation import gettext_lazy as _


class ConferenceKind(models.TextChoices):
    YEAR_END = "year_end", _("Year-end review")  # tổng kết
    INTERIM = "interim", _("Interim review")  # sơ kết
    THEMATIC = "thematic", _("Thematic conference")  # chuyên đề
    BRIEFING = "briefing", _("Briefing")  # giao ban
    OTHER = "other", _("Other")


class TaskStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")


# Allowed moves; anything else is refused by services.change_task_status.
# A finished task may be reopened (a review finds it incomplete), never silently reset.
TASK_TRANSITIONS = {
    TaskStatus.NOT_STARTED: {TaskStatus.IN_PROGRESS, TaskStatus.DONE},
    TaskStatus.IN_PROGRESS: {TaskStatus.NOT_STARTED, TaskStatus.DONE},
    TaskStatus.DONE: {TaskStatus.IN_PROGRESS},
}

# Not stored: a task is overdue when it is not done and its due date has passed.
OVERDUE = "overdue"
