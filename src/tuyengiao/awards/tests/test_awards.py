import datetime as dt
from io import BytesIO

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from openpyxl import load_workbook

from tuyengiao.awards import services
from tuyengiao.awards.figures import year_figures
from tuyengiao.awards.models import Commendation, Recipient
from tuyengiao.core.errors import DomainError, NotAllowed
from tuyengiao.core.testing import assert_hidden_from
from tuyengiao.orgs.models import OrgUnit

pytestmark = pytest.mark.django_db


def unit(code):
    return OrgUnit.objects.get(code=code)


@pytest.fixture
def tuyen_giao_2022(db):
    return Commendation.objects.get(name="Công tác Tuyên giáo năm 2022")


@pytest.fixture
def ben_nghe_programme(admin):
    """A commendation conferred by Bến Nghé itself, to test the sibling ward's view."""
    return services.create_commendation(
        actor=admin,
        name="Khen thưởng phường Bến Nghé 2022",
        year=2022,
        unit=unit("DU-BEN-NGHE"),
        decision=None,
        conferred_on=dt.date(2023, 1, 20),
    )


def test_both_seed_programmes_count_5_collectives_and_10_individuals():
    rows = Commendation.objects.filter(unit__code="QU-Q1", year=2022).with_counts()
    assert {(c.name, c.n_collectives, c.n_individuals) for c in rows} == {
        ("Công tác Tuyên giáo năm 2022", 5, 10),
        ("Thực hiện Kế hoạch 05-KH/QU", 5, 10),
    }


def test_the_decisions_are_qd_documents_of_quan_uy(tuyen_giao_2022):
    assert tuyen_giao_2022.decision.type_code == "QĐ"
    assert tuyen_giao_2022.decision.issuing_unit.code == "QU-Q1"
    assert tuyen_giao_2022.decision.illustrative


def test_figures_print_the_seed_sentence(tuyen_giao_2022):
    figures = {f.id: f for f in year_figures(unit("QU-Q1"), 2022)}
    prefix = f"awards.{tuyen_giao_2022.pk}"
    assert figures[f"{prefix}.collectives"].value == 5
    assert figures[f"{prefix}.individuals"].value == 10
    assert figures[f"{prefix}.summary"].display == "5 tập thể và 10 cá nhân"
    assert figures[f"{prefix}.summary"].source["url"] == tuyen_giao_2022.get_absolute_url()
    assert year_figures(unit("QU-Q1"), 2021) == []


def test_a_recipient_is_a_collective_or_an_individual_never_both(tuyen_giao_2022, specialist):
    with pytest.raises(DomainError, match="chỉ chọn một trong hai") as error:
        services.add_recipient(
            tuyen_giao_2022, actor=specialist, unit=unit("DU-DA-KAO"), name="Nguyễn Văn B"
        )
    assert error.value.field == "name"
    with pytest.raises(DomainError, match="chọn một tập thể .* hoặc nhập họ và tên"):
        services.add_recipient(tuyen_giao_2022, actor=specialist, name="   ")
    assert tuyen_giao_2022.recipients.count() == 15


def test_the_database_refuses_a_recipient_with_both_or_neither(tuyen_giao_2022):
    for fields in ({"unit": unit("DU-DA-KAO"), "name": "X"}, {}):
        with pytest.raises(IntegrityError), transaction.atomic():
            Recipient.objects.create(commendation=tuyen_giao_2022, **fields)


def test_a_unit_is_commended_once_per_programme(tuyen_giao_2022, specialist):
    with pytest.raises(DomainError, match="đã có trong đợt khen thưởng"):
        services.add_recipient(tuyen_giao_2022, actor=specialist, unit=unit("DU-BEN-NGHE"))


def test_the_decision_must_be_a_qd(specialist):
    from tuyengiao.documents.models import Document

    plan = Document.objects.get(number_text="05-KH/QU")
    with pytest.raises(DomainError, match="phải là văn bản loại QĐ"):
        services.create_commendation(
            actor=specialist,
            name="X",
            year=2022,
            unit=unit("QU-Q1"),
            decision=plan,
            conferred_on=None,
        )


def test_a_future_year_is_refused(specialist):
    with pytest.raises(DomainError, match="Năm «2999»"):
        services.create_commendation(
            actor=specialist,
            name="X",
            year=2999,
            unit=unit("QU-Q1"),
            decision=None,
            conferred_on=None,
        )


def test_a_reporter_cannot_record_commendations(reporter, tuyen_giao_2022):
    with pytest.raises(NotAllowed):
        services.add_recipient(tuyen_giao_2022, actor=reporter, name="X")


