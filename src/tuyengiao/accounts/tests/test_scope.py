"""A unit's admin manages the accounts of its subtree only, and never hands out more."""

import pytest
from django.urls import reverse

from tuyengiao.accounts import services
from tuyengiao.accounts.models import Account
from tuyengiao.core.audit import events_for
from tuyengiao.core.errors import DomainError
from tuyengiao.core.testing import assert_hidden_from, status_of
from tuyengiao.orgs.models import Membership

from .conftest import unit

pytestmark = pytest.mark.django_db


def account_of(username):
    return Account.objects.get(user__username=username)


@pytest.mark.parametrize("role", ["specialist", "approver", "viewer", "reporter", "outsider"])
def test_users_without_the_admin_action_get_403_on_the_user_pages(client, request, role):
    user = request.getfixturevalue(role)
    assert status_of(client, user, reverse("accounts:list")) == 403
    assert status_of(client, user, reverse("accounts:create")) == 403


def test_ward_admin_lists_only_the_accounts_of_the_ward(client, ward_admin):
    client.force_login(ward_admin)
    page = client.get(reverse("accounts:list")).content.decode()
    assert "bennghe" in page and "qt-bennghe" in page
    assert "benthanh" not in page and "chuyenvien" not in page


def test_the_search_finds_every_word_without_accents_within_the_admins_scope(
    client, admin, ward_admin
):
    client.force_login(admin)
    page = client.get(reverse("accounts:list"), {"q": "ben nghe"}).content.decode()
    assert "bennghe" in page and "benthanh" not in page and "chuyenvien" not in page
    page = client.get(reverse("accounts:list"), {"q": "  "}).content.decode()
    assert "bennghe" in page and "benthanh" in page
    client.force_login(ward_admin)
    page = client.get(reverse("accounts:list"), {"q": "ben thanh"}).content.decode()
    assert "benthanh" not in page and "Chưa có tài khoản nào." in page


def test_ward_admin_gets_404_on_another_wards_account_and_its_buttons(client, ward_admin):
    other = account_of("benthanh")
    assert_hidden_from(client, ward_admin, reverse("accounts:detail", args=[other.pk]))
    assert_hidden_from(client, ward_admin, reverse("accounts:edit", args=[other.pk]))
    for action in ["deactivate", "temporary-password", "unlock", "grant"]:
        url = reverse("accounts:action", args=[other.pk, action])
        assert_hidden_from(client, ward_admin, url, method="post")
    assert_hidden_from(client, ward_admin, reverse("accounts:unit_roles", args=["DU-BEN-THANH"]))
    other.user.refresh_from_db()
    assert other.user.is_active


def test_ward_admin_cannot_grant_a_role_outside_the_ward(ward_admin):
    reporter = account_of("bennghe")
    for code in ["DU-BEN-THANH", "QU-Q1", "TU-HCM"]:
        with pytest.raises(DomainError, match="không được giao vai trò"):
            services.grant_role(actor=ward_admin, account=reporter, unit=unit(code), role="viewer")
    assert not Membership.objects.filter(user=reporter.user, role="viewer").exists()


def test_grant_page_refuses_a_unit_outside_the_ward(client, ward_admin):
    reporter = account_of("bennghe")
    client.force_login(ward_admin)
    response = client.post(
        reverse("accounts:action", args=[reporter.pk, "grant"]),
        {"unit": unit("QU-Q1").pk, "role": "specialist"},
        follow=True,
    )
    assert "Đơn vị: Hãy chọn một lựa chọn hợp lệ." in response.content.decode()
    assert not Membership.objects.filter(user=reporter.user, role="specialist").exists()


def test_nobody_grants_a_role_whose_actions_they_do_not_hold(approver, district_admin):
    # An approver holds view+approve on the district: granting "approver" would need admin,
    # and the district admin may grant it there but not on the city above.
    assert not services.can_grant(approver, "approver", unit("QU-Q1"))
    assert services.can_grant(district_admin, "approver", unit("QU-Q1"))
    assert not services.can_grant(district_admin, "viewer", unit("TU-HCM"))
    assert not services.can_grant(district_admin, "superuser", unit("QU-Q1"))


