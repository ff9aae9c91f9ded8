"""The system as an actor: who demo loaders, imports, management commands and background
jobs act as. Every service verb takes `*, actor` with no default; these callers pass
`SYSTEM` instead of skipping the check with `None`.

The ground floor knows nothing of units or roles: the access rule (orgs.access) lets SYSTEM
do everything, the audit trail stores it as no user and shows it as «Hệ thống».
"""

from __future__ import annotations


class SystemActor:
    """A sentinel, not a user: it has no row, so foreign keys to users store NULL."""

    pk = None
    id = None
    username = "system"
    is_authenticated = True
    is_active = True
    is_anonymous = False
    is_superuser = True  # may do what the superuser may: it acts for whoever runs the server
    is_staff = False

    def has_perm(self, perm, obj=None) -> bool:
        return True

    def __repr__(self) -> str:
        return "SYSTEM"

    def __str__(self) -> str:
        from django.utils.translation import gettext

        return gettext("System")

    def __reduce__(self):  # one instance, even through pickling (task arguments)
        return "SYSTEM"


SYSTEM = SystemActor()


def is_system(actor) -> bool:
    return actor is SYSTEM


def as_user(actor):
    """The user to store in a `…_by` foreign key: None for SYSTEM."""
    return None if is_system(actor) else actor
