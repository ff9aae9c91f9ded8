import django_filters
from django.utils.translation import gettext_lazy as _

from tuyengiao.core import filters as bounded
from tuyengiao.orgs.filters import UnitRecordFilterSet

from .choices import AssessmentStatus
from .models import Assessment, Initiative


class InitiativeFilter(UnitRecordFilterSet):
    """One filter set for the list page, the export and the API."""

    year = bounded.YearFilter(
        method="filter_year", label=_("Running in year"), min_value=1900, max_value=2200
    )
    status = django_filters.ChoiceFilter(
        choices=AssessmentStatus.choices,
        method="filter_status",
        label=_("Status of the year"),
        empty_label=_("Any status"),
    )

    class Meta:
        model = Initiative
        fields = ["q", "year", "status", "unit"]

    def filter_year(self, queryset, name, value):
        return queryset.active_in(int(value)) if value else queryset

    def filter_status(self, queryset, name, value):
        year = self.form.cleaned_data.get("year")
        assessed = Assessment.objects.filter(status=value)
        if year:
            assessed = assessed.filter(year=int(year))
        return queryset.filter(pk__in=assessed.values("initiative"))
