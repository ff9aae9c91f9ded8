from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tuyengiao.core.models import TimeStamped
from tuyengiao.core.text import fold, sort_key
from tuyengiao.orgs import access

from .choices import AssessmentStatus


class InitiativeQuerySet(access.ScopedQuerySet):
    unit_lookup = "unit"

    def active_in(self, year: int):
        return self.filter(start_year__lte=year).filter(
            Q(end_year__isnull=True) | Q(end_year__gte=year)
        )


class Initiative(TimeStamped):
    """A model of good practice (mô hình) run by a unit over some years."""

    name = models.CharField(_("initiative name"), max_length=500)
    unit = models.ForeignKey(
        "orgs.OrgUnit",
        on_delete=models.PROTECT,
        related_name="initiatives",
        verbose_name=_("owner unit"),
    )
    start_year = models.PositiveSmallIntegerField(_("start year"))
    end_year = models.PositiveSmallIntegerField(_("end year"), null=True, blank=True)
    description = models.TextField(_("description"), blank=True)
    search_text = models.CharField(max_length=1200, editable=False, default="")
    sort_name = models.CharField(max_length=1500, editable=False, default="", db_index=True)

    objects = InitiativeQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["sort_name", "pk"]
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_year__isnull=True) | Q(end_year__gte=F("start_year")),
                name="initiative_years_ordered",
            )
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("initiatives:detail", args=[self.pk])

    def save(self, *args, **kwargs):
        self.search_text = fold(f"{self.name} {self.unit.code} {self.unit.name}")
        self.sort_name = sort_key(self.name)
        super().save(*args, **kwargs)

    def is_active_in(self, year: int) -> bool:
        return self.start_year <= year and (self.end_year is None or year <= self.end_year)


class Assessment(TimeStamped):
    """The yearly assessment of an initiative: what was done, and where it stands."""

    initiative = models.ForeignKey(
        Initiative,
        on_delete=models.CASCADE,
        related_name="assessments",
        verbose_name=_("initiative"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    status = models.CharField(_("status"), max_length=24, choices=AssessmentStatus.choices)
    text = models.TextField(_("assessment"))

    objects = access.scoped_queryset("initiative__unit").as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["initiative", "-year"]
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        constraints = [
            models.UniqueConstraint(fields=["initiative", "year"], name="assessment_one_per_year")
        ]

    def __str__(self):
        return f"{self.initiative} — {self.year}"
