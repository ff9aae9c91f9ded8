import datetime as dt

import pytest

# The reporting engine's fixtures (HT-NQ, its 2023 round); the district and its two wards
# are the root conftest's.
from tuyengiao.reporting.tests.conftest import form, year_2023  # noqa: F401

# The demo's 2023 round of HT-NQ is due on 15/01/2024 (period end + 15 days).
DEADLINE_2023 = dt.date(2024, 1, 15)


@pytest.fixture
def run_worker(monkeypatch):
    """`tuyengiao worker --batch`: the real worker loop, run until the queue is empty.

    In production the loop drops stale database connections between tasks; inside a
    test's transaction that would close the test's own connection (on PostgreSQL)."""
    from django.core.management import call_command
    from django_tasks_db.management.commands import db_worker

    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    return lambda: call_command("worker", "--batch", verbosity=0)
