"""The API answers an integration's mistakes in Vietnamese too: DRF's own messages (no
token, a bad token, malformed JSON, a list where an object is expected, a null field)
used to reach the client in English."""

import re

import pytest
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db
ENGLISH = re.compile(
    r"\b(credentials|Invalid|Expected|dictionary|parse|valid string|may not|null|token)\b"
)


def _detail(response) -> str:
    body = response.json()
    return body["detail"] + " " + str(body.get("errors", {}))


def test_no_token_and_a_bad_token_are_refused_in_vietnamese():
    client = APIClient()
    assert not ENGLISH.search(_detail(client.get("/api/documents/")))

    client.credentials(HTTP_AUTHORIZATION="Token 0123456789abcdef")
    response = client.get("/api/documents/")
    assert response.status_code in (401, 403)
    assert not ENGLISH.search(_detail(response)), _detail(response)


@pytest.mark.parametrize(
    "body",
    [
        "[1, 2",  # malformed JSON
        '"a string"',  # not an object
        "[1, 2]",
        '{"form": ["HT-NQ"], "period": {"a": 1}, "unit": null, "values": [1]}',
    ],
)
def test_a_malformed_submission_is_refused_in_vietnamese(reporter, body):
    client = APIClient()
    client.force_authenticate(reporter)

    response = client.post("/api/submissions/", body, content_type="application/json")

    assert response.status_code == 400
    assert not ENGLISH.search(_detail(response)), _detail(response)
