"""Accounts for the demo users, and District 1's own administrator (not a superuser)."""

from django.contrib.auth import get_user_model
from django.db import transaction

from tuyengiao.orgs import services as org_services
from tuyengiao.orgs.choices import Role
from tuyengiao.orgs.demo import PASSWORD
from tuyengiao.orgs.models import Membership, OrgUnit

from .models import Account
from .services import ensure_account

DISTRICT_ADMIN = ("quantri", "Võ Thanh Bình", "QU-Q1", "Quản trị hệ thống Quận ủy Quận 1")


@transaction.atomic
def load(*, actor):
    User = get_user_model()
    username, full_name, unit_code, title = DISTRICT_ADMIN
    unit = OrgUnit.objects.get(code=unit_code)
    user = User.objects.filter(username=username).first()
    if user is None:
        user = User.objects.create_user(username, password=PASSWORD, first_name=full_name)
    org_services.add_membership(user, unit, Role.ADMIN, title=title, actor=actor)
    # Every demo user belongs to the unit of their first role, where its admins manage them.
    have = set(Account.objects.values_list("user_id", flat=True))
    for membership in Membership.objects.exclude(user_id__in=have).select_related("user", "unit"):
        if membership.user_id not in have:
            ensure_account(membership.user, membership.unit, title=membership.title)
            have.add(membership.user_id)


def summary() -> list[str]:
    """District 1's own administrator, printed by `tuyengiao demo` after the unit tree's
    accounts (same password)."""
    username, _name, _unit, title = DISTRICT_ADMIN
    return [f"  {username:<12} {Role.ADMIN.label:<16} {title} (không phải quản trị toàn hệ thống)"]
