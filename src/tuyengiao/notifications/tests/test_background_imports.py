"""Big imports run in the worker: the page answers at once with a progress page, the job
saves every row or none and says why in Vietnamese."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tuyengiao.documents.models import Document
from tuyengiao.notifications.models import Job
from tuyengiao.reporting.models import Submission
from tuyengiao.reporting.tests.excel_helpers import GOOD, as_upload, fill, template_for

pytestmark = pytest.mark.django_db
HEADER = '"Số, ký hiệu",Ngày ban hành,Trích yếu\n'


@pytest.fixture(autouse=True)
def small_threshold(settings):
    settings.BACKGROUND_IMPORT_ROWS = 3  # files of 4 rows and more go to the worker


def register(lines: list[str]) -> SimpleUploadedFile:
    return SimpleUploadedFile("so-van-ban.csv", (HEADER + "".join(lines)).encode())


def post_register(client, specialist, file, capture) -> Job:
    client.force_login(specialist)
    with capture(execute=True):
        response = client.post(reverse("documents:import"), {"issuing_unit": "QU-Q1", "file": file})
    job = Job.objects.get()
    assert response.status_code == 302 and response["Location"] == job.get_absolute_url()
    return job


def test_a_big_register_is_imported_by_the_worker(
    run_worker, client, specialist, django_capture_on_commit_callbacks
):
    lines = [f"{950 + i}-KH/QU,{i + 1:02d}/03/2022,Kế hoạch số {i}\n" for i in range(6)]
    job = post_register(client, specialist, register(lines), django_capture_on_commit_callbacks)
    assert not Document.objects.filter(number_text="950-KH/QU").exists()

    run_worker()

    job.refresh_from_db()
    assert (job.status, job.result["message"]) == ("done", "Đã nhập 6 văn bản.")
    assert Document.objects.filter(number_text__in=["950-KH/QU", "955-KH/QU"]).count() == 2
    assert not job.input_file  # the upload is not kept
    page = client.get(job.get_absolute_url()).content.decode()
    assert "Đã nhập 6 văn bản." in page and "Xem kết quả" in page


def test_a_big_register_with_a_bad_row_saves_nothing_and_says_where(
    run_worker, client, specialist, django_capture_on_commit_callbacks
):
    lines = [f"{960 + i}-KH/QU,{i + 1:02d}/03/2022,Kế hoạch số {i}\n" for i in range(5)]
    lines.append("966-KH/QU,xx,Kế hoạch hỏng\n")
    job = post_register(client, specialist, register(lines), django_capture_on_commit_callbacks)
    run_worker()
    job.refresh_from_db()
    assert job.status == "failed"
    assert job.error == "Có 1 lỗi, chưa lưu dữ liệu nào."
    assert "Dòng 7, cột «Ngày ban hành»: «xx» không phải ngày" in job.result["errors"][0]
    assert not Document.objects.filter(
        number_text__startswith="96", issuing_unit__code="QU-Q1", title__startswith="Kế hoạch số"
    ).exists()
    page = client.get(job.get_absolute_url()).content.decode()
    assert "Dòng 7, cột «Ngày ban hành»" in page


def test_a_small_register_is_still_imported_in_the_request(client, specialist):
    client.force_login(specialist)
    file = register(["970-KH/QU,01/03/2022,Kế hoạch nhỏ\n"])
    response = client.post(reverse("documents:import"), {"issuing_unit": "QU-Q1", "file": file})
    assert response.status_code == 302 and not Job.objects.exists()
    assert Document.objects.filter(number_text="970-KH/QU").exists()


def test_a_big_excel_report_is_imported_by_the_worker(
    run_worker, client, specialist, django_capture_on_commit_callbacks
):
    workbook = template_for(specialist)  # one row per unit: 51 rows
    fill(workbook, "DU-BEN-NGHE", **GOOD)
    fill(workbook, "DU-CAU-KHO", **GOOD)
    client.force_login(specialist)
    url = reverse("reporting:excel_upload", args=["HT-NQ", "2023"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"file": as_upload(workbook)})
    job = Job.objects.get()
    assert response["Location"] == job.get_absolute_url()
    assert not Submission.objects.filter(unit__code="DU-BEN-NGHE", period__code="2023").exists()

    run_worker()

    job.refresh_from_db()
    assert (job.status, job.result["message"]) == ("done", "Đã lưu nháp số liệu của 2 đơn vị.")
    draft = Submission.objects.get(unit__code="DU-BEN-NGHE", period__code="2023")
    assert draft.status == "draft"


def test_a_big_excel_report_with_an_error_saves_nothing(
    run_worker, client, specialist, django_capture_on_commit_callbacks
):
    workbook = template_for(specialist)
    fill(workbook, "DU-BEN-NGHE", **GOOD)
    fill(workbook, "DU-CAU-KHO", **{**GOOD, "members_total": "nhiều"})
    client.force_login(specialist)
    url = reverse("reporting:excel_upload", args=["HT-NQ", "2023"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"file": as_upload(workbook)})
    run_worker()
    job = Job.objects.get()
    assert (job.status, job.error) == ("failed", "Tệp có 1 lỗi, chưa lưu dữ liệu nào.")
    assert "nhiều" in job.result["errors"][0]
    assert not Submission.objects.filter(unit__code="DU-BEN-NGHE", period__code="2023").exists()


def _rows(data: bytes) -> list[tuple]:
    import io

    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(data)).active
    return [tuple(row) for row in sheet.iter_rows(values_only=True)]


def test_a_big_register_export_is_written_by_the_worker_as_the_person_asked_it(
    run_worker, client, specialist, outsider, settings, django_capture_on_commit_callbacks
):
    from tuyengiao.core.testing import assert_hidden_from

    url = reverse("documents:export") + "?year=2022"
    client.force_login(specialist)
    in_request = client.get(url).content  # under the default threshold: in the request
    settings.BACKGROUND_EXPORT_ROWS = 100
    with django_capture_on_commit_callbacks(execute=True):
        response = client.get(url)
    job = Job.objects.get()
    assert response["Location"] == job.get_absolute_url()
    run_worker()
    job.refresh_from_db()
    assert job.status == "done"
    download = client.get(job.result["file_url"])
    assert _rows(b"".join(download.streaming_content)) == _rows(in_request)
    assert_hidden_from(client, outsider, job.result["file_url"])
