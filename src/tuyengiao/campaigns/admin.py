from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import StudyCampaign


@admin.register(StudyCampaign)
class StudyCampaignAdmin(SimpleHistoryAdmin):
    list_display = ["code", "name", "organising_unit", "form", "period", "starts_on"]
    search_fields = ["code", "name"]
    raw_id_fields = ["organising_unit", "target_unit"]
    filter_horizontal = ["documents"]
