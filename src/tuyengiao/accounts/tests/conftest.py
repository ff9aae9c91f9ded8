import pytest
from django.contrib.auth import get_user_model

from tuyengiao.accounts import services
from tuyengiao.orgs.models import OrgUnit


@pytest.fixture
def district_admin(db):
    """Quản trị Quận ủy Quận 1: the admin action on QU-Q1's subtree, not a superuser."""
    return get_user_model().objects.get(username="quantri")


@pytest.fixture
def ward_admin(district_admin):
    """An admin of Bến Nghé ward, made the way a district admin makes one."""
    account, _ = services.create_account(
        actor=district_admin,
        unit=OrgUnit.objects.get(code="DU-BEN-NGHE"),
        username="qt-bennghe",
        full_name="Đỗ Văn Quản",
        role="admin",
    )
    account.must_change_password = False
    account.save()
    return account.user


def unit(code):
    return OrgUnit.objects.get(code=code)
