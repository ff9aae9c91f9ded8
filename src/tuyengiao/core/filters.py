"""The filter bar shared by the record lists (training, outreach, initiatives …)."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from .bounds import MAX_ID, MAX_YEAR, MIN_YEAR
from .forms import VNDateField, VNIntegerField


def visible_units(request):
    from tuyengiao.orgs.models import OrgUnit

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


# --- bounded parameters -----------------------------------------------------------------------
# A year or an id from the query string reaches the database only inside the range it can
# store: `?year=0` made Django build date(0, 1, 1) and `?conference=99999999999999999999`
# overflowed SQLite's integer, both a 500. Out of range is now a form error (the filter is
# not applied on a page; the API answers 400 naming the parameter).


class YearFilter(django_filters.NumberFilter):
    field_class = VNIntegerField  # a text box: no browser-language "Please enter a number"

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", MIN_YEAR)
        kwargs.setdefault("max_value", MAX_YEAR)
        super().__init__(*args, **kwargs)


class DateFilter(django_filters.DateFilter):
    field_class = VNDateField  # dd/mm/yyyy whatever the browser's language


class IdFilter(django_filters.NumberFilter):
    field_class = VNIntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_ID)
        super().__init__(*args, **kwargs)


class BoundedModelChoiceField(django_filters.fields.ModelChoiceField):
    """Refuses an id the database cannot store before looking it up."""

    def to_python(self, value):
        if value not in self.empty_values and not self.to_field_name:
            text = str(value).strip()
            if not text.isdigit() or int(text) > MAX_ID:
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"], code="invalid_choice"
                )
        return super().to_python(value)


class ModelChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = BoundedModelChoiceField
