"""Every list page and API endpoint, with hostile query parameters: never a 500, and the
API always answers JSON (issue 9, item 6). URLs come from the resolver, so a new list is
walked without anyone adding it here."""

import pytest
from django.urls import URLResolver, get_resolver

SKIP = {"/logout/", "/login/", "/api/schema/", "/api/docs/", "/api/token/"}
PARAMS = ["year", "conference", "unit", "page", "kind", "status", "form", "period", "term"]
PARAMS += ["issuing_unit", "classification", "type", "issuer", "q", "month", "channel"]
VALUES = ["0", "-1", "99999999999999999999", "AAA", "x" * 3000, "a\x00b"]
SINGLE = ["year", "conference", "term", "kind"]


def _routes(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _routes(pattern.url_patterns, prefix + str(pattern.pattern))
        else:
            yield prefix + str(pattern.pattern)


def list_urls() -> list[str]:
    """The resolver's URLs that take no argument (lists, exports, forms)."""
    urls = []
    for route in _routes(get_resolver().url_patterns):
        route = route.replace("^", "").replace("$", "").replace("\\.", ".").replace("\\Z", "")
        if any(c in route for c in "<(?[") or route.startswith("admin/"):
            continue
        url = "/" + route
        if url not in SKIP and url not in urls:
            urls.append(url)
    return urls


def _check(client, url, params):
    response = client.get(url, params)
    assert response.status_code < 500, f"{url}?{list(params)} = {response.status_code}"
    if url.startswith("/api/") and response.status_code >= 400:
        assert response["Content-Type"].startswith("application/json"), url


@pytest.mark.parametrize("url", list_urls())
def test_hostile_parameters_never_make_a_server_error(client, specialist, url):
    client.raise_request_exception = False
    client.force_login(specialist)
    for value in VALUES:
        everything = dict.fromkeys(PARAMS, value)
        _check(client, url, everything)
        _check(client, url, {**everything, "format": "xlsx", "export": "xlsx"})
        for name in SINGLE:
            _check(client, url, {name: value})
