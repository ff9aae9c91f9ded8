"""The filter bar shared by the record lists (training, outreach, initiatives …): a search
box and a unit with its subunits, among the units the user sees."""

import django_filters
from django.utils.translation import gettext_lazy as _

from .models import OrgUnit


def visible_units(request):
    if request is None:
        return OrgUnit.objects.none()
    return OrgUnit.objects.visible_to(request.user).vi_ordered()


class UnitRecordFilterSet(django_filters.FilterSet):
    """A search box and a "unit with its subunits" choice, for querysets that have
    `search(text)` and `in_subtree(unit)`. One filter set serves page, export and API."""

    q = django_filters.CharFilter(method="filter_q", label=_("Search"))
    unit = django_filters.ModelChoiceFilter(
        queryset=visible_units,
        to_field_name="code",
        method="filter_unit",
        label=_("Unit (with subunits)"),
        empty_label=_("All my units"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.form.fields.values():
            # Labels are not printed on the compact filter bar: screen readers still need them.
            field.widget.attrs.update({"class": "form-select", "aria-label": field.label})

    def filter_q(self, queryset, name, value):
        return queryset.search(value)

    def filter_unit(self, queryset, name, value):
        return queryset.in_subtree(value) if value else queryset
