"""Vietnamese formats in templates: {{ n|vn_number }}, {{ r|vn_percent:2 }}, {{ d|vn_date }}."""

from django import template

from tuyengiao.core import text

register = template.Library()


@register.filter
def vn_number(value, decimals=None):
    return text.format_number(value, None if decimals in (None, "") else int(decimals))


@register.filter
def vn_percent(value, decimals=None):
    return text.format_percent(value, None if decimals in (None, "") else int(decimals))


@register.filter
def vn_date(value):
    return text.format_date(value)


@register.filter
def vn_date_long(value):
    return text.format_date_long(value) if value else "—"


@register.filter
def undo_token(extra_tags):
    """The token of the undo offered in a message (core.undo)."""
    from tuyengiao.core.undo import token_of

    return token_of(extra_tags)
