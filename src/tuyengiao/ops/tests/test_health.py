import logging
from datetime import timedelta

import pytest
from django.apps import apps
from django.db import OperationalError
from django.utils import timezone

from tuyengiao.ops import health

pytestmark = pytest.mark.django_db


def test_health_answers_ok_in_json_without_login(client):
    response = client.get("/health/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "no-cache" in response["Cache-Control"]
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "storage", "disk", "worker"}
    assert all(check["ok"] for check in body["checks"].values())
    assert body["checks"]["database"]["detail"] in ("sqlite", "postgresql")
    assert body["checks"]["disk"]["detail"].endswith(" MB")


def test_the_storage_check_leaves_no_file_behind(client, settings):
    client.get("/health/")

    assert not list((settings.MEDIA_ROOT / "health").iterdir())


def test_a_full_disk_is_a_503_that_says_so_in_vietnamese(client, settings):
    settings.HEALTH_MIN_FREE_MB = 10**12

    response = client.get("/health/")

    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "error"
    assert body["checks"]["disk"]["ok"] is False
    assert "Ổ đĩa chỉ còn trống" in body["checks"]["disk"]["detail"]
    assert body["checks"]["database"]["ok"] is True


def test_unwritable_stored_files_are_a_503(client, settings, tmp_path):
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("x")
    settings.MEDIA_ROOT = blocker / "media"

    response = client.get("/health/")

    assert response.status_code == 503
    assert response.json()["checks"]["storage"]["ok"] is False


def test_a_failing_check_names_no_host_and_logs_the_traceback(client, monkeypatch, caplog):
    def database():
        raise OperationalError('connection to server at "10.9.8.7" failed')

    monkeypatch.setitem(health.CHECKS, "database", database)

    with caplog.at_level(logging.ERROR, logger="tuyengiao.ops.health"):
        response = client.get("/health/")

    assert response.status_code == 503
    detail = response.json()["checks"]["database"]["detail"]
    assert "10.9.8.7" not in detail
    assert "nhật ký máy chủ" in detail
    (record,) = [r for r in caplog.records if r.name == "tuyengiao.ops.health"]
    assert record.exc_info and "10.9.8.7" in str(record.exc_info[1])


def test_only_get_is_allowed(client):
    assert client.post("/health/").status_code == 405


@pytest.mark.skipif(
    not apps.is_installed("django_tasks_db"), reason="the background queue is not installed"
)
def test_a_task_left_waiting_means_no_worker_and_a_503(client):
    from django_tasks_db.models import DBTaskResult

    from tuyengiao.ops.tests.tasks import probe

    result = probe.enqueue()
    assert client.get("/health/").json()["checks"]["worker"]["ok"] is True  # just enqueued

    DBTaskResult.objects.filter(id=result.id).update(
        enqueued_at=timezone.now() - timedelta(minutes=25)
    )
    response = client.get("/health/")

    assert response.status_code == 503
    worker = response.json()["checks"]["worker"]
    assert worker["ok"] is False
    assert "đã chờ 25 phút" in worker["detail"]


@pytest.mark.skipif(
    not apps.is_installed("django_tasks_db"), reason="the background queue is not installed"
)
def test_a_task_set_for_later_is_not_a_waiting_one(client):
    from django_tasks_db.models import DBTaskResult

    from tuyengiao.ops.tests.tasks import probe

    result = probe.using(run_after=timezone.now() + timedelta(hours=1)).enqueue()
    DBTaskResult.objects.filter(id=result.id).update(
        enqueued_at=timezone.now() - timedelta(hours=2)
    )

    assert client.get("/health/").json()["checks"]["worker"]["ok"] is True
