"""Kept totals (issue 17): after every verb, the stored rows are what the values give, and
a rollup or breakdown read from them is the one read from the values."""

import datetime as dt
from unittest import mock

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tuyengiao.core.actors import SYSTEM
from tuyengiao.core.errors import DomainError
from tuyengiao.orgs import services as orgs
from tuyengiao.orgs.choices import UnitKind
from tuyengiao.orgs.services import UnitSpec, create_unit
from tuyengiao.reporting import review, services, totals
from tuyengiao.reporting.models import Assignment, Submission, Total
from tuyengiao.reporting.rollup import children_breakdown, rollup

pytestmark = pytest.mark.django_db

START = dt.date(2000, 1, 1)
VERBS = [
    "assign",
    "unassign",
    "save",
    "submit",
    "return",
    "approve",
    "reopen",
    "save_many",
    "approve_all",
    "close",
]
_counter = iter(range(10**6))


def _raw(function, *args, **kwargs):
    """The same call reading the values, not the kept totals."""
    with mock.patch.object(totals, "reads", return_value=False):
        return function(*args, **kwargs)


def _figures(seed: int) -> dict:
    total = 20 + seed % 300
    required = total - seed % 7
    return {
        "members_total": total,
        "members_required": required,
        "members_attended": required - seed % 5,
        "non_members_attended": seed % 90,
    }


def _tree():
    n = next(_counter)
    root = create_unit(
        UnitSpec(f"KT{n}", f"Gốc {n}", UnitKind.CITY_COMMITTEE),
        parent=None,
        valid_from=START,
        actor=SYSTEM,
    )
    units = []
    for i in range(2):
        commune = create_unit(
            UnitSpec(f"KT{n}-{i}", f"Xã {i}", UnitKind.COMMUNE_COMMITTEE),
            parent=root,
            valid_from=START,
            actor=SYSTEM,
        )
        units.append(commune)
        for j in range(2):
            units.append(
                create_unit(
                    UnitSpec(f"KT{n}-{i}-{j}", f"Cơ sở {j}", UnitKind.GRASSROOTS),
                    parent=commune,
                    valid_from=START,
                    actor=SYSTEM,
                )
            )
    return root, units


def _do(verb, unit, seed, *, form, period, root, units, admin, approver):
    submission = Submission.objects.filter(form=form, period=period, unit=unit).first()
    if verb == "assign":
        services.assign_form(form, root, period, actor=admin, kind=None, units=[unit])
    elif verb == "unassign":
        Assignment.objects.filter(form=form, period=period, unit=unit).delete()
    elif verb == "save":
        services.save_draft(form, unit, period, _figures(seed), actor=admin)
    elif verb == "submit":
        services.submit(form, unit, period, _figures(seed) if seed % 2 else None, actor=admin)
    elif verb == "return" and submission:
        review.return_submission(submission, "Xem lại số liệu.", actor=approver)
    elif verb == "approve" and submission:
        review.approve(submission, actor=approver)
    elif verb == "reopen" and submission:
        review.reopen(submission, "Sửa số liệu.", actor=approver)
    elif verb == "save_many":
        chosen = {u: _figures(seed + i) for i, u in enumerate(units) if (seed >> i) & 1}
        services.save_many(form, period, chosen, actor=admin, submit=bool(seed % 2))
    elif verb == "approve_all":
        review.approve_all_valid(form, root, period, actor=approver)
    elif verb == "close" and unit.numchild == 0 and unit.valid_to is None:
        # merged into a sibling before the period's last day: no longer counted in it
        sibling = next(u for u in units if u.pk != unit.pk and u.depth == unit.depth)
        orgs.merge_units([unit], sibling, parent=None, date=period.end, actor=admin)


def _assert_in_step(form, period, root, units):
    assert totals.differences(form.pk, period) == []
    for unit in [root, *units]:
        unit.refresh_from_db()
        for include_submitted, level in ((False, None), (True, None), (False, 1)):
            options = {"include_submitted": include_submitted, "level": level}
            kept = rollup(form, unit, period, **options)
            raw = _raw(rollup, form, unit, period, **options)
            assert kept.as_json() == raw.as_json(), unit.code
    kept = children_breakdown(form, root, period, include_submitted=True)
    raw = _raw(children_breakdown, form, root, period, include_submitted=True)
    assert [(r.unit.pk, r.fields, r.completeness) for r in kept] == [
        (r.unit.pk, r.fields, r.completeness) for r in raw
    ]


