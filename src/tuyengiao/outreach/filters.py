import django_filters
from django.utils.translation import gettext_lazy as _

from tuyengiao.orgs.filters import UnitRecordFilterSet

from .choices import Platform
from .models import Channel, ChannelStat


class ChannelFilter(UnitRecordFilterSet):
    """One filter set for the list page, the export and the API."""

    platform = django_filters.ChoiceFilter(
        choices=Platform.choices, label=_("Platform"), empty_label=_("All platforms")
    )

    class Meta:
        model = Channel
        fields = ["q", "platform", "unit"]


class ChannelStatFilter(django_filters.FilterSet):
    channel = django_filters.CharFilter(field_name="channel__code", label=_("Channel"))

    class Meta:
        model = ChannelStat
        fields = ["channel", "year", "month"]
