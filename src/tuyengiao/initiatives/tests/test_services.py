import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tuyengiao.core.actors import SYSTEM
from tuyengiao.core.errors import NotAllowed, ValidationFailed
from tuyengiao.core.models import AuditEvent
from tuyengiao.initiatives import demo, services
from tuyengiao.initiatives.figures import year_figures
from tuyengiao.initiatives.models import Assessment, Initiative
from tuyengiao.orgs.models import OrgUnit

pytestmark = pytest.mark.django_db


def figures_of(unit_code, year):
    return {f.id: f for f in year_figures(OrgUnit.objects.get(code=unit_code), year)}


def test_district_1_ran_the_two_initiatives_of_the_seed_in_2022():
    count = figures_of("QU-Q1", 2022)["initiatives.count"]
    assert count.display == "2"
    names = [r["label"] for r in count.source["records"]]
    assert "Quận 1 trái tim nghĩa tình" in names
    assert any(n.startswith("Đẩy mạnh chuyển đổi số") for n in names)


def test_the_count_of_a_year_follows_start_and_end_years(ben_nghe_initiative):
    assert figures_of("DU-BEN-NGHE", 2020)["initiatives.count"].value == 0
    assert figures_of("DU-BEN-NGHE", 2023)["initiatives.count"].value == 1
    assert figures_of("DU-BEN-NGHE", 2024)["initiatives.count"].value == 0
    assert figures_of("QU-Q1", 2023)["initiatives.count"].value == 3
    assert figures_of("DU-BEN-THANH", 2023)["initiatives.count"].value == 0


@settings(deadline=None)
@given(
    start=st.integers(1900, 2300),
    end=st.one_of(st.none(), st.integers(1900, 2300)),
)
def test_years_are_accepted_exactly_when_in_range_and_ordered(start, end):
    ok = 1930 <= start <= 2200 and (end is None or (1930 <= end <= 2200 and end >= start))
    assert (services.check({"name": "X", "start_year": start, "end_year": end}) == {}) == ok


def test_an_end_before_the_start_names_both_years():
    errors = services.check({"name": "X", "start_year": 2022, "end_year": 2021})
    assert errors["end_year"] == ["Năm kết thúc (2021) không được trước năm bắt đầu (2022)."]


def test_an_assessment_outside_the_years_is_refused(ben_nghe_initiative):
    with pytest.raises(ValidationFailed) as info:
        services.assess(ben_nghe_initiative, actor=SYSTEM, year=2024, status="effective", text="x")
    assert info.value.errors["year"] == [
        "Năm đánh giá (2024) phải trong thời gian thực hiện mô hình (2021–2023)."
    ]


def test_assessing_a_year_again_rewrites_it_and_is_audited(ben_nghe_initiative, specialist):
    services.assess(
        ben_nghe_initiative, actor=specialist, year=2022, status="effective", text="Tốt."
    )
    assessment = Assessment.objects.get(initiative=ben_nghe_initiative, year=2022)
    assert (assessment.status, assessment.text) == ("effective", "Tốt.")
    event = AuditEvent.objects.filter(verb="initiative.assess").latest("at")
    assert event.data["replaced"] is True
    assert assessment.history.count() == 2


def test_shortening_the_years_past_an_assessment_is_refused(ben_nghe_initiative, specialist):
    with pytest.raises(ValidationFailed) as info:
        services.update_initiative(ben_nghe_initiative, actor=specialist, end_year=2021)
    assert (
        "Đã có đánh giá năm 2022 nằm ngoài thời gian thực hiện mới"
        in (info.value.errors["start_year"][0])
    )


def test_a_sibling_ward_user_cannot_assess(ben_nghe_initiative, outsider):
    with pytest.raises(NotAllowed):
        services.assess(
            ben_nghe_initiative, actor=outsider, year=2022, status="effective", text="x"
        )


def test_loading_the_demo_twice_duplicates_nothing():
    before = (Initiative.objects.count(), Assessment.objects.count())
    demo.load(actor=SYSTEM)
    assert (Initiative.objects.count(), Assessment.objects.count()) == before
