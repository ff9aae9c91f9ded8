from django.db import models
from django.utils.translation import gettext_lazy as _

from tuyengiao.core import text


class PeriodType(models.TextChoices):
    YEAR = "year", _("Year")
    HALF = "half", _("Half-year")
    QUARTER = "quarter", _("Quarter")
    MONTH = "month", _("Month")
    CAMPAIGN = "campaign", _("Campaign")


class FieldType(models.TextChoices):
    INTEGER = "integer", _("Integer")
    DECIMAL = "decimal", _("Decimal")
    TEXT = "text", _("Text")
    DATE = "date", _("Date")
    CHOICE = "choice", _("Choice")


NUMERIC_TYPES = {FieldType.INTEGER, FieldType.DECIMAL}


class Aggregation(models.TextChoices):
    SUM = "sum", _("Sum")
    AVERAGE = "average", _("Average")
    MAX = "max", _("Maximum")
    NONE = "none", _("None")


class Operator(models.TextChoices):
    LT = "<", "<"
    LE = "<=", "≤"
    EQ = "=", "="
    GE = ">=", "≥"
    GT = ">", ">"
    NE = "!=", "≠"


class Severity(models.TextChoices):
    ERROR = "error", _("Error")
    WARNING = "warning", _("Warning")


class Rounding(models.TextChoices):
    HALF_UP = text.HALF_UP, _("Half up")
    TRUNCATE = text.TRUNCATE, _("Truncate")


class SubmissionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    RETURNED = "returned", _("Returned")
    APPROVED = "approved", _("Approved")


class ValuePath(models.TextChoices):
    """Which way a figure came in."""

    WEB = "web", _("Web form")
    EXCEL = "excel", _("Excel import")
    API = "api", _("API")
    SYSTEM = "system", _("System")


class ChangeContext(models.TextChoices):
    """What the report was when its figure changed: open, returned, or reopened."""

    NONE = "", _("Being entered")
    RETURN = "return", _("Correction after a return")
    REOPEN = "reopen", _("Correction after a reopen")


# "Not started" is the absence of a submission; the status board shows it with this key.
NOT_STARTED = "not_started"
# Statuses that count as "reported" for completeness.
REPORTED = (SubmissionStatus.SUBMITTED, SubmissionStatus.APPROVED)
