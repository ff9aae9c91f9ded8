"""Reporting core: forms (data sets) with fields, rules and indicators; periods; who must
report what (assignments); what they reported (submissions and values)."""

from __future__ import annotations

import datetime as dt
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tuyengiao.core.errors import DomainError
from tuyengiao.core.models import TimeStamped
from tuyengiao.orgs import access, catalogues

from . import expressions
from .choices import (
    Aggregation,
    ChangeContext,
    FieldType,
    Operator,
    PeriodType,
    Rounding,
    Severity,
    SubmissionStatus,
    ValuePath,
)


class Form(TimeStamped):
    code = models.CharField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=255)
    period_type = models.CharField(_("period type"), max_length=16, choices=PeriodType.choices)
    deadline_days = models.PositiveIntegerField(_("deadline (days after period end)"), default=15)
    approval_required = models.BooleanField(_("approval required"), default=True)
    approver_must_differ = models.BooleanField(
        _("the approver must not be the person who submitted"), default=True
    )
    approval_levels = models.PositiveSmallIntegerField(
        _("approval levels"),
        choices=[(1, _("One level")), (2, _("Two levels: the unit's leader, then above"))],
        default=1,
    )
    description = models.TextField(_("description"), blank=True)
    # Shared by every unit assigned it, owned by the one that defined it (orgs/catalogues.py).
    owner = catalogues.owner_field()
    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]
        verbose_name = _("form")
        verbose_name_plural = _("forms")

    def __str__(self):
        return f"{self.code} — {self.name}"


class Field(models.Model):
    form = models.ForeignKey(
        Form, on_delete=models.CASCADE, related_name="fields", verbose_name=_("form")
    )
    code = models.CharField(_("code"), max_length=63)
    label = models.CharField(_("label"), max_length=255)
    help = models.CharField(_("help"), max_length=500, blank=True)
    type = models.CharField(
        _("type"), max_length=16, choices=FieldType.choices, default=FieldType.INTEGER
    )
    choices = models.TextField(_("choices"), blank=True, help_text=_("One choice per line."))
    required = models.BooleanField(_("required"), default=True)
    min_value = models.DecimalField(
        _("minimum"), max_digits=20, decimal_places=4, null=True, blank=True
    )
    max_value = models.DecimalField(
        _("maximum"), max_digits=20, decimal_places=4, null=True, blank=True
    )
    aggregation = models.CharField(
        _("aggregation"), max_length=16, choices=Aggregation.choices, default=Aggregation.SUM
    )
    # Checks that warn, never block: a value outside these, or moving more than the
    # percentage from the same unit's previous period, is shown to reporter and approver.
    warn_min = models.DecimalField(
        _("usual minimum (warning)"), max_digits=20, decimal_places=4, null=True, blank=True
    )
    warn_max = models.DecimalField(
        _("usual maximum (warning)"), max_digits=20, decimal_places=4, null=True, blank=True
    )
    change_warning_pct = models.PositiveSmallIntegerField(
        _("warn when it changes by more than (%) since the previous period"),
        null=True,
        blank=True,
        default=30,
    )
    order = models.PositiveIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["form", "order", "id"]
        verbose_name = _("field")
        verbose_name_plural = _("fields")
        constraints = [
            models.UniqueConstraint(fields=["form", "code"], name="reporting_field_code_unique")
        ]

    def __str__(self):
        return self.label

    def clean(self):
        if not expressions.is_valid_code(self.code):
            raise ValidationError(
                {"code": f"Mã «{self.code}» chỉ gồm chữ thường không dấu, số và dấu _."}
            )

    @property
    def is_numeric(self) -> bool:
        return self.type in (FieldType.INTEGER, FieldType.DECIMAL)

    @property
    def choice_list(self) -> list[str]:
        return [line.strip() for line in self.choices.splitlines() if line.strip()]


class ValidationRule(models.Model):
    form = models.ForeignKey(
        Form, on_delete=models.CASCADE, related_name="rules", verbose_name=_("form")
    )
    left = models.CharField(_("left expression"), max_length=500)
    operator = models.CharField(_("operator"), max_length=2, choices=Operator.choices)
    right = models.CharField(_("right expression"), max_length=500)
    severity = models.CharField(
        _("severity"), max_length=16, choices=Severity.choices, default=Severity.ERROR
    )
    message = models.CharField(
        _("message"),
        max_length=500,
        blank=True,
        help_text=_(
            "Placeholders: {left_label} {left} {right_label} {right}. "
            "Empty: a standard Vietnamese message."
        ),
    )
    order = models.PositiveIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["form", "order", "id"]
        verbose_name = _("validation rule")
        verbose_name_plural = _("validation rules")

    def __str__(self):
        return f"{self.left} {self.operator} {self.right}"

    def clean(self):
        _clean_expressions(self, {"left": self.left, "right": self.right})


