"""Whoever may open the year-end report pages finds them in the menu; only CHANGE generates."""

import re

import pytest

pytestmark = pytest.mark.django_db


def _menu_has_reports(client):
    html = client.get("/").content.decode()
    return bool(re.search(r'href="/reports/"[^>]*>\s*Báo cáo tổng kết', html))


@pytest.mark.parametrize("who", ["approver", "viewer", "specialist"])
def test_readers_of_the_report_find_it_in_the_menu(who, client_for, request):
    client = client_for(request.getfixturevalue(who))
    assert _menu_has_reports(client)
    assert client.get("/reports/").status_code == 200
    assert client.get("/reports/QU-Q1/2022/").status_code == 200


def test_an_approver_may_read_but_not_generate(approver, client_for):
    client = client_for(approver)
    page = client.get("/reports/QU-Q1/2022/").content.decode()
    assert 'action="/reports/QU-Q1/2022/generate/"' not in page
    assert client.post("/reports/QU-Q1/2022/generate/").status_code in (403, 404)
