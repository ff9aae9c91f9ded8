import django_filters
from django.utils.translation import gettext_lazy as _

from tuyengiao.core import filters as bounded
from tuyengiao.core.records import StyledFilterSet, search_filter
from tuyengiao.orgs.forms import visible_units


class CommendationFilter(StyledFilterSet):
    q = django_filters.CharFilter(label=_("Search"), method=search_filter)
    year = bounded.YearFilter(label=_("year"))
    unit = bounded.ModelChoiceFilter(
        label=_("conferring unit"), queryset=visible_units, to_field_name="code"
    )