def test_the_sibling_ward_gets_404_on_every_url_of_ben_nghe_commendation(
    client, outsider, ben_nghe_programme
):
    pk = ben_nghe_programme.pk
    for url in (
        reverse("awards:detail", args=[pk]),
        reverse("awards:edit", args=[pk]),
        f"{reverse('awards:detail', args=[pk])}?export=xlsx",
        f"/api/commendations/{pk}/",
    ):
        assert_hidden_from(client, outsider, url)
    assert_hidden_from(
        client,
        outsider,
        reverse("awards:add_recipient", args=[pk, "individual"]),
        "post",
        **{"individual-name": "X"},
    )
    assert ben_nghe_programme.recipients.count() == 0


def test_ben_nghe_sees_its_own_programme_but_not_the_districts(
    client, reporter, ben_nghe_programme, tuyen_giao_2022
):
    client.force_login(reporter)
    assert client.get(reverse("awards:detail", args=[ben_nghe_programme.pk])).status_code == 200
    assert client.get(reverse("awards:detail", args=[tuyen_giao_2022.pk])).status_code == 404
    names = [c["name"] for c in client.get("/api/commendations/").json()["results"]]
    assert names == ["Khen thưởng phường Bến Nghé 2022"]


def test_the_list_search_is_accent_insensitive(client, specialist, tuyen_giao_2022):
    client.force_login(specialist)
    response = client.get(reverse("awards:list"), {"q": "cong tac tuyen giao"})
    assert list(response.context["page"]) == [tuyen_giao_2022]


def test_the_page_and_api_show_the_counts(client, specialist, tuyen_giao_2022):
    client.force_login(specialist)
    page = client.get(reverse("awards:detail", args=[tuyen_giao_2022.pk])).content.decode()
    assert "5 tập thể và 10 cá nhân" in page
    api = client.get(f"/api/commendations/{tuyen_giao_2022.pk}/").json()
    assert (api["collectives"], api["individuals"]) == (5, 10)


def test_the_exports_are_xlsx_with_numbers_as_numbers(client, specialist, tuyen_giao_2022):
    client.force_login(specialist)
    listing = load_workbook(BytesIO(client.get(reverse("awards:list"), {"export": "xlsx"}).content))
    sheet = listing.active
    assert sheet["A1"].value == "Năm" and sheet["F2"].value == 5 and sheet["G2"].value == 10
    assert sheet["A2"].number_format == "0"  # the year reads 2022, never 2.022
    detail = client.get(reverse("awards:detail", args=[tuyen_giao_2022.pk]), {"export": "xlsx"})
    assert load_workbook(BytesIO(detail.content)).active.max_row == 16


def test_adding_an_individual_through_the_page(client, specialist, tuyen_giao_2022):
    client.force_login(specialist)
    url = reverse("awards:add_recipient", args=[tuyen_giao_2022.pk, "individual"])
    response = client.post(url, {"individual-name": "Nguyễn Thị Z", "individual-title": "CV"})
    assert response.status_code == 302
    assert services.counts(tuyen_giao_2022) == {"collectives": 5, "individuals": 11}


def test_the_programme_form_names_the_wrong_decision_and_saves_nothing(client, specialist):
    from tuyengiao.documents.models import Document

    client.force_login(specialist)
    count = Commendation.objects.count()
    decision = Document.objects.filter(type_code="QĐ", issuing_unit__code="QU-Q1").first()
    response = client.post(
        reverse("awards:create"),
        {
            "name": "Khen thưởng thử",
            "year": decision.signed_on.year + 1,
            "unit": unit("QU-Q1").pk,
            "decision": decision.pk,
        },
    )
    assert response.status_code == 200
    assert f"Quyết định «{decision}» ký năm {decision.signed_on.year}, trước năm" in (
        response.content.decode()
    )
    assert Commendation.objects.count() == count


def test_adding_and_removing_a_collective_says_collective_and_can_be_undone(
    client, specialist, tuyen_giao_2022
):
    from django.urls import reverse

    client.force_login(specialist)
    collective = tuyen_giao_2022.recipients.filter(unit__isnull=False).first()
    url = reverse("awards:remove_recipient", args=[tuyen_giao_2022.pk, collective.pk])
    page = client.post(url, {"confirmed": "1"}, follow=True).content.decode()
    assert f"Đã xóa tập thể «{collective.unit}» khỏi đợt khen thưởng." in page
    token = page.split('name="token" value="')[1].split('"')[0]
    page = client.post(reverse("undo"), {"token": token}, follow=True).content.decode()
    assert "Đã khôi phục." in page
    back = tuyen_giao_2022.recipients.get(unit=collective.unit)
    assert (back.reason, back.order) == (collective.reason, collective.order)

    back.delete()
    add = reverse("awards:add_recipient", args=[tuyen_giao_2022.pk, "collective"])
    page = client.post(
        add, {"collective-unit": collective.unit.pk, "collective-reason": "x"}, follow=True
    ).content.decode()
    assert f"Đã thêm tập thể «{collective.unit}»." in page
