import django_filters
from django.utils.translation import gettext_lazy as _

from tuyengiao.orgs.models import OrgUnit

from .choices import Platform
from .models import Channel, ChannelStat


def _units(request):
    if request is None:
        return OrgUnit.objects.none()
    return OrgUnit.objects.visible_to(request.user).vi_ordered()


class ChannelFilter(django_filters.FilterSet):
    """One filter set for the list page, the export and the API."""

    q = django_filters.CharFilter(method="filter_q", label=_("Search"))
    platform = django_filters.ChoiceFilter(
        choices=Platform.choices, label=_("Platform"), empty_label=_("All platforms")
    )
    unit = django_filters.ModelChoiceFilter(
        queryset=_units,
        to_field_name="code",
        method="filter_unit",
        label=_("Unit (with subunits)"),
        empty_label=_("All my units"),
    )

    class Meta:
        model = Channel
        fields = ["q", "platform", "unit"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.form.fields.values():
            # Labels are not printed on the compact filter bar: screen readers still need them.
            field.widget.attrs.update({"class": "form-select", "aria-label": field.label})

    def filter_q(self, queryset, name, value):
        return queryset.search(value)

    def filter_unit(self, queryset, name, value):
        return queryset.in_subtree(value) if value else queryset


class ChannelStatFilter(django_filters.FilterSet):
    channel = django_filters.CharFilter(field_name="channel__code", label=_("Channel"))

    class Meta:
        model = ChannelStat
        fields = ["channel", "year", "month"]
