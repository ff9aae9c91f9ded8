import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tuyengiao.core.actors import SYSTEM
from tuyengiao.core.errors import NotAllowed, ValidationFailed
from tuyengiao.core.models import AuditEvent
from tuyengiao.orgs.models import OrgUnit
from tuyengiao.outreach import demo, services
from tuyengiao.outreach.figures import year_figures
from tuyengiao.outreach.models import ChannelStat

pytestmark = pytest.mark.django_db


def test_the_seed_channel_has_the_2022_totals_over_twelve_months(cot_co):
    assert services.channel_year(cot_co, 2022) == {
        "months": 12,
        "posts": 4690,
        "interactions": 17_096_939,
    }


def test_figures_of_district_1_name_the_channel_and_its_totals():
    figures = {f.id: f for f in year_figures(OrgUnit.objects.get(code="QU-Q1"), 2022)}
    assert figures["outreach.cot-co-thu-ngu.posts"].display == "4.690"
    assert figures["outreach.cot-co-thu-ngu.interactions"].display == "17.096.939"


def test_the_demo_split_always_adds_up():
    assert sum(demo.split(17_096_939, demo.INTERACTION_WEIGHTS)) == 17_096_939
    assert sum(demo.split(4690, demo.POST_WEIGHTS)) == 4690


def test_a_grid_saves_all_months_or_none(ben_nghe_channel):
    with pytest.raises(ValidationFailed) as info:
        services.save_months(
            ben_nghe_channel, {(2023, 1): (99, 99), (2023, 3): (-1, 5)}, actor=SYSTEM
        )
    assert info.value.errors == ["Tháng 03/2023, số bài viết: «-1» phải là số nguyên không âm."]
    assert services.channel_year(ben_nghe_channel, 2023)["posts"] == 15


def test_a_blank_month_clears_it_and_the_audit_says_so(ben_nghe_channel, specialist):
    services.save_months(ben_nghe_channel, {(2023, 2): None}, actor=specialist)
    assert services.channel_year(ben_nghe_channel, 2023) == {
        "months": 1,
        "posts": 10,
        "interactions": 1000,
    }
    event = AuditEvent.objects.filter(verb="channel.stats").latest("at")
    assert event.data["cleared"] == ["02/2023"]


def test_an_import_replaces_the_months_in_the_file_only(ben_nghe_channel, specialist):
    raw = b"date,posts,interactions\n2023-02-01,1,2\n2023-02-02,1,2\n2023-03-01,7,70\n"
    services.import_csv(ben_nghe_channel, raw, actor=specialist)
    months = {(s.month): (s.posts, s.interactions) for s in ben_nghe_channel.stats.all()}
    assert months == {1: (10, 1000), 2: (2, 4), 3: (7, 70)}


def test_a_bad_import_saves_nothing(ben_nghe_channel, specialist):
    before = list(ChannelStat.objects.values_list("posts", flat=True))
    with pytest.raises(ValidationFailed):
        services.import_csv(
            ben_nghe_channel, b"date,posts,interactions\n2023-04-01,1,1\nx,1,1\n", actor=specialist
        )
    assert list(ChannelStat.objects.values_list("posts", flat=True)) == before


def test_a_sibling_ward_user_cannot_write_figures(ben_nghe_channel, outsider):
    with pytest.raises(NotAllowed):
        services.save_months(ben_nghe_channel, {(2023, 5): (1, 1)}, actor=outsider)


def test_loading_the_demo_twice_duplicates_nothing():
    before = ChannelStat.objects.count()
    demo.load(actor=SYSTEM)
    assert ChannelStat.objects.count() == before


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.dictionaries(
        st.integers(1, 12),
        st.tuples(st.integers(0, 10_000), st.integers(0, 50_000_000)),
        min_size=1,
    )
)
def test_yearly_totals_are_the_sums_of_the_saved_months(ben_thanh_channel, months):
    with transaction.atomic():
        services.save_months(
            ben_thanh_channel, {(2024, m): v for m, v in months.items()}, actor=SYSTEM
        )
        assert services.channel_year(ben_thanh_channel, 2024) == {
            "months": len(months),
            "posts": sum(p for p, _ in months.values()),
            "interactions": sum(i for _, i in months.values()),
        }
        transaction.set_rollback(True)
