from django import template

register = template.Library()


@register.filter
def get(mapping, key):
    return mapping.get(key) if mapping else None


@register.filter
def attr_display(indicator):
    """An IndicatorResult's display text ("93,44%"), or a dash."""
    return getattr(indicator, "display", None) or "—"
