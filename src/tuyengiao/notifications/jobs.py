"""Long work run by the worker with a progress bar: a Job row the page polls.

A runner is `runner(job, progress) -> result dict`; `progress(percent, step)` is saved at
once (outside any transaction of the work) so the page sees it. A DomainError's Vietnamese
message is what the page shows on failure; each runner keeps nothing of a failed run.
"""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path

from django.core.files import File
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from tuyengiao.core import audit
from tuyengiao.core.errors import DomainError, ValidationFailed
from tuyengiao.core.text import format_number

from .choices import JobStatus
from .models import Job

log = logging.getLogger(__name__)
UNEXPECTED = (
    "Có lỗi không mong đợi khi chạy việc này; không có dữ liệu nào được lưu. "
    "Hãy thử lại hoặc báo quản trị hệ thống."
)


def start(kind: str, title: str, *, user, unit=None, params=None, upload=None) -> Job:
    """Record the job (with the uploaded file it will read) and hand it to the worker once
    the caller's transaction commits."""
    if kind not in RUNNERS:
        raise DomainError(f"Không có loại việc nền «{kind}».")
    job = Job(kind=kind, title=title[:300], user=user, unit=unit, params=params or {})
    if upload is not None:
        upload.seek(0)
        job.input_file.save(Path(upload.name).name, upload, save=False)
    job.save()
    audit.record(user, "job.start", job, unit=unit, kind=kind)
    from .tasks import run_job

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
        result = RUNNERS[job.kind](job, progress)
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
        from . import services
        from .choices import NotificationKind

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


# --- runners --------------------------------------------------------------------------------


def year_end_report(job: Job, progress: Progress) -> dict:
    """The year-end report through the reports app's own service, then the PDF."""
    from tuyengiao.reports import pdf, services
    from tuyengiao.reports.content import ReportOptions

    params = job.params
    if job.unit is None:
        raise DomainError("Đơn vị của báo cáo không còn trong hệ thống.")
    progress(5, "Đang tính các con số và viết báo cáo Word…")
    report = services.generate_report(
        job.unit,
        params["year"],
        actor=job.user,
        options=ReportOptions.from_json(params.get("options")),
    )
    result = {
        "report_id": report.pk,
        "docx_url": reverse("reports:download", args=[report.pk]),
        "sources_url": reverse("reports:sources", args=[report.pk]),
    }
    if not params.get("pdf"):
        return result
    progress(60, "Đã viết báo cáo Word. Đang chuyển sang PDF (LibreOffice)…")
    try:
        with tempfile.TemporaryDirectory(prefix="tuyengiao-job-") as folder:
            docx_path = Path(folder) / report.filename
            with report.file.open("rb") as source:
                docx_path.write_bytes(source.read())
            pdf_path = pdf.convert(docx_path, Path(folder) / "pdf")
            with pdf_path.open("rb") as data:
                job.result_file.save(pdf_path.name, File(data), save=False)
    except Exception:
        _discard(report, job)
        raise
    result["pdf_url"] = reverse("notifications:job_file", args=[job.pk])
    return result


def _discard(report, job) -> None:
    """The PDF failed: the report made for this job goes too, so nothing is half-done."""
    with transaction.atomic():
        audit.record(job.user, "report.discard", report, unit=report.unit, job=str(job.pk))
        name = report.file.name
        report.delete()
    report.file.storage.delete(name)


def _input(job: Job) -> File:
    """The stored upload, opened under the name the person gave it."""
    if not job.input_file:
        raise DomainError("Không còn tệp tải lên của việc này; hãy tải tệp lên lại.")
    handle = job.input_file.open("rb")
    return File(handle, name=job.params.get("filename") or Path(job.input_file.name).name)


def register_import(job: Job, progress: Progress) -> dict:
    """A big document register (.xlsx or CSV) through documents' own import service."""
    from tuyengiao.documents import imports

    progress(10, "Đang kiểm tra từng dòng và đăng ký văn bản…")
    with _input(job) as upload:
        result = imports.import_register(actor=job.user, upload=upload, issuing_unit=job.unit)
    return {
        "message": f"Đã nhập {format_number(result.created)} văn bản.",
        "warnings": result.warnings[:200],
        "list_url": f"{reverse('documents:list')}?issuing_unit={job.unit.code}",
    }


def reporting_excel_import(job: Job, progress: Progress) -> dict:
    """A big filled Excel template through reporting's own import: every row or none."""
    from tuyengiao.reporting.excel_import import import_workbook
    from tuyengiao.reporting.models import Form, Period

    params = job.params
    form = Form.objects.get(code=params["form"])
    period = Period.objects.get(code=params["period"])
    progress(10, "Đang kiểm tra từng dòng của tệp Excel…")
    with _input(job) as upload:
        result = import_workbook(upload, form, period, actor=job.user, submit=params["submit"])
    if not result.ok:
        raise ValidationFailed(
            result.messages,
            f"Tệp có {format_number(len(result.problems))} lỗi, chưa lưu dữ liệu nào.",
        )
    verb = "gửi" if result.submitted else "lưu nháp"
    return {
        "message": f"Đã {verb} số liệu của {format_number(len(result.saved))} đơn vị.",
        "list_url": reverse("reporting:forms"),
    }


def register_export(job: Job, progress: Progress) -> dict:
    """A big register export (.xlsx): the same filter and visibility as the page, as the
    person who asked (classified titles stay hidden from those without clearance)."""
    from types import SimpleNamespace

    from django.core.files.base import ContentFile
    from django.http import QueryDict

    from tuyengiao.documents import views

    progress(10, "Đang lập danh sách văn bản…")
    request = SimpleNamespace(user=job.user, GET=QueryDict(job.params.get("query", "")))
    documents = views.register_queryset(request)
    progress(40, "Đang ghi tệp Excel…")
    job.result_file.save("so-van-ban.xlsx", ContentFile(views.register_xlsx(documents)), save=False)
    return {"file_url": reverse("notifications:job_file", args=[job.pk])}


RUNNERS = {
    "register_export": register_export,
    "year_end_report": year_end_report,
    "register_import": register_import,
    "reporting_excel_import": reporting_excel_import,
}
