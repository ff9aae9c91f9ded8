from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tuyengiao.core.models import TimeStamped
from tuyengiao.core.text import fold, sort_key
from tuyengiao.orgs import access, catalogues

from .choices import Rounding


class TrainingKind(TimeStamped):
    """An editable list; each kind carries the rounding of its attendance rate, like an
    indicator of the reporting engine (the seed truncates 99,645% to 99,64%)."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("kind name"), max_length=200)
    decimals = models.PositiveSmallIntegerField(
        _("decimals of the rate"), default=2, validators=[MaxValueValidator(6)]
    )
    rounding = models.CharField(
        _("rounding of the rate"),
        max_length=16,
        choices=Rounding.choices,
        default=Rounding.TRUNCATE,
    )
    # Shared by every unit, owned by the one that defined it (orgs/catalogues.py).
    owner = catalogues.owner_field()
    sort_name = models.CharField(max_length=600, editable=False, default="", db_index=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["sort_name"]
        verbose_name = _("training kind")
        verbose_name_plural = _("training kinds")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.sort_name = sort_key(self.name)
        super().save(*args, **kwargs)


class TrainingClassQuerySet(access.ScopedQuerySet):
    unit_lookup = "unit"

    def in_year(self, year: int):
        # A class belongs to the year it starts in.
        return self.filter(start_date__year=year)


class TrainingClass(TimeStamped):
    """One class (lớp bồi dưỡng): aggregate learner counts only, never a list of learners."""

    kind = models.ForeignKey(
        TrainingKind,
        on_delete=models.PROTECT,
        related_name="classes",
        verbose_name=_("class kind"),
    )
    name = models.CharField(_("class name"), max_length=300)
    unit = models.ForeignKey(
        "orgs.OrgUnit",
        on_delete=models.PROTECT,
        related_name="training_classes",
        verbose_name=_("organising unit"),
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    place = models.CharField(_("place"), max_length=300, blank=True)
    target_group = models.CharField(_("target group"), max_length=300, blank=True)
    planned = models.PositiveIntegerField(_("planned learners"), default=0)
    attended = models.PositiveIntegerField(_("attended learners"), default=0)
    completed = models.PositiveIntegerField(_("completed learners"), default=0)
    excellent = models.PositiveIntegerField(_("excellent"), default=0)
    good = models.PositiveIntegerField(_("good"), default=0)
    passed = models.PositiveIntegerField(_("passed"), default=0)
    failed = models.PositiveIntegerField(_("failed"), default=0)
    illustrative = models.BooleanField(
        _("illustrative"),
        default=False,
        help_text=_("Demo data invented to fill what the source does not say."),
    )
    search_text = models.CharField(max_length=1200, editable=False, default="")

    objects = TrainingClassQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-start_date", "name", "pk"]
        verbose_name = _("training class")
        verbose_name_plural = _("training classes")
        indexes = [models.Index(fields=["start_date", "kind"])]
        # The service checks these with Vietnamese messages; the database keeps them true.
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")), name="training_dates_ordered"
            ),
            models.CheckConstraint(
                condition=Q(attended__lte=F("planned")), name="training_attended_le_planned"
            ),
            models.CheckConstraint(
                condition=Q(completed__lte=F("attended")), name="training_completed_le_attended"
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("training:detail", args=[self.pk])

    def save(self, *args, **kwargs):
        self.search_text = fold(
            f"{self.name} {self.kind.name} {self.place} {self.target_group} "
            f"{self.unit.code} {self.unit.name}"
        )
        super().save(*args, **kwargs)

    @property
    def year(self) -> int:
        return self.start_date.year

    @property
    def results_total(self) -> int:
        return self.excellent + self.good + self.passed + self.failed