class Indicator(models.Model):
    form = models.ForeignKey(
        Form, on_delete=models.CASCADE, related_name="indicators", verbose_name=_("form")
    )
    code = models.CharField(_("code"), max_length=63)
    name = models.CharField(_("name"), max_length=255)
    numerator = models.CharField(_("numerator"), max_length=500)
    denominator = models.CharField(_("denominator"), max_length=500, default="1")
    factor = models.DecimalField(_("factor"), max_digits=12, decimal_places=4, default=100)
    decimals = models.PositiveSmallIntegerField(_("decimals"), default=2)
    rounding = models.CharField(
        _("rounding"), max_length=16, choices=Rounding.choices, default=Rounding.TRUNCATE
    )
    order = models.PositiveIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["form", "order", "id"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        constraints = [
            models.UniqueConstraint(fields=["form", "code"], name="reporting_indicator_code_unique")
        ]

    def __str__(self):
        return self.name

    @property
    def is_percent(self) -> bool:
        return self.factor == 100

    def clean(self):
        if not expressions.is_valid_code(self.code):
            raise ValidationError(
                {"code": f"Mã «{self.code}» chỉ gồm chữ thường không dấu, số và dấu _."}
            )
        _clean_expressions(self, {"numerator": self.numerator, "denominator": self.denominator})


def _clean_expressions(obj, texts: dict[str, str]) -> None:
    known = set(obj.form.fields.values_list("code", flat=True)) if obj.form_id else None
    errors = {}
    for name, source in texts.items():
        try:
            parsed = expressions.parse(source)
            if known is not None:
                expressions.check_names(parsed, known, where=str(obj._meta.verbose_name))
        except DomainError as exc:
            errors[name] = exc.message
    if errors:
        raise ValidationError(errors)


def in_subtree(prefix: str, unit) -> Q:
    """The units under `unit` (itself included) as a range over the path index."""
    return access.subtree_q(unit.path, prefix.removesuffix("__"))


_PERIOD_PATTERNS = [
    (re.compile(r"^(\d{4})$"), PeriodType.YEAR),
    (re.compile(r"^(\d{4})H([12])$"), PeriodType.HALF),
    (re.compile(r"^(\d{4})Q([1-4])$"), PeriodType.QUARTER),
    (re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$"), PeriodType.MONTH),
]
_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def _month_end(year: int, month: int) -> dt.date:
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


class Period(models.Model):
    """A reporting period with a readable code: 2022, 2022H1, 2022Q3, 2022-03, or a campaign."""

    code = models.CharField(_("code"), max_length=40, unique=True)
    type = models.CharField(_("type"), max_length=16, choices=PeriodType.choices)
    start = models.DateField(_("start"))
    end = models.DateField(_("end"))
    name = models.CharField(_("name"), max_length=255)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-start", "code"]
        verbose_name = _("period")
        verbose_name_plural = _("periods")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gte=models.F("start")), name="reporting_period_range"
            )
        ]

    def __str__(self):
        return self.name

    @classmethod
    def parse_code(cls, code: str) -> Period:
        """An unsaved Period for a calendar code; DomainError for anything else."""
        code = (code or "").strip()
        for pattern, kind in _PERIOD_PATTERNS:
            match = pattern.match(code)
            if not match:
                continue
            year = int(match.group(1))
            if not 1900 <= year <= 2200:
                break
            if kind == PeriodType.YEAR:
                start, end, name = dt.date(year, 1, 1), dt.date(year, 12, 31), f"Năm {year}"
            elif kind == PeriodType.HALF:
                half = int(match.group(2))
                start = dt.date(year, 1 if half == 1 else 7, 1)
                end = dt.date(year, 6, 30) if half == 1 else dt.date(year, 12, 31)
                name = f"6 tháng {'đầu' if half == 1 else 'cuối'} năm {year}"
            elif kind == PeriodType.QUARTER:
                quarter = int(match.group(2))
                start = dt.date(year, 3 * quarter - 2, 1)
                end = _month_end(year, 3 * quarter)
                name = f"Quý {_ROMAN[quarter]}/{year}"
            else:
                month = int(match.group(2))
                start, end = dt.date(year, month, 1), _month_end(year, month)
                name = f"Tháng {month:02d}/{year}"
            return cls(code=code, type=kind, start=start, end=end, name=name)
        raise DomainError(
            f"Mã kỳ báo cáo «{code}» không đúng dạng (ví dụ 2022, 2022H1, 2022Q3, 2022-03) "
            "và không phải là một đợt đã có.",
            field="period",
        )

    @property
    def reference_date(self) -> dt.date:
        """The day whose unit tree the period reports on: its last day."""
        return self.end


class AssignmentQuerySet(access.ScopedQuerySet):
    unit_lookup = "unit"


