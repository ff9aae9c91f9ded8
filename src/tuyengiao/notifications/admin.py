from django.contrib import admin

from .models import Job, ReminderPolicy, SentReminder


@admin.register(ReminderPolicy)
class ReminderPolicyAdmin(admin.ModelAdmin):
    list_display = ["form", "enabled", "days_before", "on_the_day", "overdue_every"]
    autocomplete_fields = ["form"]


@admin.register(SentReminder)
class SentReminderAdmin(admin.ModelAdmin):
    """The record of reminders: read only, written by the reminder runs."""

    list_display = ["day", "unit", "form", "period", "kind", "days_late", "sent_by"]
    list_filter = ["kind", "form", "period"]
    date_hierarchy = "day"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    list_display = ["title", "status", "progress", "user", "created_at", "finished_at"]
    list_filter = ["status", "kind"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
