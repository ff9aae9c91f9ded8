"""deploy/ stays in step with the application: limits, timeouts, and no dead setting."""

import re
import runpy
from pathlib import Path

from django.conf import settings

DEPLOY = Path(__file__).resolve().parents[4] / "deploy"
NGINX = (DEPLOY / "nginx" / "tuyengiao.conf").read_text()


def _nginx(directive):
    return re.findall(rf"^\s*{directive}\s+([^;]+);", NGINX, re.MULTILINE)


def test_nginx_lets_a_file_of_the_upload_limit_reach_the_application(monkeypatch):
    monkeypatch.delenv("MAX_UPLOAD_MB", raising=False)
    (limit,) = _nginx("client_max_body_size")
    # The default MAX_UPLOAD_MB plus 1 MB for the form: the application, not nginx, refuses
    # a file just over the limit, with its Vietnamese message.
    assert limit == f"{settings.MAX_UPLOAD_MB + 1}m"


def test_nginx_waits_longer_than_gunicorns_request_budget(monkeypatch):
    monkeypatch.delenv("REQUEST_TIMEOUT", raising=False)
    gunicorn = runpy.run_path(str(DEPLOY / "gunicorn.conf.py"))
    (read_timeout,) = _nginx("proxy_read_timeout")
    assert int(read_timeout.rstrip("s")) == gunicorn["timeout"] + 5
    assert gunicorn["bind"].startswith("127.0.0.1:")


def test_nginx_passes_the_headers_django_trusts_and_never_serves_stored_files():
    assert "proxy_set_header X-Forwarded-Proto $scheme" in NGINX
    assert "proxy_set_header Host $host" in NGINX
    assert settings.SECURE_PROXY_SSL_HEADER == ("HTTP_X_FORWARDED_PROTO", "https")
    assert "/media" not in NGINX
    assert _nginx("alias") == ["/var/lib/tuyengiao/staticfiles/"]


def test_every_variable_of_the_example_environment_is_read_somewhere():
    example = (DEPLOY / "tuyengiao.env.example").read_text()
    names = re.findall(r"^([A-Z][A-Z0-9_]+)=", example, re.MULTILINE)
    sources = "".join(
        path.read_text()
        for path in [
            Path(settings.BASE_DIR) / "settings.py",
            DEPLOY / "gunicorn.conf.py",
        ]
    )
    unread = [name for name in names if f'"{name}"' not in sources]
    if "tuyengiao.notifications" not in settings.INSTALLED_APPS:
        # The e-mail settings come with the notifications app (reminders, ADR 0007).
        unread = [n for n in unread if not n.startswith("EMAIL_") and n not in MAIL_NAMES]
    assert not unread


MAIL_NAMES = {"DEFAULT_FROM_EMAIL", "SITE_URL"}


def test_the_units_run_the_commands_of_this_project():
    web = (DEPLOY / "systemd" / "tuyengiao-web.service").read_text()
    worker = (DEPLOY / "systemd" / "tuyengiao-worker.service").read_text()
    backup = (DEPLOY / "systemd" / "tuyengiao-backup.service").read_text()
    assert "gunicorn --config /opt/tuyengiao/deploy/gunicorn.conf.py tuyengiao.wsgi" in web
    assert "ExecStart=/opt/tuyengiao/.venv/bin/tuyengiao worker" in worker
    assert "tuyengiao backup --out" in backup
    for unit in (web, worker, backup):
        assert "EnvironmentFile=/etc/tuyengiao/tuyengiao.env" in unit
        assert "User=tuyengiao" in unit
