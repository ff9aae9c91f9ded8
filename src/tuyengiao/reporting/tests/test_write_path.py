"""Issue 17: the SQL statements of one API write, counted. A draft save is the unit's
assignment found and locked with its submission (one statement), the stored values and the
previous period's figures (one), the submission touched, the values upserted, their history
and the audit row inserted — 8 with the transaction's SAVEPOINT/RELEASE (BEGIN IMMEDIATE
and COMMIT in production)."""

import pytest
from django.db import transaction
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from tuyengiao.core.models import AuditEvent
from tuyengiao.reporting.models import Submission, ValueChange

pytestmark = pytest.mark.django_db
SUBMISSIONS = "/api/submissions/"


def _figures(n):
    return {
        "members_total": 20 + n,
        "members_required": 15 + n,
        "members_attended": 10 + n,
        "non_members_attended": n,
    }


def _statements(call):
    with CaptureQueriesContext(transaction.get_connection()) as queries:
        response = call()
    assert response.status_code in (200, 201), response.content
    return response, [q["sql"] for q in queries.captured_queries]


@pytest.fixture
def api(reporter):
    client = APIClient()
    client.force_authenticate(reporter)
    client.post(SUBMISSIONS, _draft(1), format="json")  # the draft exists, the spec is kept
    return client


def _draft(n):
    return {"form": "HT-NQ", "period": "2023", "unit": "DU-BEN-NGHE", "values": _figures(n)}


def test_a_draft_save_through_the_api_takes_at_most_8_statements(api, year_2023):
    response, sql = _statements(lambda: api.post(SUBMISSIONS, _draft(5), format="json"))
    assert len(sql) <= 8
    # and it is the whole save: values, their history and the audit row, in the answer too
    submission = Submission.objects.get(unit__code="DU-BEN-NGHE", period=year_2023)
    stored = {v.field.code: int(v.number) for v in submission.values.select_related("field")}
    assert stored == _figures(5) == response.json()["values"]
    assert ValueChange.objects.filter(submission=submission, new_number=25).exists()
    assert AuditEvent.objects.filter(
        verb="submission.save_draft", object_id=str(submission.pk), data__changed=4
    ).exists()


def test_a_refused_draft_save_writes_nothing_and_costs_little(api, year_2023):
    before = ValueChange.objects.count(), AuditEvent.objects.count()
    bad = _draft(5)
    bad["values"]["members_attended"] = 999  # more than required: a rule refuses it
    with CaptureQueriesContext(transaction.get_connection()) as queries:
        response = api.post(SUBMISSIONS, bad, format="json")
    assert response.status_code == 400
    assert "members_attended" in response.json()["errors"]
    assert (ValueChange.objects.count(), AuditEvent.objects.count()) == before
    assert len(queries.captured_queries) <= 4


def test_a_submit_takes_a_bounded_number_of_statements(api, year_2023):
    pk = Submission.objects.get(unit__code="DU-BEN-NGHE", period=year_2023).pk
    response, sql = _statements(lambda: api.post(f"{SUBMISSIONS}{pk}/submit/", format="json"))
    assert response.json()["status"] == "submitted"
    assert response.json()["values"] == _figures(1)
    data = [s for s in sql if not s.startswith(("SAVEPOINT", "RELEASE"))]
    mine = [s for s in data if "notifications_" not in s and "auth_user" not in s]
    print(
        f"\nsubmit: {len(sql)} statements, {len(data)} without savepoints, "
        f"{len(mine)} without the notifications"
    )
    # get, lock, values (and the previous period's), the row and its history row, the kept
    # totals (chain, own assignments, submissions, values, children's rows, delete, insert)
    # and the audit row; the notifications app adds its own (about 2 + one per receiver).
    assert len(mine) <= 14  # 13 here, and the notifications re-read the submission
