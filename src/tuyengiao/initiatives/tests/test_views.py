import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tuyengiao.core.testing import assert_hidden_from, status_of
from tuyengiao.initiatives.models import Initiative
from tuyengiao.orgs.models import OrgUnit

pytestmark = pytest.mark.django_db


def form_data(**overrides):
    data = {
        "name": "Mô hình mới",
        "unit": OrgUnit.objects.get(code="DU-BEN-NGHE").pk,
        "start_year": 2023,
        "end_year": "",
        "description": "",
    }
    data.update(overrides)
    return data


def test_sibling_ward_reporter_gets_404_on_every_url_and_endpoint_of_a_ben_nghe_initiative(
    client, outsider, ben_nghe_initiative
):
    pk = ben_nghe_initiative.pk
    for url in [
        reverse("initiatives:detail", args=[pk]),
        reverse("initiatives:edit", args=[pk]),
        f"/api/initiatives/{pk}/",
    ]:
        assert_hidden_from(client, outsider, url)
    assess = reverse("initiatives:assess", args=[pk])
    assert_hidden_from(client, outsider, assess, "post", year=2022, status="effective", text="x")
    assert_hidden_from(
        client, outsider, reverse("initiatives:edit", args=[pk]), "post", **form_data()
    )


def test_ward_reporter_sees_the_own_initiative_only_and_cannot_edit_it(
    client, reporter, ben_nghe_initiative, ben_thanh_initiative
):
    client.force_login(reporter)
    page = client.get(reverse("initiatives:list")).content.decode()
    assert "Dân vận khéo phường Bến Nghé" in page
    assert "Bến Thành" not in page and "trái tim nghĩa tình" not in page
    names = [i["name"] for i in client.get("/api/initiatives/").json()["results"]]
    assert names == ["Dân vận khéo phường Bến Nghé"]
    edit = reverse("initiatives:edit", args=[ben_nghe_initiative.pk])
    assert status_of(client, reporter, edit) == 403


def test_anonymous_users_are_sent_to_login(client):
    assert client.get(reverse("initiatives:list")).status_code == 302


def test_list_of_2022_shows_the_two_seed_initiatives_with_their_assessment(client, viewer):
    client.force_login(viewer)
    page = client.get(reverse("initiatives:list"), {"year": 2022, "unit": "QU-Q1"}).content.decode()
    assert "2 mô hình thực hiện trong năm 2022" in page
    assert page.count("badge status-effective") == 2


@pytest.mark.parametrize("query", ["trai tim nghia tinh", "TRÁI TIM", "chuyen doi so"])
def test_search_is_accent_insensitive(client, specialist, query):
    client.force_login(specialist)
    page = client.get(reverse("initiatives:list"), {"q": query}).content.decode()
    assert 'data-testid="initiative-count">1 mô hình' in page


def test_specialist_creates_an_initiative_and_bad_years_are_refused(client, specialist):
    client.force_login(specialist)
    page = client.post(reverse("initiatives:create"), form_data(end_year=2020)).content.decode()
    assert "Năm kết thúc (2020) không được trước năm bắt đầu (2023)." in page
    assert not Initiative.objects.filter(name="Mô hình mới").exists()
    response = client.post(reverse("initiatives:create"), form_data())
    assert response.status_code == 302
    assert Initiative.objects.get(name="Mô hình mới").history.count() == 1


def test_assessing_through_the_page_shows_the_rule_when_the_year_is_outside(
    client, specialist, ben_nghe_initiative
):
    client.force_login(specialist)
    url = reverse("initiatives:assess", args=[ben_nghe_initiative.pk])
    page = client.post(url, {"year": 2019, "status": "effective", "text": "x"}).content.decode()
    assert "Năm đánh giá (2019) phải trong thời gian thực hiện mô hình (2021–2023)." in page
    assert client.post(url, {"year": 2023, "status": "effective", "text": "Tốt"}).status_code == 302
    assert ben_nghe_initiative.assessments.count() == 2


def test_export_lists_the_year_status(client, specialist):
    client.force_login(specialist)
    response = client.get(reverse("initiatives:export"), {"year": 2022, "unit": "QU-Q1"})
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[0][5] == "Đánh giá 2022"
    assert {r[5] for r in rows[1:]} == {"Hiệu quả"} and len(rows) == 3
