"""Study campaigns (đợt học tập, quán triệt): documents studied, target units, and the
reporting form and period that collect participation. Figures come from the reporting
engine; the campaign only says which form, period and subtree to read."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tuyengiao.core.models import TimeStamped
from tuyengiao.core.text import fold, sort_key
from tuyengiao.orgs import access
from tuyengiao.orgs.choices import UnitKind


class StudyCampaignQuerySet(access.ScopedQuerySet):
    unit_lookup = "organising_unit"

    def visible_to(self, user, action: str = access.VIEW):
        """The organiser's scope; for viewing also the target units (each sees its own
        figures only: the page narrows to the units the user may see)."""
        condition = access.unit_q(user, action, "organising_unit")
        if action == access.VIEW and condition != Q():
            condition |= access.unit_q(user, action, "target_unit")
            paths = set()
            for membership in access.memberships(user):
                paths.update(membership.unit.ancestor_paths())
            if paths:
                condition |= Q(target_unit__path__in=paths)
        return self.filter(condition)


class StudyCampaign(TimeStamped):
    code = models.CharField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=400)
    documents = models.ManyToManyField(
        "documents.Document",
        related_name="campaigns",
        blank=True,
        verbose_name=_("documents studied"),
    )
    organising_unit = models.ForeignKey(
        "orgs.OrgUnit",
        on_delete=models.PROTECT,
        related_name="organised_campaigns",
        verbose_name=_("organising unit"),
    )
    target_unit = models.ForeignKey(
        "orgs.OrgUnit",
        on_delete=models.PROTECT,
        related_name="targeted_campaigns",
        verbose_name=_("target units (subtree of)"),
    )
    target_kind = models.CharField(
        _("kind of target units"),
        max_length=32,
        choices=UnitKind.choices,
        default=UnitKind.GRASSROOTS,
    )
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    form = models.ForeignKey(
        "reporting.Form", on_delete=models.PROTECT, related_name="+", verbose_name=_("form")
    )
    period = models.ForeignKey(
        "reporting.Period",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("period"),
    )
    illustrative = models.BooleanField(
        _("illustrative"),
        default=False,
        help_text=_("Demo data invented to fill what the source does not say."),
    )
    search_text = models.CharField(max_length=600, editable=False, default="")
    sort_name = models.TextField(editable=False, default="")  # ~3 characters per letter

    objects = StudyCampaignQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["search_text", "sort_name"])

    class Meta:
        ordering = ["-starts_on", "code"]
        verbose_name = _("study campaign")
        verbose_name_plural = _("study campaigns")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="campaign_date_range"
            )
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.search_text = fold(f"{self.code} {self.name}")
        self.sort_name = sort_key(self.name)
        super().save(*args, **kwargs)
