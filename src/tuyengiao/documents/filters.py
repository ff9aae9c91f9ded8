"""One FilterSet for the register page, its export and the API."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tuyengiao.core import filters as bounded
from tuyengiao.orgs.models import OrgUnit

from .choices import Classification
from .models import Document, DocumentType, Issuer


def _type_choices():
    return [(t.code, f"{t.code} — {t.name}") for t in DocumentType.objects.all()]


def _issuer_choices():
    return [(i.code, f"{i.code} — {i.name}") for i in Issuer.objects.all()]


def _units(request):
    if request is None:
        return OrgUnit.objects.none()
    # Units whose documents the user may see: their scope and the units above it.
    visible = Document.objects.visible_to(request.user).values("issuing_unit")
    return OrgUnit.objects.filter(pk__in=visible).vi_ordered()


class DocumentFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search number or title"), method="filter_q")
    year = bounded.YearFilter(
        label=_("Year"), field_name="signed_on", lookup_expr="year", min_value=1930, max_value=2100
    )
    registered_from = bounded.DateFilter(
        label=_("Registered from"), field_name="registered_on", lookup_expr="gte"
    )
    registered_to = bounded.DateFilter(
        label=_("Registered until"), field_name="registered_on", lookup_expr="lte"
    )
    type = django_filters.ChoiceFilter(
        label=_("Type"), field_name="type_code", choices=_type_choices, empty_label=_("All")
    )
    issuer = django_filters.ChoiceFilter(
        label=_("Issuer"), choices=_issuer_choices, method="filter_issuer", empty_label=_("All")
    )
    issuing_unit = bounded.ModelChoiceFilter(
        label=_("Issuing unit"), queryset=_units, to_field_name="code", empty_label=_("All")
    )
    classification = django_filters.ChoiceFilter(
        label=_("Classification"), choices=Classification.choices, empty_label=_("All")
    )

    class Meta:
        model = Document
        fields = [
            "q",
            "year",
            "registered_from",
            "registered_to",
            "type",
            "issuer",
            "issuing_unit",
            "classification",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.form.fields.values():
            select = hasattr(field, "choices")
            field.widget.attrs["class"] = (
                "form-select form-select-sm" if select else "form-control form-control-sm"
            )

    def filter_q(self, queryset, name, value):
        user = getattr(self.request, "user", None)
        return queryset.search(value, user)

    def filter_issuer(self, queryset, name, value: str):
        # Joint issuers are written "BTCTU-BDVTU": match one code among them.
        return queryset.filter(
            Q(issuer_codes=value)
            | Q(issuer_codes__startswith=f"{value}-")
            | Q(issuer_codes__endswith=f"-{value}")
            | Q(issuer_codes__contains=f"-{value}-")
        )
