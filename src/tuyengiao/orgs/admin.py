from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Lineage, Membership, OrgUnit


@admin.register(OrgUnit)
class OrgUnitAdmin(SimpleHistoryAdmin):
    """Read-mostly: no add, no delete and no treebeard "move" (it rewrote 2022's totals).
    Units are opened, renamed, closed, merged and split on the unit pages (orgs.reorganise),
    which close and open units instead of moving them (ADR 0002)."""

    list_display = ["name", "code", "kind", "valid_from", "valid_to"]
    list_filter = ["kind"]
    search_fields = ["code", "name", "search_text"]
    fields = ["code", "name", "short_name", "kind", "valid_from", "valid_to", "illustrative"]
    # A name or a date edited here would rewrite the past; only the short name is free.
    readonly_fields = ["code", "name", "kind", "valid_from", "valid_to", "illustrative"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Lineage)
class LineageAdmin(admin.ModelAdmin):
    list_display = ["predecessor", "successor", "kind", "date", "note"]
    list_filter = ["kind"]
    readonly_fields = ["predecessor", "successor", "kind", "date"]

    def has_add_permission(self, request):
        return False


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ["user", "unit", "role", "title"]
    list_filter = ["role"]
    search_fields = ["user__username", "unit__name", "unit__code"]
    autocomplete_fields = ["unit"]
