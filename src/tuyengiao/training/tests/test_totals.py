import datetime as dt
from decimal import Decimal

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tuyengiao.core.actors import SYSTEM
from tuyengiao.core.text import rate
from tuyengiao.orgs.models import OrgUnit
from tuyengiao.training import services
from tuyengiao.training.figures import year_figures
from tuyengiao.training.models import TrainingClass, TrainingKind

from .conftest import class_data

pytestmark = pytest.mark.django_db


def totals_by_kind(unit_code="QU-Q1", year=2022):
    unit = OrgUnit.objects.get(code=unit_code)
    return {t.kind.code: t for t in services.unit_yearly_totals(unit, year)}


def test_district_1_in_2022_has_the_seed_figures():
    totals = totals_by_kind()
    summer = totals["chinh-tri-he"]
    assert (summer.classes, summer.attended, summer.planned) == (9, 2249, 2257)
    assert summer.rate == Decimal("99.64")  # 99,645… truncated, as the seed prints it
    assert totals["nhan-thuc-ve-dang"].attended == 697
    assert (totals["dang-vien-moi"].classes, totals["dang-vien-moi"].attended) == (5, 439)
    assert (totals["so-cap-llct"].classes, totals["so-cap-llct"].attended) == (3, 244)


def test_the_kind_chooses_its_rounding():
    kind = TrainingKind.objects.get(code="chinh-tri-he")
    kind.rounding = "half_up"
    kind.save()
    assert totals_by_kind()["chinh-tri-he"].rate == Decimal("99.65")


def test_figures_carry_stable_ids_and_vietnamese_display():
    figures = {f.id: f for f in year_figures(OrgUnit.objects.get(code="QU-Q1"), 2022)}
    assert figures["training.chinh-tri-he.rate"].display == "99,64%"
    assert figures["training.chinh-tri-he.attended"].display == "2.249"
    assert figures["training.nhan-thuc-ve-dang.attended"].value == 697
    assert figures["training.dang-vien-moi.classes"].value == 5
    assert figures["training.so-cap-llct.attended"].value == 244
    assert figures["training.chinh-tri-he.rate"].source["url"].startswith("/training/summary/")


def test_a_ward_class_counts_for_the_ward_and_the_district_not_the_sibling(ben_nghe_class):
    assert totals_by_kind("DU-BEN-NGHE", 2023)["nhan-thuc-ve-dang"].attended == 38
    assert totals_by_kind("QU-Q1", 2023)["nhan-thuc-ve-dang"].attended == 38
    assert totals_by_kind("DU-BEN-THANH", 2023) == {}


class_counts = st.tuples(
    st.integers(min_value=0, max_value=400), st.integers(min_value=0, max_value=400)
).map(lambda pair: (max(pair), min(pair)))  # (planned, attended), attended ≤ planned


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(class_counts, min_size=1, max_size=6))
def test_yearly_totals_are_sums_over_classes_and_the_rate_is_of_the_sums(counts):
    with transaction.atomic():
        for index, (planned, attended) in enumerate(counts):
            services.create_class(
                actor=SYSTEM,
                **class_data(
                    name=f"Lớp {index}",
                    start_date=dt.date(2024, 1 + index, 1),
                    end_date=dt.date(2024, 1 + index, 2),
                    planned=planned,
                    attended=attended,
                    completed=0,
                    excellent=0,
                    good=0,
                    passed=0,
                ),
            )
        total = totals_by_kind("DU-BEN-NGHE", 2024)["nhan-thuc-ve-dang"]
        planned = sum(p for p, _ in counts)
        attended = sum(a for _, a in counts)
        assert (total.classes, total.planned, total.attended) == (len(counts), planned, attended)
        assert total.rate == rate(attended, planned, decimals=2, mode="truncate")
        transaction.set_rollback(True)


def test_loading_the_demo_twice_duplicates_no_class():
    from tuyengiao.training import demo

    before = TrainingClass.objects.count()
    demo.load(actor=SYSTEM)
    assert TrainingClass.objects.count() == before
