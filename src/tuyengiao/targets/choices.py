from django.db import models
from django.utils.translation import gettext_lazy as _


class Comparison(models.TextChoices):
    GTE = "gte", "≥"
    GT = "gt", ">"
    EQ = "eq", "="
    LTE = "lte", "≤"
    LT = "lt", "<"


class TargetStatus(models.TextChoices):
    MET = "met", _("met")  # đạt
    NOT_MET = "not_met", _("not met")  # chưa đạt
    NO_DATA = "no_data", _("no data")  # chưa có số liệu
