"""A task for the health tests: enqueued, never run (no worker runs during the tests)."""

from django.apps import apps

if apps.is_installed("django_tasks"):
    from django_tasks import task

    @task()
    def probe():
        return "ok"
