"""Accounts that resist attack: password policy, lockout per username and address, tokens
that expire and die with the password, sessions with an idle and an absolute limit."""

import datetime as dt
import re
import time

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from rest_framework.authtoken.models import Token

from tuyengiao.accounts import services
from tuyengiao.accounts.models import Account, UserSession
from tuyengiao.accounts.signals import SESSION_LOGIN_AT, SESSION_SEEN_AT

from .conftest import unit

pytestmark = pytest.mark.django_db
PASSWORD = "demo12345"
NEW_PASSWORD = "Sông Sài Gòn 2025"
LOGIN = "/login/"


@pytest.fixture
def axes_on(settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 5


def login(client, username, password=PASSWORD):
    return client.post(LOGIN, {"username": username, "password": password})


def change_password(client, old, new):
    return client.post(
        reverse("accounts:password_change"),
        {"old_password": old, "new_password1": new, "new_password2": new},
    )


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("Ab3$xyz", "Mật khẩu quá ngắn: cần ít nhất 10 ký tự."),
        ("password123", "Mật khẩu này quá phổ biến."),
        ("4938201756", "Mật khẩu này hoàn toàn là số."),
        ("lethimai1979", "Mật khẩu quá giống với"),
        ("bennghe2024x", "Mật khẩu quá giống với"),
    ],
)
def test_a_weak_new_password_is_refused_with_a_vietnamese_reason(
    client, reporter, password, message
):
    reporter.email = "lethimai1979@example.org"
    reporter.save()
    client.force_login(reporter)
    response = change_password(client, PASSWORD, password)
    assert message in response.content.decode()
    reporter.refresh_from_db()
    assert reporter.check_password(PASSWORD)


def test_typos_of_one_user_do_not_lock_another_user_on_the_same_address(client, axes_on):
    for _ in range(5):
        login(client, "bennghe", "sai-mat-khau")
    locked = login(client, "bennghe")
    page = locked.content.decode()
    assert locked.status_code == 429
    assert "Tạm chặn đăng nhập" in page and "Các tài khoản khác không bị ảnh hưởng" in page
    assert login(client, "benthanh").status_code == 302  # same 127.0.0.1, other account


def test_the_ward_admin_lifts_a_lockout(client, axes_on, district_admin):
    for _ in range(5):
        login(client, "bennghe", "sai-mat-khau")
    account = Account.objects.get(user__username="bennghe")
    assert services.is_locked("bennghe")
    client.force_login(district_admin)
    assert "tạm chặn đăng nhập" in client.get(reverse("accounts:list")).content.decode()
    client.post(reverse("accounts:action", args=[account.pk, "unlock"]))
    client.logout()
    assert not services.is_locked("bennghe")
    assert login(client, "bennghe").status_code == 302


def test_the_token_endpoint_is_locked_the_same_way(client, axes_on):
    codes = [
        client.post("/api/token/", {"username": "bennghe", "password": "x"}).status_code
        for _ in range(5)
    ]
    assert codes == [400, 400, 400, 400, 429]
    locked = client.post("/api/token/", {"username": "bennghe", "password": PASSWORD})
    assert locked.status_code == 429 and "quá nhiều lần" in locked.json()["detail"]
    other = client.post("/api/token/", {"username": "benthanh", "password": PASSWORD})
    assert other.status_code == 200 and other.json()["token"]


def test_an_api_call_without_a_valid_token_is_401_with_a_challenge(client):
    for headers in ({}, {"HTTP_AUTHORIZATION": "Token not-a-real-key"}):
        response = client.get("/api/units/", **headers)
        assert response.status_code == 401, headers
        assert response["WWW-Authenticate"] == "Token"


def test_a_sibling_unit_token_still_gets_no_ward_figures(client, outsider):
    key = Token.objects.create(user=outsider).key
    response = client.get("/api/units/", HTTP_AUTHORIZATION=f"Token {key}")
    assert response.status_code == 200
    codes = {u["code"] for u in response.json()["results"]}
    assert "DU-BEN-THANH" in codes and "DU-BEN-NGHE" not in codes


