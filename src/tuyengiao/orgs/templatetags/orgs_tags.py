"""{% unit_link unit %}: a unit's name, linked to its page only when the user may open it."""

from django import template
from django.urls import reverse
from django.utils.html import format_html

from tuyengiao.orgs import access

register = template.Library()


@register.simple_tag(takes_context=True)
def unit_link(context, unit):
    if unit is None:
        return ""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is not None and access.can(user, access.VIEW, unit):
        return format_html(
            '<a href="{}">{}</a>', reverse("orgs:detail", args=[unit.code]), unit.name
        )
    return unit.name
