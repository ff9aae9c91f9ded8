"""`/health/` for the proxy and a monitor: JSON, 200 when every check passes, else 503.

No login and no detail an outsider could use: each check says ok or what is wrong in a
sentence. Checks: the database answers, stored files can be written and read back, the
disks of the stored files and the database have room, and the background queue is drained
(a task ready for longer than HEALTH_QUEUE_MAX_AGE seconds means no worker is running).
"""

from __future__ import annotations

import logging
import shutil
import time
import uuid
from datetime import timedelta
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.db.models import Q
from django.http import JsonResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

log = logging.getLogger(__name__)


class Unhealthy(Exception):
    pass


def database() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        if cursor.fetchone()[0] != 1:
            raise Unhealthy(_("The database gave a wrong answer."))
    return connection.vendor


def storage() -> str:
    name = default_storage.save(f"health/{uuid.uuid4().hex}.txt", ContentFile(b"ok"))
    try:
        with default_storage.open(name) as stored:
            if stored.read() != b"ok":
                raise Unhealthy(_("A stored file reads back differently."))
    finally:
        default_storage.delete(name)
    return "ok"


def _disk_paths() -> list[Path]:
    paths = [Path(settings.MEDIA_ROOT)]
    if connection.vendor == "sqlite":
        paths.append(Path(connection.settings_dict["NAME"]).parent)
    return [path for path in paths if path.exists()]


def disk() -> str:
    minimum = settings.HEALTH_MIN_FREE_MB
    free = min(shutil.disk_usage(path).free for path in _disk_paths()) // (1024 * 1024)
    if free < minimum:
        raise Unhealthy(
            _("Only %(free)s MB free on disk, less than %(minimum)s MB.")
            % {"free": free, "minimum": minimum}
        )
    return f"{free} MB"


def worker() -> str:
    """The oldest task waiting to run: older than the limit means no worker takes tasks."""
    if not apps.is_installed("django_tasks_db"):
        return "-"
    from django_tasks_db.models import DBTaskResult, get_date_max

    now = timezone.now()
    limit = now - timedelta(seconds=settings.HEALTH_QUEUE_MAX_AGE)
    # Waiting since it was enqueued, or since its run_after for a task set for later.
    waiting = DBTaskResult.objects.ready().filter(
        Q(run_after=get_date_max(), enqueued_at__lt=limit) | Q(run_after__lt=limit)
    )
    oldest = waiting.order_by("enqueued_at").values_list("enqueued_at", "run_after").first()
    if oldest is not None:
        since = oldest[0] if oldest[1] == get_date_max() else oldest[1]
        minutes = int((now - since).total_seconds() // 60)
        raise Unhealthy(
            _("A background task has waited %(minutes)s minutes: is the worker running?")
            % {"minutes": minutes}
        )
    return "ok"


CHECKS = {"database": database, "storage": storage, "disk": disk, "worker": worker}


def run_checks() -> dict:
    results = {}
    for name, check in CHECKS.items():
        started = time.perf_counter()
        try:
            detail, ok = check(), True
        except Unhealthy as exc:
            detail, ok = str(exc), False
        except Exception:  # a health check reports, it never fails itself
            # The traceback goes to the log; the public answer names no host or path.
            log.exception("health check %s failed", name)
            detail, ok = _("The check failed; the server log has the details."), False
        results[name] = {
            "ok": ok,
            "detail": detail,
            "ms": round((time.perf_counter() - started) * 1000, 1),
        }
    return results


@never_cache
@require_GET
def health(request):
    checks = run_checks()
    healthy = all(result["ok"] for result in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "error", "checks": checks},
        status=200 if healthy else 503,
        json_dumps_params={"ensure_ascii": False},
    )
