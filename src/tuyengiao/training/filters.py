import django_filters
from django.utils.translation import gettext_lazy as _

from tuyengiao.orgs.models import OrgUnit

from .models import TrainingClass, TrainingKind


def _units(request):
    if request is None:
        return OrgUnit.objects.none()
    return OrgUnit.objects.visible_to(request.user).vi_ordered()


class TrainingClassFilter(django_filters.FilterSet):
    """One filter set for the list page, the export and the API."""

    q = django_filters.CharFilter(method="filter_q", label=_("Search"))
    year = django_filters.NumberFilter(
        field_name="start_date",
        lookup_expr="year",
        label=_("Year"),
        min_value=1900,
        max_value=2200,
    )
    kind = django_filters.ModelChoiceFilter(
        queryset=TrainingKind.objects.all(),
        to_field_name="code",
        label=_("Class kind"),
        empty_label=_("All kinds"),
    )
    unit = django_filters.ModelChoiceFilter(
        queryset=_units,
        to_field_name="code",
        method="filter_unit",
        label=_("Unit (with subunits)"),
        empty_label=_("All my units"),
    )

    class Meta:
        model = TrainingClass
        fields = ["q", "year", "kind", "unit"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.form.fields.values():
            # Labels are not printed on the compact filter bar: screen readers still need them.
            field.widget.attrs.update({"class": "form-select", "aria-label": field.label})

    def filter_q(self, queryset, name, value):
        return queryset.search(value)

    def filter_unit(self, queryset, name, value):
        return queryset.in_subtree(value) if value else queryset
