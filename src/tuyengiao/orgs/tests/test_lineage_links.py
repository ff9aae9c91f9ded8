"""A unit page links only to units the reader may open: Bến Nghé's successor in 2025
(phường Sài Gòn, directly under the city) was a link that answered 404 to every district
user and to Bến Nghé's own reporter."""

import re

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("who", ["specialist", "reporter"])
def test_every_unit_link_on_a_unit_page_opens_for_its_reader(request, client_for, who):
    client = client_for(request.getfixturevalue(who))

    page = client.get("/units/DU-BEN-NGHE/")

    assert page.status_code == 200
    html = page.content.decode()
    assert "Sài Gòn" in html  # the successor is still named
    links = set(re.findall(r'href="(/units/[^"/]+/)"', html))
    assert links or who == "reporter"  # the reporter sees no unit above or below its ward
    broken = [link for link in links if client.get(link).status_code != 200]
    assert broken == []
