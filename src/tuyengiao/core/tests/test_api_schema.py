import pytest

pytestmark = pytest.mark.django_db


def test_the_openapi_schema_generates(client, specialist):
    client.force_login(specialist)
    response = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    for path in (
        "/api/units/",
        "/api/submissions/",
        "/api/documents/",
        "/api/tasks/",
        "/api/documents/parse/",
        "/api/training/summary/",
    ):
        assert path in paths


def test_the_api_docs_page_loads_nothing_from_outside(client, specialist):
    client.force_login(specialist)
    page = client.get("/api/docs/").content.decode()
    assert "drf_spectacular_sidecar" in page
    assert "cdn" not in page.lower() and "https://" not in page


def test_pages_load_nothing_from_outside(client, specialist):
    client.force_login(specialist)
    page = client.get("/").content.decode()
    assert "/static/bootstrap/" in page and "/static/django_htmx/" in page
    assert "https://" not in page and "//cdn" not in page
