"""The top menu. Apps add entries here; an entry whose URL does not exist yet is skipped."""

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from tuyengiao.orgs import access

# (label, url name, action the user must hold somewhere)
MENU = [
    (_("Home"), "home", access.VIEW),
    (_("Units"), "orgs:tree", access.VIEW),
    (_("Reporting"), "reporting:forms", access.VIEW),
    (_("Documents"), "documents:list", access.VIEW),
    (_("Study campaigns"), "campaigns:list", access.VIEW),
    (_("Training"), "training:list", access.VIEW),
    (_("Outreach"), "outreach:list", access.VIEW),
    (_("Initiatives"), "initiatives:list", access.VIEW),
    (_("Conferences"), "meetings:list", access.VIEW),
    (_("Tasks"), "meetings:tasks", access.VIEW),
    (_("Commendations"), "awards:list", access.VIEW),
    (_("Targets"), "targets:list", access.VIEW),
    (_("Reports"), "reports:index", access.VIEW),  # readers read; generating needs CHANGE
    (_("Audit log"), "audit:list", access.VIEW),
    (_("Users"), "accounts:list", access.ADMIN),
]


def menu(request):
    user = getattr(request, "user", None)
    if not user or not user.is_authenticated:
        return {"menu": []}
    items = []
    for label, name, action in MENU:
        if not access.has_role_action(user, action):
            continue
        try:
            url = reverse(name)
        except NoReverseMatch:
            continue
        items.append({"label": label, "url": url, "active": False})
    # One entry lit: the longest URL the page is under (/meetings/tasks/ lights «Tasks»,
    # not «Conferences» as well).
    under = [i for i in items if request.path == i["url"] or (
        i["url"] != "/" and request.path.startswith(i["url"]))]  # fmt: skip
    if under:
        max(under, key=lambda i: len(i["url"]))["active"] = True
    units = [m.unit.name for m in access.memberships(user)]
    return {"menu": items, "print_unit": units[0] if units else ""}
