"""Periodic jobs: settings.PERIODIC_TASKS, each (name, "HH:MM" local time, task path).

Every worker runs a scheduler; the first to insert today's PeriodicRun row for a job
enqueues it, so two workers (or a restarted one) never run a morning job twice. A worker
started after the hour catches up the same day.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading

from django.conf import settings
from django.db import IntegrityError, close_old_connections, transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from .models import PeriodicRun

log = logging.getLogger(__name__)


def parse_time(text: str) -> dt.time:
    try:
        return dt.time.fromisoformat(text)
    except ValueError as exc:
        raise ValueError(f"Giờ chạy «{text}» không đúng dạng HH:MM.") from exc


def tick(now: dt.datetime | None = None) -> list[str]:
    """Enqueue the jobs whose hour has come today and that no worker started yet."""
    local = timezone.localtime(now or timezone.now())
    started = []
    for name, at, path in settings.PERIODIC_TASKS:
        if local.time() < parse_time(at):
            continue
        try:
            with transaction.atomic():
                PeriodicRun.objects.create(name=name, day=local.date())
                task = import_string(path)
                transaction.on_commit(lambda task=task: task.enqueue())
        except IntegrityError:
            continue
        started.append(name)
        log.info("periodic job %s enqueued for %s", name, local.date())
    return started


class Scheduler(threading.Thread):
    def __init__(self, interval: float = 30):
        super().__init__(name="tuyengiao-scheduler", daemon=True)
        self.interval = interval
        self.stopped = threading.Event()

    def run(self):
        while True:
            try:
                tick()
            except Exception:
                log.exception("periodic scheduler tick failed")
            finally:
                close_old_connections()
            if self.stopped.wait(self.interval):
                return

    def stop(self):
        self.stopped.set()
