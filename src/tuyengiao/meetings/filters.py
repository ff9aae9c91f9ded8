"""One FilterSet per list, shared by the page and the API."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tuyengiao.core import filters as bounded
from tuyengiao.core.forms import vietnamese_inputs
from tuyengiao.core.search import words_q
from tuyengiao.orgs.models import OrgUnit

from .choices import OVERDUE, ConferenceKind, TaskStatus


class StyledFilterSet(django_filters.FilterSet):
    """Bootstrap classes on the filter form (shared with the awards and targets lists)."""

    @property
    def form(self):
        form = super().form
        style(form)
        return form


def style(form):
    vietnamese_inputs(form)  # dd/mm/yyyy dates, 1.250 / 27,5 numbers (core.forms)
    for field in form.fields.values():
        widget = field.widget
        if isinstance(widget, forms.CheckboxInput):
            css = "form-check-input"
        elif isinstance(widget, forms.Select):
            css = "form-select"
        else:
            css = "form-control"
        widget.attrs.setdefault("class", css)
    return form


def visible_units(request):
    # Only units the user may see: the choice list must not reveal a sibling's name.
    if request is None:
        return OrgUnit.objects.none()
    return OrgUnit.objects.visible_to(request.user).vi_ordered()


def search_filter(queryset, name, value):
    return queryset.filter(words_q(value, "search_text"))  # every word, any order, no accents


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
            today = timezone.localdate()
            return queryset.exclude(status=TaskStatus.DONE).filter(due_date__lt=today)
        return queryset.filter(Q(status=value))
