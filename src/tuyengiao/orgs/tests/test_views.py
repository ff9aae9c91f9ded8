import pytest
from django.urls import reverse

from tuyengiao.core.testing import assert_hidden_from, status_of

pytestmark = pytest.mark.django_db

BEN_NGHE = reverse("orgs:detail", args=["DU-BEN-NGHE"])
DISTRICT = reverse("orgs:detail", args=["QU-Q1"])
TREE = reverse("orgs:tree")


@pytest.mark.parametrize(
    ("role", "url", "expected"),
    [
        ("admin", DISTRICT, 200),
        ("specialist", DISTRICT, 200),
        ("approver", DISTRICT, 200),
        ("viewer", DISTRICT, 200),
        ("reporter", DISTRICT, 404),
        ("outsider", DISTRICT, 404),
        ("admin", BEN_NGHE, 200),
        ("specialist", BEN_NGHE, 200),
        ("approver", BEN_NGHE, 200),
        ("viewer", BEN_NGHE, 200),
        ("reporter", BEN_NGHE, 200),
        ("outsider", BEN_NGHE, 404),
        ("admin", TREE, 200),
        ("reporter", TREE, 200),
        ("outsider", TREE, 200),
        ("admin", "/", 200),
        ("reporter", "/", 200),
        ("viewer", "/", 200),
    ],
)
def test_permission_matrix_for_unit_pages(client, request, role, url, expected):
    user = request.getfixturevalue(role)
    assert status_of(client, user, url) == expected


def test_anonymous_users_are_sent_to_the_login_page(client):
    response = client.get(BEN_NGHE)
    assert response.status_code == 302 and response.url.startswith("/login/")


def test_sibling_ward_reporter_gets_404_on_ben_nghe_page_and_api(client, outsider):
    assert_hidden_from(client, outsider, BEN_NGHE)
    assert_hidden_from(client, outsider, "/api/units/DU-BEN-NGHE/")


def test_reporter_sees_only_the_own_unit_in_search(client, reporter):
    client.force_login(reporter)
    page = client.get(TREE, {"q": "phuong"}).content.decode()
    assert "Đảng ủy phường Bến Nghé" in page
    assert "Bến Thành" not in page


@pytest.mark.parametrize("query", ["ben nghe", "BEN NGHE", "Bến Nghé"])
def test_search_is_accent_insensitive(client, specialist, query):
    client.force_login(specialist)
    page = client.get(TREE, {"q": query}).content.decode()
    assert "Đảng ủy phường Bến Nghé" in page


def test_search_folds_d_with_stroke(client, specialist):
    client.force_login(specialist)
    assert "Đảng ủy phường Đa Kao" in client.get(TREE, {"q": "da kao"}).content.decode()


def test_district_page_lists_children_in_vietnamese_order(client, specialist):
    client.force_login(specialist)
    page = client.get(DISTRICT).content.decode()
    assert (
        page.index("phường Cô Giang")
        < page.index("phường Đa Kao")
        < page.index("phường Nguyễn Cư Trinh")
    )


def test_closed_ward_page_names_its_successor(client, specialist):
    client.force_login(specialist)
    page = client.get(BEN_NGHE).content.decode()
    assert "Đảng ủy phường Sài Gòn" in page
    assert "30/06/2025" in page


def test_api_lists_only_visible_units(client, reporter):
    client.force_login(reporter)
    codes = [u["code"] for u in client.get("/api/units/").json()["results"]]
    assert codes == ["DU-BEN-NGHE"]


def test_api_token_authentication_uses_the_same_scope(client, outsider):
    from rest_framework.authtoken.models import Token

    token = Token.objects.create(user=outsider)
    response = client.get("/api/units/DU-BEN-NGHE/", HTTP_AUTHORIZATION=f"Token {token.key}")
    assert response.status_code == 404
    response = client.get("/api/units/DU-BEN-THANH/", HTTP_AUTHORIZATION=f"Token {token.key}")
    assert response.status_code == 200


def test_pages_are_in_vietnamese(client, reporter):
    client.force_login(reporter)
    page = client.get("/").content.decode()
    assert "Đăng xuất" in page and "Đơn vị của tôi" in page


def test_login_page_is_vietnamese(client):
    page = client.get("/login/").content.decode()
    assert "Đăng nhập" in page and "Mật khẩu" in page
