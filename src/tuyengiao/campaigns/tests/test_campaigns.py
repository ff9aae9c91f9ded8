import datetime as dt

import pytest
from django.urls import reverse

from tuyengiao.campaigns import services
from tuyengiao.campaigns.demo import CODE
from tuyengiao.campaigns.figures import year_figures
from tuyengiao.campaigns.models import StudyCampaign
from tuyengiao.core.errors import DomainError, NotAllowed
from tuyengiao.core.testing import assert_hidden_from, status_of
from tuyengiao.orgs.models import OrgUnit
from tuyengiao.reporting import services as reporting
from tuyengiao.reporting.models import Assignment, Form

pytestmark = pytest.mark.django_db
PAGE = reverse("campaigns:detail", args=[CODE])


def create(actor, district, period_code="2024", **extra):
    return services.create_campaign(
        actor=actor,
        code=extra.pop("code", "HT-2024"),
        name="Học tập chuyên đề năm 2024",
        organising_unit=district,
        target_unit=extra.pop("target_unit", district),
        starts_on=dt.date(2024, 3, 1),
        ends_on=extra.pop("ends_on", dt.date(2024, 6, 30)),
        form=Form.objects.get(code="HT-NQ"),
        period=reporting.get_or_create_period(period_code),
        **extra,
    )


def test_creating_a_campaign_opens_its_own_collection_for_the_grassroots_units(
    specialist, district
):
    campaign, assigned = create(specialist, district)

    assert assigned == 51
    expected = reporting.expected_units(campaign.form, campaign.target_unit, campaign.period)
    assert expected.count() == 51
    assert (campaign.period.code, campaign.period.type) == ("HT-2024", "campaign")
    assert Assignment.objects.filter(form__code="HT-NQ", period__code="HT-2024").count() == 51
    assert not Assignment.objects.filter(period__code="2024").exists()


def test_a_campaign_code_that_looks_like_a_calendar_period_saves_nothing(specialist, district):
    with pytest.raises(DomainError, match="mã kỳ theo lịch"):
        create(specialist, district, code="2024Q1")

    assert not StudyCampaign.objects.filter(code="2024Q1").exists()
    assert not Assignment.objects.filter(period__code="2024Q1").exists()


def test_end_before_start_is_refused(specialist, district):
    with pytest.raises(DomainError, match="trước ngày bắt đầu"):
        create(specialist, district, ends_on=dt.date(2024, 1, 1))


def test_the_documents_typed_by_number_are_attached_by_the_service(specialist, district):
    campaign, _ = create(specialist, district, document_numbers="21-KL/TW;\n 37-QĐ/TW,")

    assert sorted(campaign.documents.values_list("number_text", flat=True)) == [
        "21-KL/TW",
        "37-QĐ/TW",
    ]


def test_an_unknown_document_number_saves_nothing_and_names_the_field(specialist, district):
    with pytest.raises(DomainError, match="Không tìm thấy văn bản 99-KL/TW") as caught:
        create(specialist, district, period_code="2031", document_numbers="21-KL/TW, 99-KL/TW")

    assert caught.value.field == "documents"
    assert not StudyCampaign.objects.filter(code="HT-2024").exists()
    assert not Assignment.objects.filter(period__code__in=["HT-2024", "2031"]).exists()


def test_an_unreadable_document_number_is_an_error_on_the_documents_field(specialist):
    with pytest.raises(DomainError) as caught:
        services.documents_numbered("không phải số", actor=specialist)

    assert caught.value.field == "documents"


def test_a_document_of_a_sibling_ward_is_not_found_for_its_neighbour(reporter, outsider):
    assert services.documents_numbered("14-KH/ĐU", actor=reporter)[0].number_text == "14-KH/ĐU"
    with pytest.raises(DomainError, match="Không tìm thấy văn bản 14-KH/ĐU"):
        services.documents_numbered("14-KH/ĐU", actor=outsider)


def test_a_reporter_cannot_open_a_campaign(reporter, district):
    with pytest.raises(NotAllowed):
        create(reporter, district)


def test_the_figures_are_the_seeds_with_the_campaign_in_the_source(district):
    figures = {f.id: f for f in year_figures(district, 2022)}
    prefix = f"study.{CODE}"

    assert figures[f"{prefix}.members_attended"].display == "6.513"
    assert figures[f"{prefix}.members_required"].display == "6.970"
    assert figures[f"{prefix}.members_total"].display == "8.021"
    assert figures[f"{prefix}.non_members_attended"].display == "4.608"
    assert figures[f"{prefix}.participation_rate"].display == "93,44%"
    assert figures[f"{prefix}.units_expected"].value == 51
    assert figures[f"{prefix}.units_reported"].value == 51
    source = figures[f"{prefix}.units_reported"].source
    assert "Hội nghị Trung ương 4, 5" in source["campaign"]
    assert "21-KL/TW" in source["documents"]
    assert all(f.section == "study" for f in figures.values())


def test_the_campaign_page_shows_completeness_rate_totals_chart_and_units(client, specialist):
    client.force_login(specialist)

    page = client.get(PAGE).content.decode()

    for text in ["51/51", "93,44%", "6.513", "6.970", "8.021", "4.608", "21-KL/TW", "<svg"]:
        assert text in page, text
    assert page.count("?unit=") == 51


def test_a_ward_reporter_sees_the_campaign_with_the_own_figures_only(client, reporter):
    client.force_login(reporter)

    page = client.get(PAGE).content.decode()

    assert 'data-testid="campaign-root">Đảng ủy phường Bến Nghé' in page
    assert "1/1" in page and "51/51" not in page and "Bến Thành" not in page


