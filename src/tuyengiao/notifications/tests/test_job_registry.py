"""Background job runners belong to their apps, which register them from ready(); the
notifications app runs them and fails loudly on a kind no app registered."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from tuyengiao.core.errors import DomainError
from tuyengiao.notifications import jobs
from tuyengiao.notifications.models import Job

pytestmark = pytest.mark.django_db


def test_each_app_registers_its_own_runners():
    assert {kind: func.__module__ for kind, func in jobs.RUNNERS.items()} == {
        "register_export": "tuyengiao.documents.jobs",
        "register_import": "tuyengiao.documents.jobs",
        "reporting_excel_import": "tuyengiao.reporting.jobs",
        "year_end_report": "tuyengiao.reports.jobs",
    }


def test_an_unknown_kind_starts_nothing_and_says_so(specialist):
    with pytest.raises(DomainError, match="Không có loại việc nền «no_such_kind»"):
        jobs.start("no_such_kind", "Việc thử", user=specialist)
    assert not Job.objects.exists()


def test_a_job_whose_kind_lost_its_runner_fails_with_that_message(specialist):
    job = Job.objects.create(kind="no_such_kind", title="Việc thử", user=specialist)
    assert jobs.run(job.pk) == "failed"
    job.refresh_from_db()
    assert job.error == "Không có loại việc nền «no_such_kind»."


def test_two_runners_for_one_kind_are_refused(monkeypatch):
    monkeypatch.setattr(jobs, "RUNNERS", dict(jobs.RUNNERS))
    mine = jobs.RUNNERS["register_export"]
    assert jobs.register("register_export", mine) is mine  # a second ready() is harmless
    with pytest.raises(ImproperlyConfigured, match="register_export"):
        jobs.runner("register_export")(lambda job, progress: {})


def test_tasks_queued_under_their_old_paths_still_run():
    from django.utils.module_loading import import_string

    from tuyengiao.notifications import services

    assert import_string("tuyengiao.notifications.tasks.run_job") is jobs.run_job
    assert import_string("tuyengiao.notifications.tasks.email_notifications") is (
        services.send_emails
    )
