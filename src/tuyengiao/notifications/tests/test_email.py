"""E-mails reach a real SMTP server (aiosmtpd on 127.0.0.1), from the command and through
the worker."""

import email
import email.policy
import socket

import pytest
from django.core.management import call_command

from tuyengiao.notifications.models import Notification
from tuyengiao.reporting import review
from tuyengiao.reporting import services as reporting

pytestmark = pytest.mark.django_db


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.messages.append((envelope.rcpt_tos, message))
        return "250 Message accepted for delivery"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp(settings):
    from aiosmtpd.controller import Controller

    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=_free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
    settings.EMAIL_USE_TLS = False
    settings.DEFAULT_FROM_EMAIL = "Ban Tuyên giáo <tuyengiao@quan1.test>"
    yield inbox
    controller.stop()


@pytest.fixture
def reporter_with_email(reporter):
    reporter.email = "bennghe@quan1.test"
    reporter.save(update_fields=["email"])
    return reporter


def test_the_reminders_command_emails_the_reporter(smtp, reporter_with_email, form):
    call_command("reminders", "send", "--on", "2024-01-20")
    subject = f"Nhắc báo cáo: {form.name} — Năm 2023"
    [(to, message)] = [m for m in smtp.messages if str(m[1]["Subject"]).strip() == subject]
    assert to == ["bennghe@quan1.test"]
    body = message.get_content()
    assert "Hạn nộp: 15/01/2024, đã quá hạn 5 ngày." in body
    assert "http://127.0.0.1:8000/reporting/HT-NQ/2023/units/DU-BEN-NGHE/" in body
    notice = Notification.objects.get(user=reporter_with_email, kind="reminder", title=subject)
    assert notice.emailed_at is not None


def test_in_app_only_means_no_email(smtp, client_for, reporter_with_email):
    client_for(reporter_with_email).post("/notifications/preference/", {})
    call_command("reminders", "send", "--on", "2024-01-20")
    assert smtp.messages == []
    assert Notification.objects.filter(user=reporter_with_email, kind="reminder").exists()


def test_a_return_is_emailed_by_the_worker(
    run_worker,
    smtp,
    reporter_with_email,
    specialist,
    form,
    year_2023,
    ben_nghe,
    good_values,
    django_capture_on_commit_callbacks,
):
    sent = reporting.submit(form, ben_nghe, year_2023, good_values, actor=reporter_with_email)
    with django_capture_on_commit_callbacks(execute=True):
        review.return_submission(sent, "Thiếu số quần chúng", actor=specialist)
    assert smtp.messages == []  # queued, not sent inside the request
    run_worker()
    [(to, message)] = smtp.messages
    assert to == ["bennghe@quan1.test"]
    assert str(message["Subject"]).strip().startswith("Báo cáo bị trả lại:")
    assert "Lý do: Thiếu số quần chúng" in message.get_content()
