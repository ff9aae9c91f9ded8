"""Term targets (chỉ tiêu nhiệm kỳ), measured by a reporting indicator or entered by hand."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tuyengiao.core.models import TimeStamped
from tuyengiao.core.text import fold, format_number
from tuyengiao.orgs import access

from .choices import Comparison

YEAR = [MinValueValidator(1930), MaxValueValidator(2200)]


class Term(TimeStamped):
    """A Party committee's term, e.g. Quận ủy Quận 1, 2020–2025."""

    unit = models.ForeignKey(
        "orgs.OrgUnit", on_delete=models.PROTECT, related_name="terms", verbose_name=_("unit")
    )
    name = models.CharField(_("name"), max_length=200)
    start_year = models.PositiveSmallIntegerField(_("first year"), validators=YEAR)
    end_year = models.PositiveSmallIntegerField(_("last year"), validators=YEAR)
    search_text = models.CharField(max_length=400, editable=False, default="")

    objects = access.scoped_queryset("unit").as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-start_year", "id"]
        verbose_name = _("term")
        verbose_name_plural = _("terms")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_year__gt=F("start_year")),
                name="term_years_in_order",
                violation_error_message=_("The last year must be after the first year."),
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.unit.display_name})"

    def save(self, *args, **kwargs):
        self.search_text = fold(f"{self.name} {self.start_year} {self.end_year}")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("targets:term", args=[self.pk])

    @property
    def years(self) -> list[int]:
        return list(range(self.start_year, self.end_year + 1))

    @property
    def midterm_year(self) -> int:
        """The last full year before the mid-term review: 2022 for 2020–2025."""
        return self.start_year + (self.end_year - self.start_year) // 2


class Target(TimeStamped):
    term = models.ForeignKey(
        Term, on_delete=models.CASCADE, related_name="targets", verbose_name=_("term")
    )
    order = models.PositiveIntegerField(_("order"), default=0)
    text = models.TextField(_("target"))
    indicator = models.ForeignKey(
        "reporting.Indicator",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="targets",
        verbose_name=_("measured by indicator"),
        help_text=_("Empty: the value is entered by hand each year."),
    )
    comparison = models.CharField(
        _("comparison"), max_length=3, choices=Comparison.choices, default=Comparison.GTE
    )
    target_value = models.DecimalField(_("target value"), max_digits=16, decimal_places=4)
    unit_label = models.CharField(_("unit of measure"), max_length=30, blank=True)
    illustrative = models.BooleanField(_("illustrative"), default=False)
    search_text = models.TextField(editable=False, default="")

    objects = access.scoped_queryset("term__unit").as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["term", "order", "id"]
        verbose_name = _("target")
        verbose_name_plural = _("targets")

    def __str__(self):
        return self.text[:100]

    def save(self, *args, **kwargs):
        self.search_text = fold(self.text)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("targets:detail", args=[self.pk])

    @property
    def is_manual(self) -> bool:
        return self.indicator_id is None

    @property
    def comparison_display(self) -> str:
        """«≥ 90%», «≥ 8 lớp»: the goal as written, without the indicator's decimals."""
        value = format_number(self.target_value.normalize())
        percent = self.unit_label == "%" or (self.indicator and self.indicator.is_percent)
        label = "%" if percent else (f" {self.unit_label}" if self.unit_label else "")
        return f"{self.get_comparison_display()} {value}{label}"


class ManualValue(TimeStamped):
    """A yearly value entered by hand for a target no indicator measures."""

    target = models.ForeignKey(
        Target, on_delete=models.CASCADE, related_name="manual_values", verbose_name=_("target")
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR)
    value = models.DecimalField(_("value"), max_digits=16, decimal_places=4)
    note = models.CharField(_("source / note"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["target", "year"]
        verbose_name = _("manual value")
        verbose_name_plural = _("manual values")
        constraints = [
            models.UniqueConstraint(fields=["target", "year"], name="manual_value_once_a_year")
        ]

    def __str__(self):
        return f"{self.target} — {self.year}: {self.value}"
