from django.db import models
from django.utils.translation import gettext_lazy as _

from tuyengiao.core import text


class Rounding(models.TextChoices):
    TRUNCATE = text.TRUNCATE, _("Truncate")
    HALF_UP = text.HALF_UP, _("Round half up")
