"""One FilterSet per list, shared by the page and the API."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tuyengiao.core import filters as bounded
from tuyengiao.core.records import StyledFilterSet, search_filter
from tuyengiao.orgs.forms import visible_units

from .choices import OVERDUE, ConferenceKind, TaskStatus


class ConferenceFilter(StyledFilterSet):
    q = django_filters.CharFilter(label=_("Search"), method=search_filter)
    kind = django_filters.ChoiceFilter(label=_("kind"), choices=ConferenceKind.choices)
    year = bounded.YearFilter(label=_("year"), field_name="date", lookup_expr="year")
    unit = django_filters.ModelChoiceFilter(
        label=_("host unit"), queryset=visible_units, to_field_name="code"
    )


TASK_STATES = [*TaskStatus.choices, (OVERDUE, _("overdue"))]


class TaskFilter(StyledFilterSet):
    q = django_filters.CharFilter(label=_("Search"), method=search_filter)
    status = django_filters.ChoiceFilter(label=_("status"), choices=TASK_STATES, method="by_state")
    year = bounded.YearFilter(label=_("due year"), field_name="due_date", lookup_expr="year")
    unit = django_filters.ModelChoiceFilter(
        label=_("assignee unit"), queryset=visible_units, to_field_name="code"
    )
    # Set by the conference page's link, not offered as a field to type in.
    conference = bounded.IdFilter(
        label=_("conference"), field_name="conclusion__conference", widget=forms.HiddenInput
    )

    def by_state(self, queryset, name, value):
        if value == OVERDUE:
            return queryset.overdue()
        return queryset.filter(Q(status=value))
