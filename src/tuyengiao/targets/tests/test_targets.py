from decimal import Decimal
from io import BytesIO

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from tuyengiao.core.errors import DomainError, NotAllowed
from tuyengiao.core.testing import assert_hidden_from
from tuyengiao.orgs.models import OrgUnit
from tuyengiao.reporting.models import Indicator
from tuyengiao.targets import services
from tuyengiao.targets.choices import Comparison, TargetStatus
from tuyengiao.targets.figures import year_figures
from tuyengiao.targets.models import Target, Term

pytestmark = pytest.mark.django_db


def unit(code):
    return OrgUnit.objects.get(code=code)


@pytest.fixture
def term(db):
    return Term.objects.get(unit__code="QU-Q1", name="Nhiệm kỳ 2020–2025")


@pytest.fixture
def participation(term):
    return term.targets.get(indicator__code="participation_rate")


@pytest.fixture
def summer_classes(term):
    return term.targets.get(text__contains="chính trị hè")


@pytest.fixture
def ben_nghe_term(admin):
    term = services.create_term(
        actor=admin,
        unit=unit("DU-BEN-NGHE"),
        name="Nhiệm kỳ phường",
        start_year=2020,
        end_year=2025,
    )
    services.save_target(
        term,
        actor=admin,
        text="Chỉ tiêu của phường",
        indicator=None,
        comparison=Comparison.GTE,
        target_value=Decimal(1),
    )
    return term


def test_participation_in_2022_is_93_44_percent_from_the_rollup_and_met(participation):
    measured = services.Measurer().measure(participation, 2022)
    assert measured.value == Decimal("93.44")
    assert measured.display == "93,44%"
    assert measured.status == TargetStatus.MET
    assert participation.comparison_display == "≥ 90%"


def test_a_year_without_reports_has_no_data(participation):
    assert services.Measurer().measure(participation, 2020).status == TargetStatus.NO_DATA


def test_the_summer_classes_target_was_not_met_in_2021_but_met_in_2022(summer_classes):
    measurer = services.Measurer()
    assert measurer.measure(summer_classes, 2021).status == TargetStatus.NOT_MET
    assert measurer.measure(summer_classes, 2022).status == TargetStatus.MET
    assert summer_classes.comparison_display == "≥ 8 lớp"


@given(
    comparison=st.sampled_from(Comparison.values),
    goal=st.decimals(-1000, 1000, places=2),
    value=st.decimals(-1000, 1000, places=2),
)
def test_status_follows_the_comparison(comparison, goal, value):
    target = Target(comparison=comparison, target_value=goal)
    expected = {
        "gte": value >= goal,
        "gt": value > goal,
        "eq": value == goal,
        "lte": value <= goal,
        "lt": value < goal,
    }[comparison]
    assert (services.status_of(target, value) == TargetStatus.MET) is expected


def test_figures_give_value_and_status_for_2022(participation):
    figures = {f.id: f for f in year_figures(unit("QU-Q1"), 2022)}
    assert figures[f"targets.{participation.pk}.value"].display == "93,44%"
    assert figures[f"targets.{participation.pk}.status"].display == "đạt"
    assert figures[f"targets.{participation.pk}.value"].source["statuses"] == ["approved"]
    assert year_figures(unit("QU-Q1"), 2019) == []


def test_a_manual_value_outside_the_term_is_refused(summer_classes, specialist):
    with pytest.raises(DomainError, match="Năm 2019: ngoài nhiệm kỳ 2020–2025") as error:
        services.set_manual_value(summer_classes, actor=specialist, year=2019, value=Decimal(3))
    assert error.value.field == "year"


def test_an_indicator_target_takes_no_manual_value(participation, specialist):
    with pytest.raises(DomainError, match="số liệu lấy từ báo cáo, không nhập tay"):
        services.set_manual_value(participation, actor=specialist, year=2022, value=Decimal(99))


def test_a_percent_goal_above_100_is_refused(term, specialist):
    indicator = Indicator.objects.get(form__code="HT-NQ", code="participation_rate")
    with pytest.raises(DomainError, match="phải từ 0 đến 100"):
        services.save_target(
            term,
            actor=specialist,
            text="X",
            indicator=indicator,
            comparison="gte",
            target_value=Decimal(120),
        )


def test_a_term_ending_before_it_starts_is_refused(specialist):
    with pytest.raises(DomainError, match="Năm cuối 2020: phải sau năm đầu 2025"):
        services.create_term(
            actor=specialist, unit=unit("QU-Q1"), name="X", start_year=2025, end_year=2020
        )


def test_a_viewer_cannot_change_targets(summer_classes, viewer):
    with pytest.raises(NotAllowed):
        services.set_manual_value(summer_classes, actor=viewer, year=2022, value=Decimal(1))


def test_the_midterm_review_lists_every_target_up_to_2022(client, specialist, term):
    client.force_login(specialist)
    response = client.get(reverse("targets:review", args=[term.pk]))
    assert response.context["years"] == [2020, 2021, 2022]
    page = response.content.decode()
    assert "93,44%" in page and "Sơ kết giữa nhiệm kỳ" in page
    assert len(response.context["rows"]) == 4


