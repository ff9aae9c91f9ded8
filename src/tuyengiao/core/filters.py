"""Filters that read the query string safely: years and ids within what the database stores.

The filter bar of the record lists (search and unit with its subunits) is orgs.filters."""

import django_filters
from django import forms

from .bounds import MAX_ID, MAX_YEAR, MIN_YEAR
from .forms import VNDateField, VNIntegerField

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
