"""The year-end report as a background job: progress, result, failure, who may see it."""

import pytest
from django.urls import reverse

from tuyengiao.core.testing import assert_hidden_from
from tuyengiao.notifications.models import Job, Notification
from tuyengiao.reports.models import GeneratedReport

pytestmark = pytest.mark.django_db
START = reverse("notifications:report_job", args=["QU-Q1", 2022])
OPTIONS = {"number": "05", "date": "2023-02-10", "recipients": "Ban Tuyên giáo Thành ủy\nLưu VP"}


def start(client, specialist, django_capture_on_commit_callbacks) -> Job:
    client.force_login(specialist)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(START, OPTIONS)
    job = Job.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/notifications/jobs/{job.pk}/"
    return job


def test_the_report_is_made_by_the_worker_with_progress_and_a_pdf(
    run_worker, client, specialist, django_capture_on_commit_callbacks
):
    job = start(client, specialist, django_capture_on_commit_callbacks)
    page = client.get(reverse("notifications:job", args=[job.pk])).content.decode()
    assert "Đang chờ" in page and 'hx-trigger="every 1000ms"' in page  # the page polls
    assert not GeneratedReport.objects.exists()  # nothing ran inside the request

    run_worker()

    job.refresh_from_db()
    assert (job.status, job.progress, job.error) == ("done", 100, "")
    assert [s["percent"] for s in job.steps] == [5, 60, 100]
    report = GeneratedReport.objects.get()
    assert (report.unit.code, report.year, report.generated_by) == ("QU-Q1", 2022, specialist)
    fragment = client.get(
        reverse("notifications:job", args=[job.pk]), HTTP_HX_REQUEST="true"
    ).content.decode()
    assert "hx-trigger" not in fragment  # finished: the polling stops
    assert "Tải bản PDF" in fragment and "Tải bản Word (.docx)" in fragment
    pdf = client.get(reverse("notifications:job_file", args=[job.pk]))
    assert b"".join(pdf.streaming_content)[:5] == b"%PDF-"
    notice = Notification.objects.get(user=specialist, kind="job")
    assert notice.title == "Đã xong: Báo cáo tổng kết năm 2022 — Quận ủy Quận 1"


def test_a_failed_pdf_shows_its_vietnamese_error_and_keeps_no_report(
    run_worker, client, specialist, django_capture_on_commit_callbacks, monkeypatch
):
    from tuyengiao.reports import pdf

    monkeypatch.setattr(pdf, "soffice", lambda: None)
    job = start(client, specialist, django_capture_on_commit_callbacks)
    run_worker()
    job.refresh_from_db()
    assert job.status == "failed"
    assert job.error.startswith("Không tìm thấy LibreOffice (lệnh soffice) để chuyển sang PDF.")
    assert not GeneratedReport.objects.exists()
    page = client.get(reverse("notifications:job", args=[job.pk])).content.decode()
    assert "Không thành công" in page and "Không tìm thấy LibreOffice" in page


def test_bad_options_start_nothing_and_name_the_field(client, specialist):
    client.force_login(specialist)
    response = client.post(START, {**OPTIONS, "number": "05-BC"}, follow=True)
    assert "Số báo cáo «05-BC» không hợp lệ" in response.content.decode()
    assert not Job.objects.exists()


def test_only_who_may_write_the_report_starts_it_and_only_they_see_the_job(
    client, specialist, reporter, outsider, viewer, django_capture_on_commit_callbacks
):
    for user in (reporter, viewer):
        client.force_login(user)
        assert client.post(START, OPTIONS).status_code in (403, 404)
    ward_start = reverse("notifications:report_job", args=["DU-BEN-NGHE", 2022])
    assert_hidden_from(client, outsider, ward_start, "post", **OPTIONS)
    job = start(client, specialist, django_capture_on_commit_callbacks)
    for user in (outsider, reporter):
        assert_hidden_from(client, user, reverse("notifications:job", args=[job.pk]))
        assert_hidden_from(client, user, reverse("notifications:job_file", args=[job.pk]))
