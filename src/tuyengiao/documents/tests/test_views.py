import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tuyengiao.core.testing import assert_hidden_from, status_of
from tuyengiao.documents.models import Document, DocumentLink

from .conftest import pdf_file

pytestmark = pytest.mark.django_db
LIST = reverse("documents:list")


def test_the_register_counts_667_documents_of_the_district_in_2022(client, specialist):
    client.force_login(specialist)

    response = client.get(LIST, {"issuing_unit": "QU-Q1", "year": 2022})

    assert "667 văn bản năm 2022" in response.content.decode()


@pytest.mark.parametrize(
    "query", ["de an tuyen truyen", "ĐỀ ÁN TUYÊN TRUYỀN", "05-da/tu", "05 DA TU"]
)
def test_search_is_accent_insensitive_over_number_and_title(client, specialist, query):
    client.force_login(specialist)

    page = client.get(LIST, {"q": query}).content.decode()

    assert "05-ĐA/TU" in page


def test_the_register_filters_by_joint_or_single_issuer(client, specialist):
    client.force_login(specialist)

    page = client.get(LIST, {"issuer": "TW"}).content.decode()

    assert "85-QĐ/TW" in page and "05-KH/QU" not in page


def test_the_export_is_an_xlsx_with_vietnamese_headers_and_real_dates(client, specialist):
    client.force_login(specialist)

    response = client.get(reverse("documents:export"), {"issuing_unit": "QU-Q1", "year": 2022})

    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [c.value for c in sheet[1]][:3] == ["Số, ký hiệu", "Ngày ban hành", "Trích yếu"]
    assert sheet.max_row == 668
    assert sheet.cell(2, 2).value.year == 2022


def test_the_document_page_shows_what_it_implements_and_what_implements_it(
    client, specialist, document
):
    client.force_login(specialist)

    page = client.get(reverse("documents:detail", args=[document("05-KH/QU").pk])).content.decode()

    graph = page[page.index('data-testid="document-graph"') :]
    assert graph.index("05-ĐA/TU") < graph.index("35-NQ/TW") < graph.index("14-KH/ĐU")


def test_registering_through_the_form_parses_the_number_and_warns(client, specialist):
    client.force_login(specialist)

    response = client.post(
        reverse("documents:create"),
        {
            "number_text": "07 – KH/QU-ABC",
            "signed_on": "2022-05-02",
            "title": "Kế hoạch thử",
            "issuing_unit": "QU-Q1",
            "classification": "ordinary",
            "file": pdf_file(),
        },
        follow=True,
    )

    document = Document.objects.get(number_text="07-KH/QU-ABC")
    assert document.file_name == "ke-hoach.pdf"
    assert "«ABC» chưa có trong danh mục" in response.content.decode()


def test_a_duplicate_number_is_shown_on_the_number_field(client, specialist):
    client.force_login(specialist)

    response = client.post(
        reverse("documents:create"),
        {
            "number_text": "05-KH/QU",
            "signed_on": "2022-05-02",
            "title": "Trùng số",
            "issuing_unit": "QU-Q1",
            "classification": "ordinary",
        },
    )

    assert response.status_code == 200
    assert "«05-KH/QU» đã được dùng" in response.content.decode()
    assert Document.objects.filter(number_text="05-KH/QU").count() == 1


def test_a_malformed_number_is_shown_in_vietnamese(client, specialist):
    client.force_login(specialist)

    response = client.post(
        reverse("documents:create"),
        {
            "number_text": "05KH/QU",
            "signed_on": "2022-05-02",
            "title": "x",
            "issuing_unit": "QU-Q1",
            "classification": "ordinary",
        },
    )

    assert "thiếu dấu «-» giữa số thứ tự và loại văn bản" in response.content.decode()


def test_a_link_is_added_by_number_and_removed(client, specialist, document):
    client.force_login(specialist)
    plan = document("221-KH/QU")

    client.post(
        reverse("documents:add_link", args=[plan.pk]), {"kind": "guides", "target": "01-kl/tw"}
    )
    link = DocumentLink.objects.get(source=plan, kind="guides")
    client.post(reverse("documents:remove_link", args=[plan.pk, link.pk]), {"confirmed": "1"})

    assert link.target.number_text == "01-KL/TW"
    assert not DocumentLink.objects.filter(pk=link.pk).exists()


def test_the_parse_preview_shows_type_name_or_error(client, specialist):
    client.force_login(specialist)

    ok = client.get(reverse("documents:parse"), {"number_text": "05-KH/QU"}).content.decode()
    bad = client.get(reverse("documents:parse"), {"number_text": "05-KH"}).content.decode()

    assert "Kế hoạch" in ok and "thiếu dấu «/»" in bad


def test_a_ward_reporter_reads_the_district_and_city_documents(client, reporter, document):
    for number in ["05-KH/QU", "05-ĐA/TU", "01-KL/TW", "14-KH/ĐU"]:
        url = reverse("documents:detail", args=[document(number).pk])
        assert status_of(client, reporter, url) == 200, number


