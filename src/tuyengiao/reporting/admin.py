from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    Assignment,
    Field,
    Form,
    Indicator,
    Period,
    Submission,
    ValidationRule,
    Value,
)


class FieldInline(admin.TabularInline):
    model = Field
    extra = 0
    fields = ["order", "code", "label", "type", "required", "min_value", "max_value",
              "aggregation", "choices", "help"]  # fmt: skip


class RuleInline(admin.TabularInline):
    model = ValidationRule
    extra = 0
    fields = ["order", "left", "operator", "right", "severity", "message"]


class IndicatorInline(admin.TabularInline):
    model = Indicator
    extra = 0
    fields = ["order", "code", "name", "numerator", "denominator", "factor", "decimals",
              "rounding"]  # fmt: skip


@admin.register(Form)
class FormAdmin(SimpleHistoryAdmin):
    list_display = ["code", "name", "period_type", "deadline_days", "approval_required"]
    list_filter = ["period_type"]
    search_fields = ["code", "name"]
    inlines = [FieldInline, RuleInline, IndicatorInline]


@admin.register(Period)
class PeriodAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "type", "start", "end"]
    list_filter = ["type"]
    search_fields = ["code", "name"]


@admin.register(Assignment)
class AssignmentAdmin(admin.ModelAdmin):
    list_display = ["form", "period", "unit", "deadline"]
    list_filter = ["form", "period"]
    search_fields = ["unit__code", "unit__name"]
    autocomplete_fields = ["unit"]
    list_select_related = ["form", "period", "unit"]


class ValueInline(admin.TabularInline):
    model = Value
    extra = 0
    fields = ["field", "number", "text"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Submission)
class SubmissionAdmin(SimpleHistoryAdmin):
    """Read-only here: transitions go through the services (and their audit trail)."""

    list_display = ["form", "period", "unit", "status", "submitted_at", "approved_at"]
    list_filter = ["form", "period", "status"]
    search_fields = ["unit__code", "unit__name"]
    list_select_related = ["form", "period", "unit"]
    readonly_fields = ["form", "period", "unit", "status", "submitted_by", "submitted_at",
                       "approved_by", "approved_at", "returned_reason"]  # fmt: skip
    inlines = [ValueInline]

    def has_add_permission(self, request):
        return False
