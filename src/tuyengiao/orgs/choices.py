from django.db import models
from django.utils.translation import gettext_lazy as _


class UnitKind(models.TextChoices):
    CENTRAL = "central", _("Central")
    CITY_COMMITTEE = "city_committee", _("City/provincial Party committee")
    DISTRICT_COMMITTEE = "district_committee", _("District Party committee")
    COMMUNE_COMMITTEE = "commune_committee", _("Ward/commune Party committee")
    GRASSROOTS = "grassroots", _("Grassroots Party organisation")
    CELL = "cell", _("Party cell")
    BOARD = "board", _("Advisory board")
    MASS_ORGANISATION = "mass_organisation", _("Mass organisation")


class Role(models.TextChoices):
    ADMIN = "admin", _("Administrator")
    SPECIALIST = "specialist", _("Specialist")
    APPROVER = "approver", _("Approver")
    VIEWER = "viewer", _("Viewer")
    REPORTER = "reporter", _("Reporter")


class LineageKind(models.TextChoices):
    MERGE = "merge", _("Merge")
    SPLIT = "split", _("Split")
    RENAME = "rename", _("Rename")
