"""The top menu: the entries apps register (core.registry), in their order. An entry shows
to whoever holds its action somewhere (the rule the unit tree's app registers)."""

from django.core.exceptions import ImproperlyConfigured
from django.urls import NoReverseMatch, reverse

from .registry import registry


def menu(request):
    user = getattr(request, "user", None)
    if not user or not user.is_authenticated:
        return {"menu": []}
    if registry.menu_rule is None:
        raise ImproperlyConfigured("No app registered the menu's access rule (registry.menu_rule).")
    items = []
    for entry in registry.menu_in_order():
        if not registry.menu_rule(user, entry.action):
            continue
        try:
            url = reverse(entry.url_name)
        except NoReverseMatch:
            # Only under another URLconf (a test's, an error page's): `tuyengiao check`
            # fails on a registered name the project's URLs lack (core.registry).
            continue
        items.append({"label": entry.label, "url": url, "active": False})
    # One entry lit: the longest URL the page is under (/meetings/tasks/ lights «Tasks»,
    # not «Conferences» as well).
    under = [
        i
        for i in items
        if request.path == i["url"] or (i["url"] != "/" and request.path.startswith(i["url"]))
    ]
    if under:
        max(under, key=lambda i: len(i["url"]))["active"] = True
    return {"menu": items}
