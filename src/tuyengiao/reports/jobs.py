"""The reports app's background job (run by notifications' worker): the year-end report
through the app's own service, then its PDF."""

from __future__ import annotations

import tempfile
from pathlib import Path

from django.core.files import File
from django.db import transaction
from django.urls import reverse

from tuyengiao.core import audit
from tuyengiao.core.errors import DomainError
from tuyengiao.notifications import jobs
from tuyengiao.notifications.jobs import Progress
from tuyengiao.notifications.models import Job

from . import pdf, services
from .content import ReportOptions


@jobs.runner("year_end_report")
def year_end_report(job: Job, progress: Progress) -> dict:
    """The year-end report through the reports app's own service, then the PDF."""
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
