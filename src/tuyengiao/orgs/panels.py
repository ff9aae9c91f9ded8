from .access import memberships


def my_units(request):
    items = memberships(request.user)
    if not items and not request.user.is_superuser:
        return None
    return {"template": "orgs/panel_my_units.html", "context": {"memberships": items}}
