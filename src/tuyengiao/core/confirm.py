"""Destructive and bulk actions ask once, with JavaScript or without.

A form with `data-confirm="…"` asks in a `<dialog>` (static/tuyengiao/site.js), which adds the
field `confirmed=1` before submitting. Without JavaScript the form posts without it, and the
view wrapped in `@asks(question)` answers with a confirmation page instead of acting: the same
sentence, «Xác nhận» (the same POST again, with the field) and «Quay lại». Nothing changes
until the field comes.

`question(request, **url_kwargs) -> str | None` finds the objects the way the view does
(through `visible_to`, so a user who may not act gets 404 here too, never the sentence) and
returns the sentence the page's `data-confirm` shows: the same msgid, so the same words.
None: this POST needs no question (one view serving several buttons).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from urllib.parse import urlsplit

from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme

FIELD = "confirmed"


def confirmed(request) -> bool:
    return request.POST.get(FIELD) == "1"


def asks(question: Callable[..., str]):
    """@asks(question) on a POST view that deletes or acts on many records at once."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method == "POST" and not confirmed(request):
                sentence = question(request, *args, **kwargs)
                if sentence is not None:
                    return page(request, sentence)
            return view(request, *args, **kwargs)

        wrapper.confirm_question = question  # for tests: which views ask
        return wrapper

    return decorator


def page(request, sentence: str):
    fields = [
        (name, value)
        for name, values in request.POST.lists()
        if name not in ("csrfmiddlewaretoken", FIELD)
        for value in values
    ]
    back = "/"  # «Quay lại»: the page the form was on, if it was on this site
    referer = request.META.get("HTTP_REFERER", "")
    if referer and url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        parts = urlsplit(referer)
        back = parts.path + (f"?{parts.query}" if parts.query else "")
    context = {"sentence": sentence, "fields": fields, "field": FIELD, "back": back}
    return render(request, "core/confirm.html", context)
