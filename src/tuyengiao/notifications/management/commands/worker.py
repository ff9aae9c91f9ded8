"""`tuyengiao worker`: runs the background tasks and the periodic jobs (07:00 reminders).

With the default database queue it is django-tasks-db's worker plus our scheduler thread;
with TASKS_BACKEND=django_tasks_rq.RQBackend it hands over to django-rq's `rqworker`.
"""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils.crypto import get_random_string

from tuyengiao.notifications.scheduler import Scheduler


class Command(BaseCommand):
    help = "Chạy các việc nền và việc định kỳ (nhắc báo cáo lúc 07:00)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--batch", action="store_true", help="Chạy hết các việc đang chờ rồi dừng."
        )
        parser.add_argument(
            "--no-scheduler", action="store_true", help="Không chạy các việc định kỳ."
        )
        parser.add_argument(
            "--interval", type=float, default=1.0, help="Số giây chờ khi hàng đợi trống."
        )

    def handle(self, *args, batch=False, no_scheduler=False, interval=1.0, **options):
        backend = settings.TASKS["default"]["BACKEND"]
        scheduler = None
        if not no_scheduler and not batch:
            scheduler = Scheduler()
            scheduler.start()
        if options["verbosity"]:
            self.stdout.write(f"Tiến trình nền đang chạy ({backend}). Ctrl+C để dừng.")
            self.stdout.flush()
        try:
            if "rq" in backend.lower():
                call_command("rqworker", "default", burst=batch)
                return
            from django_tasks_db.management.commands.db_worker import Worker

            worker = Worker(
                queue_names=["*"],
                interval=interval,
                batch=batch,
                backend_name="default",
                startup_delay=False,
                max_tasks=None,
                worker_id=get_random_string(32),
                excluded_queue_names=[],
            )
            if not batch:
                worker.configure_signals()
            worker.run()
        finally:
            if scheduler is not None:
                scheduler.stop()
