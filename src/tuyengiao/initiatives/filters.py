import django_filters
from django.utils.translation import gettext_lazy as _

from tuyengiao.orgs.models import OrgUnit

from .choices import AssessmentStatus
from .models import Assessment, Initiative


def _units(request):
    if request is None:
        return OrgUnit.objects.none()
    return OrgUnit.objects.visible_to(request.user).vi_ordered()


class InitiativeFilter(django_filters.FilterSet):
    """One filter set for the list page, the export and the API."""

    q = django_filters.CharFilter(method="filter_q", label=_("Search"))
    year = django_filters.NumberFilter(
        method="filter_year", label=_("Running in year"), min_value=1900, max_value=2200
    )
    status = django_filters.ChoiceFilter(
        choices=AssessmentStatus.choices,
        method="filter_status",
        label=_("Status of the year"),
        empty_label=_("Any status"),
    )
    unit = django_filters.ModelChoiceFilter(
        queryset=_units,
        to_field_name="code",
        method="filter_unit",
        label=_("Unit (with subunits)"),
        empty_label=_("All my units"),
    )

    class Meta:
        model = Initiative
        fields = ["q", "year", "status", "unit"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.form.fields.values():
            # Labels are not printed on the compact filter bar: screen readers still need them.
            field.widget.attrs.update({"class": "form-select", "aria-label": field.label})

    def filter_q(self, queryset, name, value):
        return queryset.search(value)

    def filter_year(self, queryset, name, value):
        return queryset.active_in(int(value)) if value else queryset

    def filter_status(self, queryset, name, value):
        year = self.form.cleaned_data.get("year")
        assessed = Assessment.objects.filter(status=value)
        if year:
            assessed = assessed.filter(year=int(year))
        return queryset.filter(pk__in=assessed.values("initiative"))

    def filter_unit(self, queryset, name, value):
        return queryset.in_subtree(value) if value else queryset
