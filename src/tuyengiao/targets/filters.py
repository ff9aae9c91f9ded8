import django_filters
from django.utils.translation import gettext_lazy as _

from tuyengiao.core import filters as bounded
from tuyengiao.core.records import StyledFilterSet, search_filter
from tuyengiao.orgs.forms import visible_units

from .models import Term


def visible_terms(request):
    if request is None:
        return Term.objects.none()
    return Term.objects.visible_to(request.user).select_related("unit")


class TargetFilter(StyledFilterSet):
    q = django_filters.CharFilter(label=_("Search"), method=search_filter)
    term = bounded.ModelChoiceFilter(label=_("term"), queryset=visible_terms)
    unit = bounded.ModelChoiceFilter(
        label=_("unit"), queryset=visible_units, to_field_name="code", field_name="term__unit"
    )
    measured = django_filters.ChoiceFilter(
        label=_("measured by"),
        choices=[("indicator", _("reporting indicator")), ("manual", _("entered by hand"))],
        method="by_measure",
    )

    def by_measure(self, queryset, name, value):
        return queryset.filter(indicator__isnull=value == "manual")
