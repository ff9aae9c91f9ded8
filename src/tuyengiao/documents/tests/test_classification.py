"""A user without clearance never reads a classified title: page, list, search, export, API."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from .conftest import SECRET_TITLE

pytestmark = pytest.mark.django_db
LIST = reverse("documents:list")


def cells(response) -> str:
    book = load_workbook(io.BytesIO(response.content))
    return " ".join(str(c.value) for row in book.active.iter_rows() for c in row)


@pytest.fixture(params=["reporter", "viewer"])
def uncleared(request):
    """Both see the district's documents; neither holds documents.view_classified."""
    return request.getfixturevalue(request.param)


def test_the_document_page_hides_the_title_but_shows_the_number(client, uncleared, secret):
    client.force_login(uncleared)

    page = client.get(reverse("documents:detail", args=[secret.pk])).content.decode()

    assert "12-BC/QU" in page
    assert SECRET_TITLE not in page
    assert "trích yếu không hiển thị" in page


def test_the_register_lists_the_row_without_its_title(client, uncleared):
    client.force_login(uncleared)

    page = client.get(LIST, {"year": 2022, "type": "BC", "issuing_unit": "QU-Q1"}).content.decode()

    assert "12-BC/QU" in page and SECRET_TITLE not in page


@pytest.mark.parametrize("query", ["bi mat nha nuoc", "bảo vệ bí mật"])
def test_searching_the_secret_title_finds_nothing(client, uncleared, query):
    client.force_login(uncleared)

    page = client.get(LIST, {"q": query}).content.decode()

    assert "12-BC/QU" not in page and SECRET_TITLE not in page


def test_searching_by_number_finds_the_row_still_without_title(client, uncleared):
    client.force_login(uncleared)

    page = client.get(LIST, {"q": "12-bc/qu"}).content.decode()

    assert "12-BC/QU" in page and SECRET_TITLE not in page


def test_the_export_hides_the_title(client, uncleared):
    client.force_login(uncleared)

    content = cells(client.get(reverse("documents:export"), {"q": "12-BC/QU"}))

    assert "12-BC/QU" in content and SECRET_TITLE not in content


def test_the_api_hides_the_title_in_list_detail_and_search(client, uncleared, secret):
    client.force_login(uncleared)

    detail = client.get(f"/api/documents/{secret.pk}/").json()
    listed = client.get("/api/documents/", {"q": "12-BC"}).json()["results"]
    searched = client.get("/api/documents/", {"q": "bi mat nha nuoc"}).json()["results"]

    assert detail["title"] == "" and detail["number_text"] == "12-BC/QU"
    assert [d["title"] for d in listed if d["number_text"] == "12-BC/QU"] == [""]
    assert searched == []


def test_a_cleared_specialist_reads_the_title_everywhere(client, specialist, secret):
    client.force_login(specialist)

    assert (
        SECRET_TITLE in client.get(reverse("documents:detail", args=[secret.pk])).content.decode()
    )
    assert SECRET_TITLE in client.get(LIST, {"q": "bi mat nha nuoc"}).content.decode()
    assert SECRET_TITLE in cells(client.get(reverse("documents:export"), {"q": "12-BC/QU"}))
    assert client.get(f"/api/documents/{secret.pk}/").json()["title"] == SECRET_TITLE


def test_a_number_word_and_a_secret_title_word_together_find_nothing(client, uncleared):
    # "12-bc/qu" matches the number, "bi mat" only the hidden title: no hint of the title
    client.force_login(uncleared)

    page = client.get(LIST, {"q": "12-bc/qu bi mat"}).content.decode()

    assert "12-BC/QU" not in page
