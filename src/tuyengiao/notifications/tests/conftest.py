import datetime as dt

import pytest

from tuyengiao.orgs.models import OrgUnit
from tuyengiao.reporting.models import Form, Period

# The demo's 2023 round of HT-NQ is due on 15/01/2024 (period end + 15 days).
DEADLINE_2023 = dt.date(2024, 1, 15)


@pytest.fixture
def form(db):
    return Form.objects.get(code="HT-NQ")


@pytest.fixture
def year_2023(db):
    return Period.objects.get(code="2023")


@pytest.fixture
def district(db):
    return OrgUnit.objects.get(code="QU-Q1")


@pytest.fixture
def ben_nghe(db):
    return OrgUnit.objects.get(code="DU-BEN-NGHE")


@pytest.fixture
def ben_thanh(db):
    return OrgUnit.objects.get(code="DU-BEN-THANH")


@pytest.fixture
def good_values():
    return {
        "members_total": "320",
        "members_required": "290",
        "members_attended": "275",
        "non_members_attended": "180",
    }


@pytest.fixture
def run_worker(monkeypatch):
    """`tuyengiao worker --batch`: the real worker loop, run until the queue is empty.

    In production the loop drops stale database connections between tasks; inside a
    test's transaction that would close the test's own connection (on PostgreSQL)."""
    from django.core.management import call_command
    from django_tasks_db.management.commands import db_worker

    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    return lambda: call_command("worker", "--batch", verbosity=0)
