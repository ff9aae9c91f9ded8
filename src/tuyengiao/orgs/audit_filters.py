"""The "Nhật ký" page's filters: unit (with subunits), user, action, object type, dates."""

import django_filters
from django.utils.translation import gettext_lazy as _

from tuyengiao.core import filters as bounded
from tuyengiao.core.models import AuditEvent

from . import access
from .filters import visible_units


class AuditEventFilter(django_filters.FilterSet):
    """The "Nhật ký" page's filters, over events already limited to the user's scope."""

    unit = django_filters.ModelChoiceFilter(
        queryset=visible_units,
        to_field_name="code",
        method="filter_unit",
        label=_("Unit (with subunits)"),
        empty_label=_("All my units"),
    )
    actor = django_filters.ModelChoiceFilter(
        queryset=lambda request: _actors(request),
        to_field_name="username",
        label=_("User"),
        empty_label=_("Everyone"),
    )
    verb = django_filters.ChoiceFilter(label=_("Action"), empty_label=_("All actions"))
    object_type = django_filters.ChoiceFilter(
        label=_("Object type"), empty_label=_("All object types")
    )
    object = django_filters.CharFilter(
        field_name="object_repr", lookup_expr="icontains", label=_("Object (name or number)")
    )
    date_from = bounded.DateFilter(field_name="at", lookup_expr="date__gte", label=_("From date"))
    date_to = bounded.DateFilter(field_name="at", lookup_expr="date__lte", label=_("To date"))

    def __init__(self, *args, **kwargs):
        from tuyengiao.core.audit_labels import VERB_LABELS, object_type_label

        super().__init__(*args, **kwargs)
        fields = self.form.fields
        fields["verb"].choices = sorted(
            ((verb, str(label)) for verb, label in VERB_LABELS.items()), key=lambda c: c[1]
        )
        types = self.queryset.order_by().values_list("object_type", flat=True).distinct()
        fields["object_type"].choices = sorted(
            ((t, object_type_label(t)) for t in types), key=lambda c: c[1]
        )
        fields["object"].max_length = 100
        for name, field in fields.items():
            css = "form-control" if name in ("object", "date_from", "date_to") else "form-select"
            field.widget.attrs.update({"class": css, "aria-label": field.label})

    def filter_unit(self, queryset, name, value):
        return queryset.filter(access.subtree_q(value.path)) if value else queryset


def _actors(request):
    """People who acted within the user's scope (not every account of the system)."""
    from django.contrib.auth import get_user_model

    if request is None:
        return get_user_model().objects.none()
    ids = visible_events(request.user).values("actor_id")
    return get_user_model().objects.filter(pk__in=ids).order_by("username")


def visible_events(user):
    """Events of the units in the user's scope (a reporter: own unit only); an event
    without unit only by a superuser."""
    return AuditEvent.objects.filter(access.unit_q(user, access.VIEW, "unit"))