def test_the_sibling_ward_gets_404_on_the_other_wards_figures(client, outsider):
    assert_hidden_from(client, outsider, f"{PAGE}?unit=DU-BEN-NGHE")
    assert_hidden_from(client, outsider, f"/api/campaigns/{CODE}/?unit=DU-BEN-NGHE")
    assert_hidden_from(client, outsider, reverse("campaigns:create"))


def test_a_user_of_another_district_does_not_find_the_campaign(client, django_user_model):
    other = OrgUnit.objects.get(code="TU-HCM").add_child(
        code="QU-Q3", name="Quận ủy Quận 3", kind="district_committee"
    )
    user = django_user_model.objects.create_user("q3")
    user.memberships.create(unit=other, role="specialist")

    assert status_of(client, user, PAGE) == 404
    assert status_of(client, user, f"/api/campaigns/{CODE}/") == 404


def test_the_api_gives_the_figures_of_the_users_unit(client, specialist, reporter):
    client.force_login(specialist)
    district = client.get(f"/api/campaigns/{CODE}/").json()["figures"]
    client.force_login(reporter)
    ward = client.get(f"/api/campaigns/{CODE}/").json()["figures"]

    by_id = {f["id"]: f["display"] for f in district["figures"]}
    assert by_id[f"study.{CODE}.participation_rate"] == "93,44%"
    assert ward["unit"] == "DU-BEN-NGHE"


def test_a_campaign_is_opened_through_the_form(client, specialist):
    client.force_login(specialist)

    response = client.post(
        reverse("campaigns:create"),
        {
            "code": "HT-2024",
            "name": "Học tập 2024",
            "organising_unit": "QU-Q1",
            "target_unit": "QU-Q1",
            "target_kind": "grassroots",
            "starts_on": "2024-03-01",
            "ends_on": "2024-06-30",
            "form": "HT-NQ",
            "period": "2024",
            "documents": "21-KL/TW, 37-QĐ/TW",
        },
    )

    campaign = StudyCampaign.objects.get(code="HT-2024")
    assert response.status_code == 302
    assert sorted(campaign.documents.values_list("number_text", flat=True)) == [
        "21-KL/TW",
        "37-QĐ/TW",
    ]


def test_an_unknown_document_in_the_form_saves_nothing(client, specialist):
    client.force_login(specialist)

    response = client.post(
        reverse("campaigns:create"),
        {
            "code": "HT-2024",
            "name": "Học tập 2024",
            "organising_unit": "QU-Q1",
            "target_unit": "QU-Q1",
            "target_kind": "grassroots",
            "starts_on": "2024-03-01",
            "ends_on": "2024-06-30",
            "form": "HT-NQ",
            "period": "2031",
            "documents": "99-KL/TW",
        },
    )

    assert "Không tìm thấy văn bản 99-KL/TW" in response.content.decode()
    assert not StudyCampaign.objects.filter(code="HT-2024").exists()
    assert not Assignment.objects.filter(period__code="2031").exists()


CHOSEN = [
    "DU-BEN-NGHE",
    "DU-BEN-THANH",
    "DU-DA-KAO",
    "CS-Q1-001",
    "CS-Q1-002",
    "CS-Q1-003",
    "CS-Q1-004",
    "CS-Q1-005",
    "CS-Q1-006",
    "CS-Q1-007",
    "CS-Q1-008",
    "CS-Q1-009",
]


def _one_by_one(**extra):
    return {
        "code": "HT-12-2024",
        "name": "Học tập chuyên đề",
        "organising_unit": "QU-Q1",
        "target_unit": "QU-Q1",
        "target_kind": "grassroots",
        "starts_on": "2024-03-01",
        "ends_on": "2024-06-30",
        "form": "HT-NQ",
        "choose": "units",
        "units": CHOSEN,
        **extra,
    }


def test_a_preview_says_how_many_units_and_saves_nothing(client, specialist):
    client.force_login(specialist)
    response = client.post(reverse("campaigns:create"), {**_one_by_one(), "preview": "1"})
    page = response.content.decode()
    assert "Sẽ giao cho 12 đơn vị" in page and "Đảng ủy phường Bến Nghé" in page
    assert not StudyCampaign.objects.filter(code="HT-12-2024").exists()


def test_units_chosen_one_by_one_are_the_only_ones_assigned(client, specialist):
    client.force_login(specialist)
    response = client.post(reverse("campaigns:create"), _one_by_one())
    assert response.status_code == 302
    assigned = Assignment.objects.filter(period__code="HT-12-2024")
    assert sorted(assigned.values_list("unit__code", flat=True)) == sorted(CHOSEN)


def test_choosing_one_by_one_needs_a_ticked_unit(client, specialist):
    client.force_login(specialist)
    response = client.post(reverse("campaigns:create"), _one_by_one(units=[]))
    assert "Hãy đánh dấu ít nhất một đơn vị." in response.content.decode()
    assert not StudyCampaign.objects.filter(code="HT-12-2024").exists()


def test_a_unit_outside_the_target_subtree_is_refused_by_the_service(specialist, district):
    ben_thanh = OrgUnit.objects.get(code="DU-BEN-THANH")
    with pytest.raises(DomainError, match="không thuộc «Đảng ủy phường Bến Nghé»"):
        create(
            specialist,
            district,
            target_unit=OrgUnit.objects.get(code="DU-BEN-NGHE"),
            units=[ben_thanh],
        )
    assert not StudyCampaign.objects.filter(code="HT-2024").exists()


def test_a_sibling_ward_reporter_cannot_open_or_preview(client, outsider):
    client.force_login(outsider)
    assert client.get(reverse("campaigns:create")).status_code == 404
    response = client.post(reverse("campaigns:create"), {**_one_by_one(), "preview": "1"})
    assert response.status_code == 404
