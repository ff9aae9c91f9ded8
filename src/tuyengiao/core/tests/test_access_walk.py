"""Every URL of the resolver and every API endpoint, walked as the sibling ward's reporter
with the ids of Bến Nghé's own records from the demo (issue 9, "Tests"): each answer is a
refusal (403/404/405) or a page without any of Bến Nghé's private titles. New URLs are
walked without anyone adding them here."""

from __future__ import annotations

import itertools

from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver, reverse

OWN_UNIT, SIBLING = "DU-BEN-NGHE", "benthanh"
MAX_COMBINATIONS = 8
REFUSED = (302, 400, 403, 404, 405)
TEXT_FIELDS = ("title", "name", "text")


def _patterns(patterns, namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = pattern.namespace or namespace
            yield from _patterns(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield namespace, pattern


def _scoped_models():
    return [
        m
        for m in apps.get_models()
        if hasattr(m._default_manager.all(), "visible_to") and m._meta.label != "orgs.OrgUnit"
    ]


def _private(reporter, outsider):
    """{app label: ids} of records Bến Nghé sees and Bến Thành must not, and their texts."""
    ids, texts, visible_texts = {}, set(), set()
    for model in _scoped_models():
        fields = [f for f in TEXT_FIELDS if any(x.name == f for x in model._meta.fields)]
        theirs = model._default_manager.all().visible_to(outsider)
        for field in fields:
            visible_texts |= set(theirs.values_list(field, flat=True))
        private = model._default_manager.all().visible_to(reporter).exclude(pk__in=theirs)
        rows = list(private.order_by("pk")[:20])
        ids.setdefault(model._meta.app_label, []).extend(r.pk for r in rows[:3])
        for row in rows:
            texts |= {str(getattr(row, f)) for f in fields}
    markers = {t for t in texts if len(t) >= 12 and t not in visible_texts}
    return ids, markers


def _arguments(namespace, name, ids):
    from tuyengiao.reporting.models import Form

    if name in ("pk", "conclusion_pk", "term_pk", "commendation_pk", "task_pk", "item_pk"):
        return ids.get(namespace) or [1]
    if name in ("unit_code",):
        return [OWN_UNIT]
    if name == "code":
        return [OWN_UNIT, *{"campaigns": ["HTNQ-2022"]}.get(namespace, [])]
    if name == "form_code":
        return list(Form.objects.values_list("code", flat=True)[:2])
    if name == "period_code":
        return ["2022"]
    if name == "year":
        return [2022]
    return ids.get(namespace) or ["1"]


def _urls(ids):
    for namespace, pattern in _patterns(get_resolver().url_patterns):
        keys = list(pattern.pattern.regex.groupindex)
        if "format" in keys or namespace == "admin" or pattern.name.startswith("admin"):
            continue
        app = namespace or pattern.callback.__module__.split(".")[1]
        choices = [_arguments(app, key, ids) for key in keys]
        combos = itertools.islice(itertools.product(*choices), MAX_COMBINATIONS)
        full = f"{namespace}:{pattern.name}" if namespace else pattern.name
        for values in combos:
            try:
                yield reverse(full, kwargs=dict(zip(keys, values, strict=True)))
            except Exception:  # noqa: BLE001 - a converter refusing a value: nothing to walk
                continue


def _walk(client, user, ids, markers):
    client.raise_request_exception = False
    client.force_login(user)
    walked, leaks = 0, []
    for url in sorted(set(_urls(ids))):
        if url.startswith(("/logout/", "/api/schema/", "/api/docs/")):
            continue
        response = client.get(url)
        walked += 1
        assert response.status_code < 500, f"{url}: {response.status_code}"
        if response.status_code in REFUSED or response.get("Content-Type", "").startswith(
            "application/vnd"
        ):
            continue
        body = response.content.decode(errors="replace")
        leaks += [f"{url}: «{m[:60]}»" for m in markers if m in body]
    return walked, leaks


def test_the_sibling_ward_sees_nothing_of_ben_nghe_on_any_url(client, reporter, outsider):
    ids, markers = _private(reporter, outsider)
    assert len(markers) >= 3, "the demo should give Bến Nghé private records to look for"
    walked, leaks = _walk(client, outsider, ids, markers)
    assert walked > 100
    assert leaks == []


def test_the_same_walk_finds_the_titles_when_ben_nghe_itself_looks(client, reporter, outsider):
    # The walk can fail: the owner's own pages do show these titles.
    ids, markers = _private(reporter, outsider)
    _walked, found = _walk(client, reporter, ids, markers)
    assert len({leak.split(": «")[1] for leak in found}) >= len(markers) // 2
    assert any(url.startswith("/api/") for url in (f.split(":")[0] for f in found))
