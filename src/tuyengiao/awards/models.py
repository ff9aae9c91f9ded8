"""Commendations (khen thưởng): a programme conferred by a unit, and its recipients."""

from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tuyengiao.core.models import TimeStamped
from tuyengiao.core.text import fold
from tuyengiao.orgs import access

from .choices import RecipientKind

COLLECTIVE = Q(recipients__unit__isnull=False)
INDIVIDUAL = Q(recipients__unit__isnull=True, recipients__isnull=False)


class CommendationQuerySet(access.ScopedQuerySet):
    def with_counts(self):
        return self.annotate(
            n_collectives=Count("recipients", filter=COLLECTIVE),
            n_individuals=Count("recipients", filter=INDIVIDUAL),
        )


class Commendation(TimeStamped):
    """A commendation programme, e.g. «Công tác Tuyên giáo năm 2022», under one decision."""

    name = models.CharField(_("programme"), max_length=300)
    year = models.PositiveSmallIntegerField(_("year of the work commended"))
    unit = models.ForeignKey(
        "orgs.OrgUnit",
        on_delete=models.PROTECT,
        related_name="commendations",
        verbose_name=_("conferring unit"),
    )
    decision = models.ForeignKey(
        "documents.Document",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="commendations",
        verbose_name=_("decision"),
    )
    conferred_on = models.DateField(_("conferred on"), null=True, blank=True)
    illustrative = models.BooleanField(_("illustrative"), default=False)
    search_text = models.CharField(max_length=600, editable=False, default="")

    objects = CommendationQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year", "name", "id"]
        verbose_name = _("commendation")
        verbose_name_plural = _("commendations")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.search_text = fold(f"{self.name} {self.year}")[:600]
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("awards:detail", args=[self.pk])


class Recipient(models.Model):
    """A collective (a unit of the tree) or an individual (name, position, unit as text)."""

    commendation = models.ForeignKey(
        Commendation,
        on_delete=models.CASCADE,
        related_name="recipients",
        verbose_name=_("commendation"),
    )
    unit = models.ForeignKey(
        "orgs.OrgUnit",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="commendations_received",
        verbose_name=_("collective (unit)"),
    )
    name = models.CharField(_("full name"), max_length=200, blank=True)
    title = models.CharField(_("position"), max_length=300, blank=True)
    unit_name = models.CharField(_("work unit"), max_length=300, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    order = models.PositiveIntegerField(_("order"), default=0)
    illustrative = models.BooleanField(_("illustrative"), default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["commendation", "order", "id"]
        verbose_name = _("recipient")
        verbose_name_plural = _("recipients")
        constraints = [
            # Exactly one of the two: a unit (collective) or a person's name (individual).
            models.CheckConstraint(
                condition=(Q(unit__isnull=False) & Q(name=""))
                | (Q(unit__isnull=True) & ~Q(name="")),
                name="recipient_collective_xor_individual",
            )
        ]

    def __str__(self):
        return self.unit.name if self.unit_id else self.name

    @property
    def kind(self) -> str:
        return RecipientKind.COLLECTIVE if self.unit_id else RecipientKind.INDIVIDUAL
