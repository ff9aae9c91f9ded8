from django.db import models
from django.utils.translation import gettext_lazy as _


class AssessmentStatus(models.TextChoices):
    IN_PROGRESS = "in_progress", _("In progress")
    EFFECTIVE = "effective", _("Effective")
    NEEDS_IMPROVEMENT = "needs_improvement", _("Needs improvement")
    STOPPED = "stopped", _("Stopped")
