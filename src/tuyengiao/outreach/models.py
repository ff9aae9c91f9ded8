from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tuyengiao.core.models import TimeStamped
from tuyengiao.core.text import fold, sort_key
from tuyengiao.orgs import access

from .choices import Platform


class ChannelQuerySet(access.ScopedQuerySet):
    unit_lookup = "unit"


class Channel(TimeStamped):
    """An official channel of the committee itself. Never someone else's account: the
    system records the committee's own publishing figures, it does not watch anybody."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("channel name"), max_length=200)
    platform = models.CharField(_("platform"), max_length=16, choices=Platform.choices)
    unit = models.ForeignKey(
        "orgs.OrgUnit",
        on_delete=models.PROTECT,
        related_name="channels",
        verbose_name=_("owner unit"),
    )
    url = models.URLField(_("address"), blank=True)
    note = models.TextField(_("note"), blank=True)
    search_text = models.CharField(max_length=800, editable=False, default="")
    sort_name = models.CharField(max_length=600, editable=False, default="", db_index=True)

    objects = ChannelQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["sort_name", "code"]
        verbose_name = _("channel")
        verbose_name_plural = _("channels")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("outreach:detail", args=[self.pk])

    def save(self, *args, **kwargs):
        self.search_text = fold(f"{self.code} {self.name} {self.unit.code} {self.unit.name}")
        self.sort_name = sort_key(self.name)
        super().save(*args, **kwargs)


class ChannelStat(TimeStamped):
    """One month of a channel: posts published and interactions received (aggregates)."""

    channel = models.ForeignKey(
        Channel, on_delete=models.CASCADE, related_name="stats", verbose_name=_("channel")
    )
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(1990), MaxValueValidator(2200)]
    )
    month = models.PositiveSmallIntegerField(
        _("month"), validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    posts = models.PositiveIntegerField(_("posts"), default=0)
    interactions = models.PositiveBigIntegerField(_("interactions"), default=0)

    objects = access.scoped_queryset("channel__unit").as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["channel", "year", "month"]
        verbose_name = _("channel monthly figures")
        verbose_name_plural = _("channel monthly figures")
        constraints = [
            models.UniqueConstraint(fields=["channel", "year", "month"], name="channelstat_month"),
            models.CheckConstraint(
                condition=Q(month__gte=1) & Q(month__lte=12), name="channelstat_month_range"
            ),
        ]

    def __str__(self):
        return f"{self.channel} {self.month:02d}/{self.year}"
