"""Two-factor login: enrol a TOTP app, log in with a real code, recover with a static code."""

import base64
import re

import pytest
from django.urls import reverse
from django_otp.oath import TOTP

from tuyengiao.accounts import twofactor

pytestmark = pytest.mark.django_db
PASSWORD = "demo12345"


def login(client, username):
    return client.post("/login/", {"username": username, "password": PASSWORD})


def code_for(secret_b32: str, offset: int = 0) -> str:
    totp = TOTP(base64.b32decode(secret_b32))
    totp.time += offset * 30
    return f"{totp.token():06d}"


def enrol(client):
    page = client.get(reverse("accounts:otp_enrol")).content.decode()
    assert "<svg" in page  # the QR code is drawn on the server
    secret = re.search(r'data-testid="otp-secret">([A-Z2-7=]+)<', page).group(1)
    done = client.post(reverse("accounts:otp_enrol"), {"token": code_for(secret)})
    codes = re.findall(r"<li>([a-z0-9]+)</li>", done.content.decode())
    return secret, codes


def test_a_reporter_enrols_and_then_logs_in_with_a_code(client, reporter, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # else the wrong code below blocks the next second
    login(client, "bennghe")
    secret, codes = enrol(client)
    assert twofactor.enrolled(reporter) and len(codes) == 10
    client.post(reverse("logout"))

    login(client, "bennghe")
    held = client.get("/reporting/")
    assert held.status_code == 302 and held.url.startswith(reverse("accounts:otp_verify"))
    wrong = client.post(reverse("accounts:otp_verify"), {"token": "000000"})
    assert "Mã không đúng hoặc đã hết hạn." in wrong.content.decode()
    client.post(reverse("accounts:otp_verify"), {"token": code_for(secret, offset=1)})
    assert client.get("/reporting/").status_code == 200


def test_a_recovery_code_works_once(client, reporter):
    login(client, "bennghe")
    _, codes = enrol(client)
    for attempt in range(2):
        client.post(reverse("logout"))
        login(client, "bennghe")
        client.post(reverse("accounts:otp_verify"), {"token": codes[0]})
        status = client.get("/").status_code
        assert status == (200 if attempt == 0 else 302)
    assert twofactor.recovery_codes_left(reporter) == 9


def test_a_wrong_code_does_not_enrol(client, reporter):
    login(client, "bennghe")
    response = client.post(reverse("accounts:otp_enrol"), {"token": "123456"})
    assert "Mã không đúng hoặc đã hết hạn." in response.content.decode()
    assert not twofactor.enrolled(reporter)


def test_a_required_role_must_enrol_before_anything_else(client, approver, settings):
    settings.REQUIRE_2FA_ROLES = ["admin", "approver"]
    login(client, "lanhdao")
    held = client.get("/reporting/")
    assert held.status_code == 302 and held.url.startswith(reverse("accounts:otp_enrol"))
    assert client.get("/api/units/").status_code == 403
    api = client.post("/api/token/", {"username": "lanhdao", "password": PASSWORD})
    assert api.status_code == 403
    enrol(client)
    assert client.get("/reporting/").status_code == 200
    turned_off = client.post(reverse("accounts:otp_disable"), follow=True)
    assert "không tắt được" in turned_off.content.decode() and twofactor.enrolled(approver)


def test_the_token_endpoint_asks_an_enrolled_user_for_a_code(client, reporter):
    login(client, "bennghe")
    secret, _ = enrol(client)
    client.post(reverse("logout"))
    without = client.post("/api/token/", {"username": "bennghe", "password": PASSWORD})
    assert without.status_code == 400 and "otp" in without.json()["detail"]
    data = {"username": "bennghe", "password": PASSWORD, "otp": code_for(secret, offset=1)}
    r = client.post("/api/token/", data)
    assert r.status_code == 200, r.json()


def test_roles_not_listed_need_no_second_factor(client, reporter, settings):
    settings.REQUIRE_2FA_ROLES = ["admin", "approver"]
    login(client, "bennghe")
    assert client.get("/").status_code == 200