def test_a_token_expires_after_the_configured_days(client, reporter, settings):
    settings.TOKEN_TTL_DAYS = 90
    key = client.post("/api/token/", {"username": "bennghe", "password": PASSWORD}).json()["token"]
    auth = {"HTTP_AUTHORIZATION": f"Token {key}"}
    assert client.get("/api/units/", **auth).status_code == 200
    Token.objects.filter(key=key).update(created=timezone.now() - dt.timedelta(days=91))
    expired = client.get("/api/units/", **auth)
    assert expired.status_code == 401 and "hết hạn" in expired.json()["detail"]
    assert expired["WWW-Authenticate"] == "Token"
    fresh = client.post("/api/token/", {"username": "bennghe", "password": PASSWORD}).json()
    assert fresh["token"] != key


def test_changing_the_password_revokes_the_token_and_other_sessions(client, reporter):
    from django.test import Client

    token = Token.objects.create(user=reporter)
    other = Client()
    login(other, "bennghe")
    login(client, "bennghe")
    assert UserSession.objects.filter(user=reporter).count() == 2
    response = change_password(client, PASSWORD, NEW_PASSWORD)
    assert response.status_code == 302
    assert not Token.objects.filter(pk=token.pk).exists()
    assert UserSession.objects.filter(user=reporter).count() == 1
    assert other.get("/").status_code == 302  # the other browser is logged out
    assert client.get("/").status_code == 200


def test_the_owner_revokes_the_token_and_ends_another_session(client, reporter):
    from django.test import Client

    Token.objects.create(user=reporter)
    other = Client(REMOTE_ADDR="10.0.0.9")
    login(other, "bennghe")
    login(client, "bennghe")
    page = client.get(reverse("accounts:me")).content.decode()
    assert "10.0.0.9" in page and "Thu hồi token" in page
    client.post(reverse("accounts:token_revoke"), {"confirmed": "1"})
    assert not Token.objects.filter(user=reporter).exists()
    elsewhere = UserSession.objects.get(user=reporter, ip_address="10.0.0.9")
    client.post(reverse("accounts:session_end", args=[elsewhere.pk]))
    assert other.get("/").status_code == 302
    assert client.get("/").status_code == 200


def test_nobody_ends_another_users_session(client, reporter, outsider):
    from django.test import Client

    login(Client(), "benthanh")
    theirs = UserSession.objects.get(user=outsider)
    client.force_login(reporter)
    assert client.post(reverse("accounts:session_end", args=[theirs.pk])).status_code == 404
    assert UserSession.objects.filter(pk=theirs.pk).exists()


@pytest.mark.parametrize(
    ("key", "age"), [(SESSION_SEEN_AT, 31 * 60), (SESSION_LOGIN_AT, 13 * 3600)]
)
def test_a_session_ends_when_idle_or_too_old(client, reporter, key, age):
    login(client, "bennghe")
    session = client.session
    session[key] = time.time() - age
    session.save()
    response = client.get("/")
    assert response.status_code == 302 and response.url.startswith("/login/")
    assert "Phiên làm việc đã hết hạn" in client.get(response.url).content.decode()


def test_a_temporary_password_must_be_changed_at_first_login(client, district_admin):
    account, password = services.create_account(
        actor=district_admin, unit=unit("DU-BEN-NGHE"), username="moi", full_name="Người Mới"
    )
    response = login(client, "moi", password)
    assert response.status_code == 302
    forced = client.get("/reporting/")
    assert forced.status_code == 302 and forced.url.startswith(reverse("accounts:password_change"))
    assert client.post("/api/token/", {"username": "moi", "password": password}).status_code == 403
    change_password(client, password, NEW_PASSWORD)
    account.refresh_from_db()
    assert not account.must_change_password
    assert client.get("/").status_code == 200


def test_the_emailed_link_sets_a_password_once(client, district_admin, reporter):
    reporter.email = "mai@example.org"
    reporter.save()
    account = Account.objects.get(user=reporter)
    client.force_login(district_admin)
    client.post(reverse("accounts:action", args=[account.pk, "reset-link"]))
    client.logout()
    assert mail.outbox[0].to == ["mai@example.org"]
    link = re.search(r"http://testserver(/accounts/reset/\S+)", mail.outbox[0].body).group(1)
    form_url = client.get(link).url  # Django swaps the token for a session-held one
    response = client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response.status_code == 302
    reporter.refresh_from_db()
    assert reporter.check_password(NEW_PASSWORD)
    again = client.get(link, follow=True).content.decode()
    assert "đã được dùng hoặc đã hết hạn" in again
