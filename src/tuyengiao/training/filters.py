from django.utils.translation import gettext_lazy as _

from tuyengiao.core import filters as bounded
from tuyengiao.orgs.filters import UnitRecordFilterSet

from .models import TrainingClass, TrainingKind


class TrainingClassFilter(UnitRecordFilterSet):
    """One filter set for the list page, the export and the API."""

    year = bounded.YearFilter(
        field_name="start_date",
        lookup_expr="year",
        label=_("Year"),
        min_value=1900,
        max_value=2200,
    )
    kind = bounded.ModelChoiceFilter(
        queryset=TrainingKind.objects.all(),
        to_field_name="code",
        label=_("Class kind"),
        empty_label=_("All kinds"),
    )

    class Meta:
        model = TrainingClass
        fields = ["q", "year", "kind", "unit"]
