"""Helpers for permission tests, shared by every app's test suite."""


def status_of(client, user, url, method="get", **data):
    client.force_login(user)
    response = getattr(client, method)(url, data) if data else getattr(client, method)(url)
    client.logout()
    return response.status_code


def assert_hidden_from(client, user, url, method="get", **data):
    """The user gets 404 (or 403): the object is outside their units."""
    code = status_of(client, user, url, method, **data)
    assert code in (403, 404), f"{user} got {code} for {method.upper()} {url}"
