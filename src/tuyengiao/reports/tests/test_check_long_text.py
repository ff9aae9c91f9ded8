"""A pasted text over the checker's limit is told so, with its length and the limit; it was
answered «Hãy dán văn bản…» (paste a text), although a text had been pasted."""

import pytest

from tuyengiao.reports.forms import MAX_TEXT_CHARS

pytestmark = pytest.mark.django_db


def test_a_text_over_the_limit_is_refused_with_the_limit_not_asked_for_again(client, reporter):
    client.force_login(reporter)

    response = client.post("/reports/check/", {"text": "Đạt 93,44%. " * (MAX_TEXT_CHARS // 10)})

    page = response.content.decode()
    assert response.status_code == 400
    assert "Hãy dán văn bản" not in page
    assert "200.000" in page  # the limit, written the Vietnamese way
