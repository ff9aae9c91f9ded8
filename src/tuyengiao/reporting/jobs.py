"""The reporting app's background job (run by notifications' worker): a big filled Excel
template imported every row or none."""

from __future__ import annotations

from django.urls import reverse

from tuyengiao.core.errors import ValidationFailed
from tuyengiao.core.text import format_number
from tuyengiao.notifications import jobs
from tuyengiao.notifications.jobs import Progress
from tuyengiao.notifications.models import Job

from .excel_import import import_workbook
from .models import Form, Period


@jobs.runner("reporting_excel_import")
def reporting_excel_import(job: Job, progress: Progress) -> dict:
    """A big filled Excel template through reporting's own import: every row or none."""
    params = job.params
    form = Form.objects.get(code=params["form"])
    period = Period.objects.get(code=params["period"])
    progress(10, "Đang kiểm tra từng dòng của tệp Excel…")
    with jobs.input_file(job) as upload:
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
