"""Long work run by the worker with a progress bar: a Job row the page polls.

A runner is `runner(job, progress) -> result dict`; `progress(percent, step)` is saved at
once (outside any transaction of the work) so the page sees it. A DomainError's Vietnamese
message is what the page shows on failure; each runner keeps nothing of a failed run.

The runners belong to the apps whose work they do: each app defines them in its own
`jobs.py` with `@jobs.runner("kind")` and imports that module from its AppConfig.ready().
This module knows no app that uses it; a kind no app registered fails loudly.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.core.files import File
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from tuyengiao.core import audit
from tuyengiao.core.errors import DomainError

from . import services
from .choices import JobStatus, NotificationKind
from .models import Job

log = logging.getLogger(__name__)
UNEXPECTED = (
    "Có lỗi không mong đợi khi chạy việc này; không có dữ liệu nào được lưu. "
    "Hãy thử lại hoặc báo quản trị hệ thống."
)

# kind → runner, filled by the apps' ready() (see `runner`).
RUNNERS: dict[str, Callable] = {}


def register(kind: str, func: Callable) -> Callable:
    """Make `func(job, progress)` the runner of the jobs of `kind`; one runner per kind."""
    if RUNNERS.get(kind, func) is not func:
        raise ImproperlyConfigured(f"Two runners for the background job kind {kind!r}.")
    RUNNERS[kind] = func
    return func


def runner(kind: str) -> Callable[[Callable], Callable]:
    """Decorator: `@jobs.runner("register_export")` registers the function below it."""
    return lambda func: register(kind, func)


def _runner(kind: str) -> Callable:
    try:
        return RUNNERS[kind]
    except KeyError:
        log.error("no runner registered for background jobs of kind %r", kind)
        raise DomainError(f"Không có loại việc nền «{kind}».") from None


def start(kind: str, title: str, *, user, unit=None, params=None, upload=None) -> Job:
    """Record the job (with the uploaded file it will read) and hand it to the worker once
    the caller's transaction commits."""
    _runner(kind)  # an unknown kind starts nothing
    job = Job(kind=kind, title=title[:300], user=user, unit=unit, params=params or {})
    if upload is not None:
        upload.seek(0)
        job.input_file.save(Path(upload.name).name, upload, save=False)
    job.save()
    audit.record(user, "job.start", job, unit=unit, kind=kind)
    transaction.on_commit(lambda: run_job.enqueue(str(job.pk)))
    return job


class Progress:
    def __init__(self, job: Job):
        self.job = job

    def __call__(self, percent: int, step: str) -> None:
        job = self.job
        job.progress = max(0, min(100, int(percent)))
        job.step = step[:300]
        job.steps = [
            *job.steps,
            {"at": timezone.now().isoformat(), "percent": job.progress, "step": step},
        ]
        Job.objects.filter(pk=job.pk).update(progress=job.progress, step=job.step, steps=job.steps)


def run(job_id) -> str:
    job = Job.objects.select_related("user", "unit").get(pk=job_id)
    if job.finished:
        return job.status
    Job.objects.filter(pk=job.pk).update(status=JobStatus.RUNNING)
    progress = Progress(job)
    try:
        result = _runner(job.kind)(job, progress)
    except DomainError as exc:
        details = getattr(exc, "errors", None)
        if isinstance(details, dict):
            details = [m for messages in details.values() for m in messages]
        result = {"errors": [str(m) for m in details[:200]]} if details else {}
        _finish(job, JobStatus.FAILED, error=exc.message, result=result)
    except Exception:
        log.exception("job %s (%s) failed", job.pk, job.kind)
        _finish(job, JobStatus.FAILED, error=UNEXPECTED)
    else:
        progress(100, "Đã xong: kết quả ở bên dưới.")
        _finish(job, JobStatus.DONE, result=result or {})
    return job.status


def _finish(job: Job, status: str, *, error: str = "", result=None) -> None:
    job.status, job.error, job.result = status, error, result or {}
    job.finished_at = timezone.now()
    if job.input_file:  # the upload was only needed to run the job
        job.input_file.delete(save=False)
    fields = ["status", "error", "result", "finished_at", "result_file", "input_file"]
    job.save(update_fields=fields)
    if job.user is not None:  # the person may have left the page: the bell tells them
        done = status == JobStatus.DONE
        services.notify(
            [job.user],
            NotificationKind.JOB,
            f"{'Đã xong' if done else 'Không thành công'}: {job.title}",
            "" if done else error,
            url=reverse("notifications:job", args=[job.pk]),
            unit=job.unit,
            email=False,
        )


@task()
def run_job(job_id: str) -> str:
    """The worker's entry point for a job started by `start`."""
    return run(job_id)


def input_file(job: Job) -> File:
    """The stored upload, opened under the name the person gave it."""
    if not job.input_file:
        raise DomainError("Không còn tệp tải lên của việc này; hãy tải tệp lên lại.")
    handle = job.input_file.open("rb")
    return File(handle, name=job.params.get("filename") or Path(job.input_file.name).name)
