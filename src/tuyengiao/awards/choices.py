from django.db import models
from django.utils.translation import gettext_lazy as _


class RecipientKind(models.TextChoices):
    COLLECTIVE = "collective", _("Collective")  # tập thể: a unit
    INDIVIDUAL = "individual", _("Individual")  # cá nhân: a named person
