"""Who may see and do what: one rule, applied to every queryset (ADR 0001).

A membership gives a role in a unit. Its scope is the unit and its whole subtree, except
for reporters, whose scope is their own unit. Models that belong to a unit use
`ScopedQuerySet` and name the path to that unit in `unit_lookup`; every view and API
endpoint starts from `Model.objects.visible_to(user, action)`, so a user of a sibling unit
simply does not find the object (404), whatever URL they type.

The rule lives next to the unit tree it reads; `orgs.choices.Role` is the only list of
roles. `can()` (one unit, in Python) and `unit_q()` (a queryset filter, in SQL) decide with
the same path range, and a property test holds them to it (tests/test_access_property.py).
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from tuyengiao.core.actors import SYSTEM, is_system  # noqa: F401 (callers say access.SYSTEM)
from tuyengiao.core.errors import NotAllowed
from tuyengiao.core.search import words_q

from .choices import Role

VIEW = "view"
CHANGE = "change"  # create and edit records of the unit (specialist work)
REPORT = "report"  # enter and submit the unit's own figures
APPROVE = "approve"
ADMIN = "admin"
ACTIONS = (VIEW, CHANGE, REPORT, APPROVE, ADMIN)

ROLE_ACTIONS: dict[str, frozenset[str]] = {
    Role.ADMIN: frozenset({VIEW, CHANGE, REPORT, APPROVE, ADMIN}),
    Role.SPECIALIST: frozenset({VIEW, CHANGE, REPORT}),
    Role.APPROVER: frozenset({VIEW, APPROVE}),
    Role.VIEWER: frozenset({VIEW}),
    Role.REPORTER: frozenset({VIEW, REPORT}),
}
OWN_UNIT_ONLY_ROLES = frozenset({Role.REPORTER})
NOTHING = Q(pk__in=[])
PATH_LENGTH = 255  # treebeard MP_Node.path


def subtree_top(path: str) -> str:
    """The last path of the subtree under `path`: the path padded with "Z" (see subtree_q)."""
    return path + "Z" * (PATH_LENGTH - len(path))


def in_subtree_path(path: str, root: str) -> bool:
    """Is `path` in the subtree of `root` (itself included)? The comparison subtree_q makes
    in SQL, made in Python: `can()` and `unit_q()` agree on every path, odd ones included."""
    return root <= path <= subtree_top(root)


def subtree_q(path: str, unit_lookup: str = "unit") -> Q:
    """Units whose tree path starts with `path` (the unit itself included), as a range.

    Not `path__startswith`: SQLite's LIKE is case-insensitive and cannot use the path
    index, so a commune's rollup would scan the whole country (190 ms instead of 27 ms at
    national scale). Paths use 0-9A-Z, so every descendant lies between the path and the
    path padded with "Z" — in the C collation and in language collations alike, which is
    not true of a punctuation sentinel such as "~".
    """
    prefix = f"{unit_lookup}__" if unit_lookup else ""
    return Q(**{f"{prefix}path__gte": path, f"{prefix}path__lte": subtree_top(path)})


def memberships(user):
    """The user's memberships with their units, read once per request (cached on the user)."""
    if is_system(user) or not getattr(user, "is_authenticated", False):
        return []
    cache = getattr(user, "_tuyengiao_memberships", None)
    if cache is None:
        cache = list(user.memberships.select_related("unit"))
        user._tuyengiao_memberships = cache
    return cache


def _sees_all(user) -> bool | None:
    """True: everything (superuser, SYSTEM); False: nothing (anonymous, inactive);
    None: decided by the memberships."""
    if is_system(user):
        return True
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return True if user.is_superuser else None


def _grants(user, action: str):
    """(membership, own unit only?) for each membership allowing `action`."""
    for membership in memberships(user):
        if action in ROLE_ACTIONS.get(membership.role, ()):
            yield membership, membership.role in OWN_UNIT_ONLY_ROLES


def unit_q(user, action: str = VIEW, unit_lookup: str = "unit") -> Q:
    """A Q over `unit_lookup` (a path to an OrgUnit; "" for OrgUnit itself)."""
    verdict = _sees_all(user)
    if verdict is not None:
        return Q() if verdict else NOTHING
    prefix = f"{unit_lookup}__" if unit_lookup else ""
    condition = NOTHING
    for membership, own_only in _grants(user, action):
        if own_only:
            condition |= Q(**{f"{prefix}pk": membership.unit_id})
        else:
            condition |= subtree_q(membership.unit.path, unit_lookup)
    return condition


def can(user, action: str, unit) -> bool:
    """May `user` do `action` on `unit`? The same rule as unit_q, for one unit."""
    verdict = _sees_all(user)
    if verdict is not None:
        return verdict
    for membership, own_only in _grants(user, action):
        if membership.unit_id == unit.pk:
            return True
        if not own_only and in_subtree_path(unit.path, membership.unit.path):
            return True
    return False


def require(actor, action: str, unit, message: str, *, field: str | None = None) -> None:
    """Raise the domain NotAllowed unless `actor` may do `action` on `unit`: the one
    check every service verb makes before it changes anything. `message` names what was
    refused; "{unit}" in it is replaced by the unit's name ("Bạn không có quyền sửa hội
    nghị của đơn vị «{unit}».")."""
    if not can(actor, action, unit):
        raise NotAllowed(message.replace("{unit}", str(unit)), field=field)


def has_role_action(user, action: str) -> bool:
    """Does the user hold any role allowing `action` anywhere (for menus and buttons)?"""
    if is_system(user) or getattr(user, "is_superuser", False):
        return True
    return any(action in ROLE_ACTIONS.get(m.role, ()) for m in memberships(user))


class ScopedQuerySet(models.QuerySet):
    """A queryset of records that belong to a unit (reached by `unit_lookup`)."""

    unit_lookup = "unit"
    search_fields: tuple[str, ...] = ("search_text",)

    def search(self, query: str):
        """Every word must match (core.search.words_q) in `search_fields`."""
        return self.filter(words_q(query, *self.search_fields))

    def in_subtree(self, unit):
        """Records of `unit` and of every unit below it."""
        return self.filter(subtree_q(unit.path, self.unit_lookup))

    def visible_to(self, user, action: str = VIEW):
        return self.filter(unit_q(user, action, self.unit_lookup))


def scoped_queryset(unit_lookup: str, **attrs):
    """A ScopedQuerySet class for models whose unit is reached by `unit_lookup`."""
    return type("ScopedQuerySet", (ScopedQuerySet,), {"unit_lookup": unit_lookup, **attrs})
