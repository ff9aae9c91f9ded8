from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from tuyengiao.orgs.catalogues import OwnedCatalogueAdmin, may_change

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


class OwnedByFormInline:
    """Fields, rules and indicators are changed by whoever may change their form."""

    def _may(self, request, obj):
        return obj is None or may_change(request.user, obj.owner)

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and self._may(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._may(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._may(request, obj)


class FieldInline(OwnedByFormInline, admin.TabularInline):
    model = Field
    extra = 0
    fields = [
        "order",
        "code",
        "label",
        "type",
        "required",
        "min_value",
        "max_value",
        "aggregation",
        "choices",
        "help",
    ]


class RuleInline(OwnedByFormInline, admin.TabularInline):
    model = ValidationRule
    extra = 0
    fields = ["order", "left", "operator", "right", "severity", "message"]


class IndicatorInline(OwnedByFormInline, admin.TabularInline):
    model = Indicator
    extra = 0
    fields = ["order", "code", "name", "numerator", "denominator", "factor", "decimals", "rounding"]


@admin.register(Form)
class FormAdmin(OwnedCatalogueAdmin, SimpleHistoryAdmin):
    list_display = ["code", "name", "owner", "period_type", "deadline_days", "approval_required"]
    list_filter = ["period_type"]
    search_fields = ["code", "name"]
    inlines = [FieldInline, RuleInline, IndicatorInline]


@admin.register(Period)
class PeriodAdmin(SimpleHistoryAdmin):
    list_display = ["code", "name", "type", "start", "end"]
    list_filter = ["type"]
    search_fields = ["code", "name"]


@admin.register(Assignment)
class AssignmentAdmin(SimpleHistoryAdmin):
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
    readonly_fields = [
        "form",
        "period",
        "unit",
        "status",
        "submitted_by",
        "submitted_at",
        "approved_by",
        "approved_at",
        "returned_reason",
    ]
    inlines = [ValueInline]

    def has_add_permission(self, request):
        return False
