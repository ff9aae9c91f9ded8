import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords
from treebeard.mp_tree import MP_Node, MP_NodeManager, MP_NodeQuerySet

from tuyengiao.core.models import TimeStamped
from tuyengiao.core.text import fold, sort_key

from . import access
from .choices import LineageKind, Role, UnitKind

STEPLEN = 5  # 99.999 children per node: enough for 52.105 grassroots under one parent


def ancestor_paths(path: str, *, include_self: bool = True) -> list[str]:
    """The tree paths above `path`, from the root down (and `path` itself, by default)."""
    end = len(path) + 1 if include_self else len(path)
    return [path[:i] for i in range(STEPLEN, end, STEPLEN)]


def parent_path(path: str) -> str:
    return path[:-STEPLEN]


def valid_on_q(date: dt.date, unit_lookup: str = "") -> Q:
    """Units in force on `date` (open ends count as always), over `unit_lookup`."""
    prefix = f"{unit_lookup}__" if unit_lookup else ""
    return (
        Q(**{f"{prefix}valid_from__lte": date}) | Q(**{f"{prefix}valid_from__isnull": True})
    ) & (Q(**{f"{prefix}valid_to__gte": date}) | Q(**{f"{prefix}valid_to__isnull": True}))


class OrgUnitQuerySet(MP_NodeQuerySet, access.ScopedQuerySet):
    unit_lookup = ""

    def valid_on(self, date: dt.date):
        return self.filter(valid_on_q(date))

    def subtree_of(self, unit):
        return self.in_subtree(unit)

    def children_of(self, unit):
        # Not unit.get_children(): that trusts the in-memory numchild, stale after add_child.
        return self.in_subtree(unit).filter(depth=unit.depth + 1)

    def vi_ordered(self):
        return self.order_by("sort_name", "code")


class OrgUnitManager(MP_NodeManager.from_queryset(OrgUnitQuerySet)):
    def get_queryset(self):
        return OrgUnitQuerySet(self.model).order_by("path")


class OrgUnit(MP_Node, TimeStamped):
    """A Party organisation. Never moved once it has data: reorganisations close units and
    open successors (see services.merge_units / split_units)."""

    code = models.CharField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=255)
    short_name = models.CharField(_("short name"), max_length=120, blank=True)
    kind = models.CharField(_("kind"), max_length=32, choices=UnitKind.choices)
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    illustrative = models.BooleanField(
        _("illustrative"),
        default=False,
        help_text=_("Demo data invented to fill what the source does not say."),
    )
    # Derived columns kept by save(): accent-free text for search, and a key whose
    # plain string order is Vietnamese alphabetical order on any database.
    search_text = models.CharField(max_length=600, editable=False, default="")
    sort_name = models.CharField(max_length=800, editable=False, default="", db_index=True)

    # No node_order_by: sorted insertion would rewrite the paths of existing siblings
    # (and their whole subtrees); children are appended and sorted by sort_name on display.
    steplen = STEPLEN
    objects = OrgUnitManager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("organisation unit")
        verbose_name_plural = _("organisation units")
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_to__gte=models.F("valid_from")),
                name="orgunit_valid_range",
            )
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.search_text = fold(f"{self.code} {self.name} {self.short_name}")
        self.sort_name = sort_key(self.name)
        super().save(*args, **kwargs)

    def is_valid_on(self, date: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= date) and (
            self.valid_to is None or date <= self.valid_to
        )

    def ancestor_paths(self, *, include_self: bool = True) -> list[str]:
        """Paths of the units above this one, root first (and its own, by default)."""
        return ancestor_paths(self.path, include_self=include_self)

    def contains(self, other) -> bool:
        """Is `other` this unit or below it? The access rule's path range (ADR 0001)."""
        return access.in_subtree_path(other.path, self.path)

    @property
    def display_name(self):
        return self.short_name or self.name


class Lineage(models.Model):
    """predecessor → successor at `date`: how history rolls up after a reorganisation."""

    predecessor = models.ForeignKey(
        OrgUnit,
        on_delete=models.PROTECT,
        related_name="successor_links",
        verbose_name=_("predecessor"),
    )
    successor = models.ForeignKey(
        OrgUnit,
        on_delete=models.PROTECT,
        related_name="predecessor_links",
        verbose_name=_("successor"),
    )
    kind = models.CharField(_("kind"), max_length=16, choices=LineageKind.choices)
    date = models.DateField(_("effective date"))
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("lineage")
        verbose_name_plural = _("lineages")
        constraints = [
            models.UniqueConstraint(fields=["predecessor", "successor"], name="lineage_unique")
        ]

    def __str__(self):
        return f"{self.predecessor} → {self.successor} ({self.date:%d/%m/%Y})"


class Membership(TimeStamped):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("user"),
    )
    unit = models.ForeignKey(
        OrgUnit, on_delete=models.PROTECT, related_name="memberships", verbose_name=_("unit")
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices)
    title = models.CharField(_("title"), max_length=200, blank=True)

    objects = access.scoped_queryset("unit").as_manager()
    history = HistoricalRecords()  # who held which role where, and since when

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "unit", "role"], name="membership_unique")
        ]

    def __str__(self):
        return f"{self.user} — {self.get_role_display()} — {self.unit}"