def test_a_ward_reporter_cannot_edit_the_district_documents(client, reporter, document):
    plan = document("05-KH/QU")

    assert_hidden_from(client, reporter, reverse("documents:edit", args=[plan.pk]))
    assert_hidden_from(client, reporter, reverse("documents:create"))
    assert_hidden_from(client, reporter, reverse("documents:import"))


def test_the_sibling_ward_gets_404_on_every_url_of_a_ward_document(
    client, outsider, ward_document, document
):
    link = DocumentLink.objects.get(source=ward_document)
    pk = ward_document.pk
    for url, method in [
        (reverse("documents:detail", args=[pk]), "get"),
        (reverse("documents:edit", args=[pk]), "get"),
        (reverse("documents:edit", args=[pk]), "post"),
        (reverse("documents:file", args=[pk]), "get"),
        (reverse("documents:add_link", args=[pk]), "post"),
        (reverse("documents:remove_link", args=[pk, link.pk]), "post"),
        (f"/api/documents/{pk}/", "get"),
    ]:
        assert_hidden_from(client, outsider, url, method)
    client.force_login(outsider)
    assert "14-KH/ĐU" not in client.get(LIST, {"q": "14-kh/du"}).content.decode()
    assert client.get("/api/documents/", {"q": "14-kh/du"}).json()["results"] == []


def test_the_sibling_ward_cannot_remove_a_link_through_its_superior_document(
    client, outsider, document
):
    plan = document("05-KH/QU")
    link = DocumentLink.objects.get(source__number_text="14-KH/ĐU")

    assert_hidden_from(
        client, outsider, reverse("documents:remove_link", args=[plan.pk, link.pk]), "post"
    )
    assert DocumentLink.objects.filter(pk=link.pk).exists()


def test_the_api_parses_numbers(client, reporter):
    client.force_login(reporter)

    ok = client.get("/api/documents/parse/", {"number": "05-QC/BTCTU-BDVTU"})
    bad = client.get("/api/documents/parse/", {"number": "05-/QU"})

    assert ok.json()["issuers"] == ["BTCTU", "BDVTU"]
    assert bad.status_code == 400 and "thiếu ký hiệu loại" in bad.json()["detail"]


def test_anonymous_users_are_sent_to_login(client):
    assert client.get(LIST).status_code == 302
    assert client.get("/api/documents/").status_code in (401, 403)


@pytest.mark.parametrize("params", [{"q": "05\x00"}, {"year": "abc"}, {"issuing_unit": "NOPE"}])
def test_odd_filter_values_never_fail(client, specialist, params):
    client.force_login(specialist)

    assert client.get(LIST, params).status_code == 200
    assert client.get(reverse("documents:export"), params).status_code == 200


def test_editing_a_document_to_secret_through_the_form_drops_its_file(client, specialist):
    client.force_login(specialist)
    client.post(
        reverse("documents:create"),
        {
            "number_text": "951-KH/QU",
            "signed_on": "2022-05-02",
            "title": "Kế hoạch có tệp",
            "issuing_unit": "QU-Q1",
            "classification": "ordinary",
            "file": pdf_file(),
        },
    )
    document = Document.objects.get(number_text="951-KH/QU")

    client.post(
        reverse("documents:edit", args=[document.pk]),
        {
            "number_text": "951-KH/QU",
            "signed_on": "2022-05-02",
            "title": "Kế hoạch có tệp",
            "classification": "secret",
        },
    )

    document.refresh_from_db()
    assert document.classification == "secret" and not document.file
    assert status_of(client, specialist, reverse("documents:file", args=[document.pk])) == 404


@pytest.mark.parametrize(
    "query", ["tuyen truyen bien dao", "dao bien tuyen truyen", "Tuyên truyền biển, đảo", "KH bien"]
)
def test_every_word_matches_in_any_order_accent_free(client, specialist, query):
    client.force_login(specialist)

    page = client.get(LIST, {"q": query}).content.decode()

    assert "tuyên truyền biển, đảo Việt Nam" in page


def test_a_word_that_matches_nothing_empties_the_list(client, specialist):
    client.force_login(specialist)

    response = client.get(LIST, {"q": "tuyen truyen bien dao khongcotu"})

    assert "tuyên truyền biển, đảo Việt Nam" not in response.content.decode()


def test_the_register_says_which_documents_are_its_own_and_which_come_from_above(
    client, specialist
):
    # 667 of the district (the report's figure) + the higher bodies' = the register's count
    client.force_login(specialist)

    response = client.get(LIST, {"year": 2022})
    year = next(y for y in response.context["years"] if y["year"] == 2022)
    page = response.content.decode()

    assert year["own"] >= 667 and year["higher"] > 0
    assert year["count"] == year["own"] + year["higher"]
    assert f"do đơn vị mình ban hành, {year['higher']} của cấp trên" in page
