"""The documents app's background jobs (run by notifications' worker): a big register
import and a big register export."""

from __future__ import annotations

from types import SimpleNamespace

from django.core.files.base import ContentFile
from django.http import QueryDict
from django.urls import reverse

from tuyengiao.core.text import format_number
from tuyengiao.notifications import jobs
from tuyengiao.notifications.jobs import Progress
from tuyengiao.notifications.models import Job

from . import imports, views


@jobs.runner("register_import")
def register_import(job: Job, progress: Progress) -> dict:
    """A big document register (.xlsx or CSV) through documents' own import service."""
    progress(10, "Đang kiểm tra từng dòng và đăng ký văn bản…")
    with jobs.input_file(job) as upload:
        result = imports.import_register(actor=job.user, upload=upload, issuing_unit=job.unit)
    return {
        "message": f"Đã nhập {format_number(result.created)} văn bản.",
        "warnings": result.warnings[:200],
        "list_url": f"{reverse('documents:list')}?issuing_unit={job.unit.code}",
    }


@jobs.runner("register_export")
def register_export(job: Job, progress: Progress) -> dict:
    """A big register export (.xlsx): the same filter and visibility as the page, as the
    person who asked (classified titles stay hidden from those without clearance)."""
    progress(10, "Đang lập danh sách văn bản…")
    request = SimpleNamespace(user=job.user, GET=QueryDict(job.params.get("query", "")))
    documents = views.register_queryset(request)
    progress(40, "Đang ghi tệp Excel…")
    job.result_file.save("so-van-ban.xlsx", ContentFile(views.register_xlsx(documents)), save=False)
    return {"file_url": reverse("notifications:job_file", args=[job.pk])}
