"""Who may see and do what: one rule, applied to every queryset.

A membership gives a role in a unit. Its scope is the unit and its whole subtree, except
for reporters, whose scope is their own unit. Models that belong to a unit use
`ScopedQuerySet` and name the path to that unit in `unit_lookup`; every view and API
endpoint starts from `Model.objects.visible_to(user, action)`, so a user of a sibling unit
simply does not find the object (404), whatever URL they type.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from .search import words_q

VIEW = "view"
CHANGE = "change"  # create and edit records of the unit (specialist work)
REPORT = "report"  # enter and submit the unit's own figures
APPROVE = "approve"
ADMIN = "admin"

ROLE_ACTIONS = {
    "admin": {VIEW, CHANGE, REPORT, APPROVE, ADMIN},
    "specialist": {VIEW, CHANGE, REPORT},
    "approver": {VIEW, APPROVE},
    "viewer": {VIEW},
    "reporter": {VIEW, REPORT},
}
OWN_UNIT_ONLY_ROLES = {"reporter"}
NOTHING = Q(pk__in=[])
_PATH_LENGTH = 255  # treebeard MP_Node.path


def subtree_q(path: str, unit_lookup: str = "unit") -> Q:
    """Units whose tree path starts with `path` (the unit itself included), as a range.

    Not `path__startswith`: SQLite's LIKE is case-insensitive and cannot use the path
    index, so a commune's rollup would scan the whole country (190 ms instead of 27 ms at
    national scale). Paths use 0-9A-Z, so every descendant lies between the path and the
    path padded with "Z" — in the C collation and in language collations alike, which is
    not true of a punctuation sentinel such as "~".
    """
    prefix = f"{unit_lookup}__" if unit_lookup else ""
    top = path + "Z" * (_PATH_LENGTH - len(path))
    return Q(**{f"{prefix}path__gte": path, f"{prefix}path__lte": top})


def memberships(user):
    from tuyengiao.orgs.models import Membership

    if not getattr(user, "is_authenticated", False):
        return Membership.objects.none()
    cache = getattr(user, "_tuyengiao_memberships", None)
    if cache is None:
        cache = list(Membership.objects.filter(user=user).select_related("unit"))
        user._tuyengiao_memberships = cache
    return cache


def unit_q(user, action: str = VIEW, unit_lookup: str = "unit") -> Q:
    """A Q over `unit_lookup` (a path to an OrgUnit; "" for OrgUnit itself)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return NOTHING
    if user.is_superuser:
        return Q()
    prefix = f"{unit_lookup}__" if unit_lookup else ""
    condition = NOTHING
    for membership in memberships(user):
        if action not in ROLE_ACTIONS.get(membership.role, ()):
            continue
        if membership.role in OWN_UNIT_ONLY_ROLES:
            condition |= Q(**{f"{prefix}pk": membership.unit_id})
        else:
            condition |= subtree_q(membership.unit.path, unit_lookup)
    return condition


def can(user, action: str, unit) -> bool:
    """May `user` do `action` on `unit`? The same rule as unit_q, for one unit."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_superuser:
        return True
    for membership in memberships(user):
        if action not in ROLE_ACTIONS.get(membership.role, ()):
            continue
        if membership.role in OWN_UNIT_ONLY_ROLES:
            if membership.unit_id == unit.pk:
                return True
        elif unit.path.startswith(membership.unit.path):
            return True
    return False


def has_role_action(user, action: str) -> bool:
    """Does the user hold any role allowing `action` anywhere (for menus and buttons)?"""
    if getattr(user, "is_superuser", False):
        return True
    return any(action in ROLE_ACTIONS.get(m.role, ()) for m in memberships(user))


class ScopedQuerySet(models.QuerySet):
    unit_lookup = "unit"
    search_fields: tuple[str, ...] = ("search_text",)

    def search(self, query: str):
        """Every word must match (core.search.words_q) in `search_fields`."""
        return self.filter(words_q(query, *self.search_fields))

    def visible_to(self, user, action: str = VIEW):
        return self.filter(unit_q(user, action, self.unit_lookup))


def scoped_queryset(unit_lookup: str):
    """A ScopedQuerySet class for models whose unit is reached by `unit_lookup`."""
    return type("ScopedQuerySet", (ScopedQuerySet,), {"unit_lookup": unit_lookup})