steps = st.lists(
    st.tuples(st.sampled_from(VERBS), st.integers(0, 5), st.integers(0, 2**12)),
    min_size=1,
    max_size=14,
)


@pytest.mark.slow
@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(steps=steps, levels=st.sampled_from([1, 2]))
def test_random_verbs_keep_the_totals_equal_to_the_values(steps, levels, form, admin, second_admin):
    with transaction.atomic():
        form.approval_levels = levels  # two: the unit's leader, then from above
        form.save()
        period = services.get_or_create_period("2031")
        root, units = _tree()
        services.assign_form(form, root, period, actor=admin)  # the four grassroots
        context = {
            "form": form,
            "period": period,
            "root": root,
            "units": units,
            "admin": admin,
            "approver": second_admin,
        }
        for verb, index, seed in steps:
            unit = units[index]
            unit.refresh_from_db()
            try:
                _do(verb, unit, seed, **context)
            except DomainError:
                pass  # a verb refused in this state changes nothing
            _assert_in_step(form, period, root, units)
        transaction.set_rollback(True)


def test_the_district_rollup_reads_the_kept_totals_not_the_values(
    form, district, year_2022, django_assert_max_num_queries
):
    with CaptureQueriesContext(transaction.get_connection()) as queries:
        result = rollup(form, district, year_2022)
    sql = " ".join(q["sql"] for q in queries.captured_queries)
    assert "reporting_total" in sql and "reporting_value" not in sql
    assert result.fields["members_attended"] == 6513


def test_a_newly_approved_report_shows_in_the_very_next_rollup(
    form, district, year_2023, reporter, approver
):
    before = rollup(form, district, year_2023)
    ben_nghe = reporter.memberships.get().unit
    sent = services.submit(form, ben_nghe, year_2023, _figures(7), actor=reporter)
    assert rollup(form, district, year_2023).fields == before.fields  # sent, not approved
    review.approve(sent, actor=approver)
    after = rollup(form, district, year_2023)
    assert after.fields["members_total"] == before.fields["members_total"] + 27
    assert after.completeness.approved == before.completeness.approved + 1


def test_rebuild_check_finds_a_raw_change_and_rebuild_mends_it(form, year_2022, capsys):
    call_command("totals", "rebuild", "--check", "--form", "HT-NQ")
    assert "khớp" in capsys.readouterr().out
    Total.objects.filter(form=form, period=year_2022, field__code="members_total").update(total=1)
    with pytest.raises(Exception, match="khác với số liệu gốc"):
        call_command("totals", "rebuild", "--check", "--form", "HT-NQ")
    call_command("totals", "rebuild", "--form", "HT-NQ")
    assert totals.differences(form.pk, year_2022) == []


def _statements(call):
    with CaptureQueriesContext(transaction.get_connection()) as queries:
        response = call()
    assert response.status_code in (200, 201), response.content
    return [q["sql"] for q in queries.captured_queries]


def test_statements_of_one_api_write_and_what_the_totals_add(reporter, year_2023):
    from rest_framework.test import APIClient

    client = APIClient()
    client.force_authenticate(reporter)
    body = {"form": "HT-NQ", "period": "2023", "unit": "DU-BEN-NGHE", "values": _figures(3)}
    client.post("/api/submissions/", body, format="json")  # the form's spec is kept from here
    saved = _statements(lambda: client.post("/api/submissions/", body, format="json"))
    pk = Submission.objects.get(unit__code="DU-BEN-NGHE", period=year_2023).pk
    sent = _statements(lambda: client.post(f"/api/submissions/{pk}/submit/", format="json"))
    # A draft moves no total: not one statement on the kept totals.
    assert not [sql for sql in saved if "reporting_total" in sql]
    # Sending recomputes the unit and its ancestors: a bounded handful of statements.
    on_totals = [sql for sql in sent if "reporting_total" in sql]
    assert 1 <= len(on_totals) <= 4
    print(
        f"\nstatements: save draft {len(saved)}, submit {len(sent)} "
        f"(of which on the kept totals {len(on_totals)})"
    )
