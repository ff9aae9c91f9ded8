import json
import logging

import pytest
from django.core import mail
from django.test import override_settings
from pythonjsonlogger.json import JsonFormatter

from tuyengiao.ops.logs import logging_config

pytestmark = pytest.mark.django_db


def _request_lines(caplog):
    return [r for r in caplog.records if r.name == "tuyengiao.request"]


def test_one_line_per_request_with_user_unit_path_status_and_duration(client_for, reporter, caplog):
    client = client_for(reporter)

    with caplog.at_level(logging.INFO, logger="tuyengiao.request"):
        response = client.get("/units/DU-BEN-NGHE/")

    assert response.status_code == 200
    (line,) = _request_lines(caplog)
    assert line.user == "bennghe"
    assert line.unit == "DU-BEN-NGHE"
    assert (line.method, line.path, line.status) == ("GET", "/units/DU-BEN-NGHE/", 200)
    assert line.duration_ms > 0
    assert line.levelno == logging.INFO


def test_an_anonymous_404_is_logged_too(client, caplog):
    with caplog.at_level(logging.INFO, logger="tuyengiao.request"):
        client.get("/khong-co-trang-nay/")

    (line,) = _request_lines(caplog)
    assert (line.user, line.status, line.path) == ("", 404, "/khong-co-trang-nay/")


def test_the_json_line_is_one_parseable_object_with_the_fields(client_for, reporter, caplog):
    config = logging_config("json")["formatters"]["json"]
    formatter = JsonFormatter(
        config["format"],
        rename_fields=config["rename_fields"],
        json_ensure_ascii=config["json_ensure_ascii"],
    )
    with caplog.at_level(logging.INFO, logger="tuyengiao.request"):
        client_for(reporter).get("/units/DU-BEN-NGHE/")

    (line,) = _request_lines(caplog)
    text = formatter.format(line)
    assert "\n" not in text
    data = json.loads(text)
    assert data["level"] == "INFO"
    assert data["logger"] == "tuyengiao.request"
    assert data["user"] == "bennghe" and data["status"] == 200
    assert data["message"].startswith("GET /units/DU-BEN-NGHE/ 200 ")


@pytest.mark.urls("tuyengiao.ops.tests.urls_boom")
def test_a_server_error_is_logged_with_its_traceback(client, caplog):
    client.raise_request_exception = False

    with caplog.at_level(logging.INFO):
        response = client.get("/boom/")

    assert response.status_code == 500
    (line,) = _request_lines(caplog)
    assert line.status == 500 and line.levelno == logging.ERROR
    (error,) = [r for r in caplog.records if r.name == "django.request"]
    assert isinstance(error.exc_info[1], RuntimeError)


@pytest.mark.urls("tuyengiao.ops.tests.urls_boom")
def test_server_errors_are_mailed_to_the_admins_when_email_is_configured(client, settings):
    client.raise_request_exception = False
    settings.ADMINS = [("Quản trị hệ thống", "quantri@example.vn")]
    try:
        with override_settings(DEBUG=False):
            logging.config.dictConfig(logging_config("text", mail_admins=True))
            client.get("/boom/")
    finally:
        logging.config.dictConfig(settings.LOGGING)

    (message,) = mail.outbox
    assert message.to == ["quantri@example.vn"]
    assert "/boom/" in message.subject
    assert "RuntimeError at /boom/" in message.body
    assert "raise RuntimeError" in message.body  # the traceback


@pytest.mark.urls("tuyengiao.ops.tests.urls_boom")
def test_without_email_configured_nothing_is_mailed(client, settings):
    client.raise_request_exception = False
    settings.ADMINS = [("Quản trị hệ thống", "quantri@example.vn")]
    try:
        with override_settings(DEBUG=False):
            logging.config.dictConfig(logging_config("text", mail_admins=False))
            client.get("/boom/")
    finally:
        logging.config.dictConfig(settings.LOGGING)

    assert mail.outbox == []