class Assignment(TimeStamped):
    """The form is expected from the unit for the period, by the deadline."""

    form = models.ForeignKey(
        Form, on_delete=models.CASCADE, related_name="assignments", verbose_name=_("form")
    )
    unit = models.ForeignKey(
        "orgs.OrgUnit", on_delete=models.PROTECT, related_name="+", verbose_name=_("unit")
    )
    period = models.ForeignKey(
        Period, on_delete=models.PROTECT, related_name="assignments", verbose_name=_("period")
    )
    deadline = models.DateField(_("deadline"))

    objects = AssignmentQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        constraints = [
            models.UniqueConstraint(
                fields=["form", "period", "unit"], name="reporting_assignment_unique"
            )
        ]

    def __str__(self):
        return f"{self.form.code} · {self.period.code} · {self.unit.code}"


class SubmissionQuerySet(access.ScopedQuerySet):
    unit_lookup = "unit"


class Submission(TimeStamped):
    """One unit's report of one form for one period. No row means "not started"."""

    form = models.ForeignKey(
        Form, on_delete=models.PROTECT, related_name="submissions", verbose_name=_("form")
    )
    unit = models.ForeignKey(
        "orgs.OrgUnit", on_delete=models.PROTECT, related_name="+", verbose_name=_("unit")
    )
    period = models.ForeignKey(
        Period, on_delete=models.PROTECT, related_name="submissions", verbose_name=_("period")
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=SubmissionStatus.choices,
        default=SubmissionStatus.DRAFT,
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    # Timeliness counts the first sending, not a resend after a return or reopen.
    first_submitted_at = models.DateTimeField(_("first submitted at"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("approved by"),
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    # Levels approved so far: 1 after the unit's own leader, 2 (of 2) after the district.
    approved_level = models.PositiveSmallIntegerField(_("approved level"), default=0)
    first_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("approved at the first level by"),
    )
    first_approved_at = models.DateTimeField(
        _("approved at the first level at"), null=True, blank=True
    )
    returned_reason = models.TextField(_("reason for return"), blank=True)
    reopened = models.BooleanField(_("reopened after approval"), default=False)

    objects = SubmissionQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        constraints = [
            models.UniqueConstraint(
                fields=["form", "period", "unit"], name="reporting_submission_unique"
            )
        ]
        # Rollups and status boards filter one form and period by status.
        indexes = [models.Index(fields=["form", "period", "status"])]

    def __str__(self):
        return f"{self.form.code} · {self.period.code} · {self.unit}"

    @property
    def is_locked(self) -> bool:
        return self.status in (SubmissionStatus.SUBMITTED, SubmissionStatus.APPROVED)


class Value(models.Model):
    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="values", verbose_name=_("submission")
    )
    field = models.ForeignKey(
        Field, on_delete=models.PROTECT, related_name="values", verbose_name=_("field")
    )
    number = models.DecimalField(
        _("number"), max_digits=20, decimal_places=4, null=True, blank=True
    )
    text = models.TextField(_("text"), blank=True)

    objects = access.scoped_queryset("submission__unit").as_manager()

    class Meta:
        verbose_name = _("value")
        verbose_name_plural = _("values")
        constraints = [
            models.UniqueConstraint(fields=["submission", "field"], name="reporting_value_unique")
        ]
        # The rollup groups by field over the submissions of one form and period.
        indexes = [models.Index(fields=["field", "submission"])]

    def __str__(self):
        return f"{self.field.code}={self.number if self.number is not None else self.text}"


class ValueChange(models.Model):
    """One change of one reported figure: old and new, who, when, and which way it came
    (issue 9: "who changed 6.513 to 6.600"). Values are updated in place; this is their
    history."""

    submission = models.ForeignKey(
        Submission,
        on_delete=models.CASCADE,
        related_name="value_changes",
        verbose_name=_("submission"),
    )
    field = models.ForeignKey(
        Field, on_delete=models.PROTECT, related_name="+", verbose_name=_("field")
    )
    old_number = models.DecimalField(max_digits=20, decimal_places=4, null=True, blank=True)
    new_number = models.DecimalField(max_digits=20, decimal_places=4, null=True, blank=True)
    old_text = models.TextField(blank=True)
    new_text = models.TextField(blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("changed by"),
    )
    at = models.DateTimeField(_("changed at"), db_index=True)
    path = models.CharField(_("path"), max_length=16, choices=ValuePath.choices)
    context = models.CharField(
        _("context"), max_length=16, choices=ChangeContext.choices, blank=True, default=""
    )

    objects = access.scoped_queryset("submission__unit").as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("value change")
        verbose_name_plural = _("value changes")
        # A submission's page lists its own figures' history, newest first.
        indexes = [models.Index(fields=["submission", "at"])]

    def __str__(self):
        return f"{self.field_id}: {self.old_number}→{self.new_number}"


from .totals_models import Total  # noqa: E402,F401  (kept totals, issue 17)