def test_entering_a_manual_value_on_the_page(client, specialist, summer_classes):
    client.force_login(specialist)
    url = reverse("targets:detail", args=[summer_classes.pk])
    bad = client.post(url, {"year": "2030", "value": "5"})
    assert "Năm 2030: ngoài nhiệm kỳ" in bad.content.decode()
    good = client.post(url, {"year": "2023", "value": "10", "note": "báo cáo 2023"})
    assert good.status_code == 302
    assert services.Measurer().measure(summer_classes, 2023).status == TargetStatus.MET


def test_the_sibling_ward_gets_404_on_every_url_of_ben_nghe_targets(
    client, outsider, ben_nghe_term
):
    target = ben_nghe_term.targets.get()
    for url in (
        reverse("targets:term", args=[ben_nghe_term.pk]),
        reverse("targets:review", args=[ben_nghe_term.pk]),
        reverse("targets:term_edit", args=[ben_nghe_term.pk]),
        reverse("targets:create", args=[ben_nghe_term.pk]),
        reverse("targets:detail", args=[target.pk]),
        reverse("targets:edit", args=[target.pk]),
        f"/api/terms/{ben_nghe_term.pk}/",
        f"/api/targets/{target.pk}/",
    ):
        assert_hidden_from(client, outsider, url)
    assert_hidden_from(
        client,
        outsider,
        reverse("targets:detail", args=[target.pk]),
        "post",
        year="2022",
        value="1",
    )
    assert not target.manual_values.exists()


def test_ben_nghe_sees_its_own_term_only(client, reporter, ben_nghe_term, term):
    client.force_login(reporter)
    assert client.get(reverse("targets:term", args=[ben_nghe_term.pk])).status_code == 200
    assert client.get(reverse("targets:term", args=[term.pk])).status_code == 404
    ids = [t["id"] for t in client.get("/api/terms/").json()["results"]]
    assert ids == [ben_nghe_term.pk]


def test_search_is_accent_insensitive(client, specialist, summer_classes):
    client.force_login(specialist)
    response = client.get(reverse("targets:list"), {"q": "chinh tri he"})
    assert [row[0] for row in response.context["rows"]] == [summer_classes]


def test_the_export_has_yearly_values_as_numbers(client, specialist, term):
    client.force_login(specialist)
    response = client.get(reverse("targets:review", args=[term.pk]), {"export": "xlsx"})
    sheet = load_workbook(BytesIO(response.content)).active
    assert [c.value for c in sheet[1]] == [
        "Nhiệm kỳ",
        "Chỉ tiêu",
        "Đo bằng",
        "Mục tiêu",
        "2020",
        "2021",
        "2022",
        "Đánh giá",
    ]
    assert sheet["G2"].value == pytest.approx(93.44)
    assert sheet["H2"].value == "đạt"


def test_the_api_gives_the_same_yearly_values(client, specialist, participation):
    client.force_login(specialist)
    data = client.get(f"/api/targets/{participation.pk}/").json()
    year_2022 = next(v for v in data["values"] if v["year"] == 2022)
    assert year_2022 == {"year": 2022, "value": "93.44", "display": "93,44%", "status": "met"}


def test_the_term_form_refuses_years_out_of_order_in_vietnamese(client, specialist):
    client.force_login(specialist)
    response = client.post(
        reverse("targets:term_create"),
        {"unit": unit("QU-Q1").pk, "name": "X", "start_year": "2025", "end_year": "2020"},
    )
    assert response.status_code == 200
    assert "Năm cuối phải sau năm đầu" in response.content.decode()
    assert not Term.objects.filter(name="X").exists()


def test_a_specialist_adds_an_indicator_target_through_the_form(client, specialist, term):
    indicator = Indicator.objects.get(form__code="HT-NQ", code="participation_rate")
    client.force_login(specialist)
    response = client.post(
        reverse("targets:create", args=[term.pk]),
        {
            "text": "Tỷ lệ tham gia học tập từ 95% trở lên",
            "indicator": indicator.pk,
            "comparison": "gte",
            "target_value": "95",
            "unit_label": "%",
        },
    )
    target = term.targets.get(text__startswith="Tỷ lệ tham gia học tập từ 95%")
    assert response.status_code == 302
    assert services.Measurer().measure(target, 2022).status == TargetStatus.NOT_MET


def test_a_target_of_27_5_is_saved_as_27_5_not_275(client, specialist, ben_nghe_term):
    client.force_login(specialist)
    target = ben_nghe_term.targets.get()
    data = {
        "text": target.text,
        "indicator": "",
        "comparison": target.comparison,
        "target_value": "27,5",
        "unit_label": "",
    }
    response = client.post(reverse("targets:edit", args=[target.pk]), data)
    assert response.status_code == 302
    target.refresh_from_db()
    assert target.target_value == Decimal("27.5")
    page = client.post(reverse("targets:edit", args=[target.pk]), {**data, "target_value": "2.5"})
    assert "«2.5» — dấu chấm chỉ dùng để ngăn hàng nghìn" in page.content.decode()
