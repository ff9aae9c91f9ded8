"""`{{ document|title_for:user }}`: a document's title as this user may read it."""

from django import template

register = template.Library()


@register.filter
def title_for(document, user) -> str:
    if document is None:
        return ""
    return document.title_for(user)
