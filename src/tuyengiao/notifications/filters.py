"""The notifications page's one choice: all, or the unread ones only (`?show=unread`)."""

import django_filters
from django.utils.translation import gettext_lazy as _

from .models import Notification

UNREAD = "unread"


class NotificationFilter(django_filters.FilterSet):
    show = django_filters.ChoiceFilter(
        label=_("Unread"), choices=[(UNREAD, _("Unread"))], method="by_state"
    )

    class Meta:
        model = Notification
        fields = []

    def by_state(self, queryset, name, value):
        return queryset.unread() if value == UNREAD else queryset
