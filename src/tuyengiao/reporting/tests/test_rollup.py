"""Rollups: the seed's figures, and properties over random trees."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tuyengiao.core.actors import SYSTEM
from tuyengiao.orgs.choices import UnitKind
from tuyengiao.orgs.services import UnitSpec, create_unit
from tuyengiao.reporting import review, services
from tuyengiao.reporting.rollup import children_breakdown, rollup

pytestmark = pytest.mark.django_db


def test_district_1_2022_rolls_up_to_the_seed(form, district, year_2022):
    result = rollup(form, district, year_2022)
    assert result.fields == {
        "members_total": 8021,
        "members_required": 6970,
        "members_attended": 6513,
        "non_members_attended": 4608,
    }
    assert result.indicators["participation_rate"].display == "93,44%"
    assert result.completeness.as_json() == {"expected": 51, "submitted": 51, "approved": 51}


def test_the_rollup_is_one_query_for_all_fields(
    form, district, year_2022, django_assert_max_num_queries
):
    with django_assert_max_num_queries(6):  # fields, rules, indicators, values, 2 completeness
        rollup(form, district, year_2022)


def test_children_breakdown_adds_up_to_the_district(
    form, district, year_2022, django_assert_max_num_queries
):
    with django_assert_max_num_queries(8):
        rows = children_breakdown(form, district, year_2022)
    assert len(rows) == 51  # the boards are not asked to report
    assert sum(r.fields["members_attended"] for r in rows) == 6513
    assert sum(r.completeness.approved for r in rows) == 51


def test_the_2022_rollup_survives_the_2025_reorganisation(form, district, year_2022):
    # District 1 closed on 30/06/2025; its 2022 tree is still the one that counts.
    assert not district.is_valid_on(dt.date(2025, 12, 31))
    assert rollup(form, district, year_2022).completeness.expected == 51


tree_shapes = st.lists(  # commune → grassroots → figures (total, required, attended)
    st.lists(
        st.tuples(st.integers(0, 500), st.integers(0, 500), st.integers(0, 500)),
        min_size=1,
        max_size=4,
    ),
    min_size=1,
    max_size=4,
)
_counter = iter(range(10**6))


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(shape=tree_shapes)
def test_a_random_trees_rollup_is_the_sum_of_its_leaves_and_rates_come_from_sums(
    shape, form, admin, second_admin
):
    with transaction.atomic():
        period = services.get_or_create_period("2022")
        n = next(_counter)
        root = create_unit(
            UnitSpec(f"R{n}", f"Gốc {n}", UnitKind.CITY_COMMITTEE),
            parent=None,
            valid_from=dt.date(2000, 1, 1),
            actor=SYSTEM,
        )
        leaves = {}
        for i, communes in enumerate(shape):
            commune = create_unit(
                UnitSpec(f"R{n}-{i}", f"Xã {i}", UnitKind.COMMUNE_COMMITTEE),
                parent=root,
                valid_from=dt.date(2000, 1, 1),
                actor=SYSTEM,
            )
            for j, (a, b, c) in enumerate(communes):
                leaf = create_unit(
                    UnitSpec(f"R{n}-{i}-{j}", f"Cơ sở {j}", UnitKind.GRASSROOTS),
                    parent=commune,
                    valid_from=dt.date(2000, 1, 1),
                    actor=SYSTEM,
                )
                attended, required, total = sorted((a, b, c))
                leaves[leaf] = {
                    "members_total": total,
                    "members_required": required,
                    "members_attended": attended,
                    "non_members_attended": a,
                }
        services.assign_form(form, root, period, actor=admin)
        services.save_many(form, period, leaves, actor=admin, submit=True)
        review.approve_all_valid(form, root, period, actor=second_admin)

        result = rollup(form, root, period)
        for code in ("members_total", "members_required", "members_attended"):
            assert result.fields[code] == sum(v[code] for v in leaves.values())
        required = result.fields["members_required"]
        expected_rate = (
            None
            if required == 0
            else (Decimal(result.fields["members_attended"]) * 100 / required).quantize(
                Decimal("0.01"), rounding="ROUND_DOWN"
            )
        )
        assert result.indicators["participation_rate"].value == expected_rate
        assert result.completeness.as_json() == {
            "expected": len(leaves),
            "submitted": len(leaves),
            "approved": len(leaves),
        }
        rows = children_breakdown(form, root, period)
        assert sum(r.fields["members_total"] for r in rows) == result.fields["members_total"]
        for row in rows:
            own = [v for leaf, v in leaves.items() if leaf.path.startswith(row.unit.path)]
            attended = sum(v["members_attended"] for v in own)
            required = sum(v["members_required"] for v in own)
            rate = row.indicators["participation_rate"].value
            assert rate == (
                None
                if required == 0
                else (Decimal(attended) * 100 / required).quantize(
                    Decimal("0.01"), rounding="ROUND_DOWN"
                )
            )
        transaction.set_rollback(True)


def test_average_and_maximum_fields_roll_up_their_own_way(district, admin, second_admin):
    from tuyengiao.orgs.models import OrgUnit
    from tuyengiao.reporting.models import Field, Form

    form = Form.objects.create(code="T-AGG", name="Thử tổng hợp", period_type="year")
    Field.objects.create(
        form=form, code="score", label="Điểm", type="decimal", aggregation="average"
    )
    Field.objects.create(
        form=form, code="peak", label="Cao nhất", type="integer", aggregation="max"
    )
    Field.objects.create(form=form, code="classes", label="Số lớp", type="integer")
    period = services.get_or_create_period("2022")
    services.assign_form(form, district, period, actor=admin)
    wards = list(OrgUnit.objects.filter(code__in=["DU-BEN-NGHE", "DU-DA-KAO", "DU-TAN-DINH"]))
    figures = [("8,5", 40, 2), ("9", 75, 3), ("7", 10, 1)]
    services.save_many(
        form,
        period,
        {
            w: {"score": s, "peak": p, "classes": c}
            for w, (s, p, c) in zip(wards, figures, strict=True)
        },
        actor=admin,
        submit=True,
    )
    review.approve_all_valid(form, district, period, actor=second_admin)
    fields = rollup(form, district, period).fields
    assert round(fields["score"], 4) == Decimal("8.1667")
    assert (fields["peak"], fields["classes"]) == (75, 6)
