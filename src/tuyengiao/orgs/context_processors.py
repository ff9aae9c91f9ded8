"""The user's first unit, named in the header of every printed page (base.html)."""

from . import access


def print_unit(request):
    user = getattr(request, "user", None)
    if not user or not user.is_authenticated:
        return {}
    units = [m.unit.name for m in access.memberships(user)]
    return {"print_unit": units[0] if units else ""}
