"""Production fails closed (issue 9, item 7).

Before the fix DEBUG defaulted to true (English debug pages listing every URL), a
one-character SECRET_KEY was accepted, there was no HSTS/CSP/Permissions-Policy and
`check --deploy` warned four times.
"""

import json
import os
import subprocess
import sys

import pytest
from django.http import HttpResponse
from django.test import override_settings
from django.urls import path

from tuyengiao import urls as project_urls

GOOD_KEY = "k3Y-" + "x9Qz_" * 12  # 64 characters, random enough for the check
SETTINGS = [
    "DEBUG",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
]


def _production_env(**extra):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DEBUG", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE")
    }
    env.update(DJANGO_SETTINGS_MODULE="tuyengiao.settings", ALLOWED_HOSTS="tuyengiao.example")
    env.update(extra)
    return env


def _settings_in(env) -> subprocess.CompletedProcess:
    code = (
        "import json; from django.conf import settings; "
        f"print(json.dumps({{n: getattr(settings, n) for n in {SETTINGS!r}}}))"
    )
    return subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
    )


def test_without_debug_in_the_environment_the_settings_are_production_ones():
    run = _settings_in(_production_env(SECRET_KEY=GOOD_KEY))
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == {
        "DEBUG": False,
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "SECURE_SSL_REDIRECT": True,
        "SECURE_HSTS_SECONDS": 31_536_000,
    }


def test_plain_http_on_a_lan_is_one_documented_setting():
    run = _settings_in(_production_env(SECRET_KEY=GOOD_KEY, SECURE_COOKIES="false"))
    assert json.loads(run.stdout)["SESSION_COOKIE_SECURE"] is False
    assert json.loads(run.stdout)["SECURE_HSTS_SECONDS"] == 0


@pytest.mark.parametrize(
    "key",
    ["", "x", "a" * 60, "dev-only-insecure-key-do-not-use-in-production", GOOD_KEY[:49]],
    ids=["missing", "one-character", "one-letter-repeated", "development-key", "49-characters"],
)
def test_a_weak_secret_key_refuses_to_start_when_debug_is_off(key):
    run = _settings_in(_production_env(SECRET_KEY=key))
    assert run.returncode != 0
    assert "SECRET_KEY must be a random string of at least 50 characters" in run.stderr


def test_check_deploy_passes_with_production_settings():
    env = _production_env(SECRET_KEY=GOOD_KEY, DEBUG="false")
    run = subprocess.run(
        [
            os.path.join(os.path.dirname(sys.executable), "tuyengiao"),
            "check",
            "--deploy",
            "--fail-level",
            "WARNING",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        cwd=os.path.dirname(sys.executable),
    )
    assert run.returncode == 0, run.stdout + run.stderr


def test_pages_carry_the_security_headers(client_for, reporter):
    response = client_for(reporter).get("/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-eval" not in policy
    assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy
    assert "camera=()" in response["Permissions-Policy"]
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


@override_settings(SECURE_HSTS_SECONDS=31_536_000, SECURE_HSTS_INCLUDE_SUBDOMAINS=True)
def test_https_responses_carry_hsts(client_for, reporter):
    response = client_for(reporter).get("/", secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


def _boom(request):
    raise RuntimeError("boom")


def _denied(request):
    from django.core.exceptions import PermissionDenied

    raise PermissionDenied


urlpatterns = [
    path("boom/", _boom),
    path("denied/", _denied),
    path("api/boom/", _boom),
    path("ok/", lambda request: HttpResponse("ok")),
    *project_urls.urlpatterns,
]
handler404 = "tuyengiao.core.views.not_found"
handler403 = "tuyengiao.core.views.forbidden"
handler500 = "tuyengiao.core.views.server_error"


@pytest.fixture
def quiet_client(client):
    client.raise_request_exception = False
    return client


def test_the_vietnamese_error_pages_are_used_when_debug_is_off(quiet_client, settings):
    assert settings.DEBUG is False
    not_found = quiet_client.get("/khong-co-trang-nay/")
    assert not_found.status_code == 404
    assert "Không tìm thấy" in not_found.content.decode()
    assert "Using the URLconf" not in not_found.content.decode()
    with override_settings(ROOT_URLCONF=__name__):
        denied = quiet_client.get("/denied/")
        assert denied.status_code == 403 and "Không được phép" in denied.content.decode()
        error = quiet_client.get("/boom/")
        assert error.status_code == 500 and "Lỗi hệ thống" in error.content.decode()
        assert "Traceback" not in error.content.decode()


def test_the_api_answers_errors_in_json_never_html(quiet_client, client_for, reporter):
    client_for(reporter)
    missing = quiet_client.get("/api/khong-co/")
    assert missing.status_code == 404
    assert missing.json() == {"detail": "Không tìm thấy.", "errors": {}}
    with override_settings(ROOT_URLCONF=__name__):
        error = quiet_client.get("/api/boom/")
    assert error.status_code == 500 and error["Content-Type"] == "application/json"
    assert "Lỗi máy chủ" in error.json()["detail"]
