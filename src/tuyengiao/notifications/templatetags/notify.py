from django import template
from django.conf import settings

from tuyengiao.notifications.models import Notification

register = template.Library()


@register.inclusion_tag("notifications/_bell.html", takes_context=True)
def bell(context):
    return bell_context(getattr(context.get("request"), "user", None))


def bell_context(user) -> dict:
    count = Notification.objects.for_user(user).unread().count() if user else 0
    return {"unread": count, "poll_seconds": settings.NOTIFICATION_POLL_SECONDS}


@register.simple_tag(takes_context=True)
def can_remind(context, unit) -> bool:
    """May the page's user send «Nhắc báo cáo» for the units under `unit`?"""
    from tuyengiao.orgs import access

    user = getattr(context.get("request"), "user", None)
    return access.can(user, access.CHANGE, unit) or access.can(user, access.APPROVE, unit)