def test_ward_admin_cannot_create_an_account_at_the_district(ward_admin):
    with pytest.raises(DomainError, match="quyền quản trị"):
        services.create_account(actor=ward_admin, unit=unit("QU-Q1"), username="x1", full_name="X")


def test_district_admin_creates_a_reporter_with_a_temporary_password(client, district_admin):
    client.force_login(district_admin)
    response = client.post(
        reverse("accounts:create"),
        {
            "full_name": "Trần Thị Lan",
            "username": "lan.bennghe",
            "email": "lan@example.org",
            "phone": "0903 000 111",
            "title": "Văn phòng Đảng ủy",
            "unit": unit("DU-BEN-NGHE").pk,
            "role": "reporter",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200 and "Mật khẩu tạm" in page
    assert "no-store" in response["Cache-Control"]
    account = account_of("lan.bennghe")
    assert account.must_change_password and account.phone == "0903 000 111"
    assert Membership.objects.filter(
        user=account.user, unit__code="DU-BEN-NGHE", role="reporter"
    ).exists()
    assert [e.verb for e in events_for(account)] == ["account.create"]
    password = page.split('data-testid="temporary-password">')[1].split("<")[0]
    assert account.user.check_password(password) and len(password) >= 10


def test_a_taken_username_is_refused_with_a_message_and_nothing_saved(client, district_admin):
    client.force_login(district_admin)
    before = Account.objects.count()
    response = client.post(
        reverse("accounts:create"),
        {"full_name": "A", "username": "BENNGHE", "unit": unit("DU-BEN-NGHE").pk},
    )
    assert "Tên đăng nhập «BENNGHE» đã có người dùng." in response.content.decode()
    assert Account.objects.count() == before


def test_removing_a_role_is_audited(client, district_admin):
    reporter = account_of("bennghe")
    membership = Membership.objects.get(user=reporter.user, role="reporter")
    client.force_login(district_admin)
    client.post(
        reverse("accounts:role_remove", args=[reporter.pk, membership.pk]), {"confirmed": "1"}
    )
    assert not Membership.objects.filter(pk=membership.pk).exists()
    assert events_for(membership).filter(verb="membership.remove", actor=district_admin).exists()


def test_unit_roles_page_lists_who_holds_which_role(client, district_admin, outsider):
    client.force_login(district_admin)
    page = client.get(reverse("accounts:unit_roles", args=["DU-BEN-NGHE"])).content.decode()
    assert "Lê Thị Mai" in page and "Báo cáo viên" in page
    assert "Võ Thanh Bình" in page  # the district admin's role reaches the ward
    assert_hidden_from(client, outsider, reverse("accounts:unit_roles", args=["DU-BEN-NGHE"]))


def test_deactivation_ends_the_token_and_the_login(client, district_admin):
    from rest_framework.authtoken.models import Token

    reporter = account_of("bennghe")
    Token.objects.create(user=reporter.user)
    client.force_login(district_admin)
    client.post(reverse("accounts:action", args=[reporter.pk, "deactivate"]), {"confirmed": "1"})
    reporter.user.refresh_from_db()
    assert not reporter.user.is_active
    assert not Token.objects.filter(user=reporter.user).exists()
    assert events_for(reporter).filter(verb="account.deactivate").exists()
    client.logout()
    response = client.post(reverse("login"), {"username": "bennghe", "password": "demo12345"})
    assert response.status_code == 200 and not response.wsgi_request.user.is_authenticated


def test_an_admin_cannot_deactivate_themselves(district_admin):
    with pytest.raises(DomainError):
        services.deactivate(actor=district_admin, account=account_of("quantri"))


def test_the_unit_page_links_to_its_roles_for_admins_only(client, district_admin, specialist):
    client.force_login(district_admin)
    assert "/accounts/units/DU-BEN-NGHE/" in client.get("/units/DU-BEN-NGHE/").content.decode()
    client.force_login(specialist)
    assert "/accounts/units/DU-BEN-NGHE/" not in client.get("/units/DU-BEN-NGHE/").content.decode()


def test_a_role_given_in_the_django_admin_makes_the_account_manageable(district_admin):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user("tu-admin", password="x")
    Membership.objects.create(user=user, unit=unit("DU-DA-KAO"), role="viewer")
    assert services.manageable_accounts(district_admin).filter(user=user).exists()
