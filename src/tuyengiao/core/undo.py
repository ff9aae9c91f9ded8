"""A way back after a destructive or bulk action, offered in the message that confirms it.

The view that removed something calls `offer(request, message, action=..., payload=...)`;
the message shows a «Hoàn tác» button that posts the token to `core.undo.undo_view`, which
runs the handler the owning app registered for `action`. Pending undos live in the user's
own session (so nobody else can use the token) for `TTL` seconds. Handlers call the app's
services, which check permissions again and write the audit trail.

core knows no domain app: apps register handlers from their AppConfig.ready().
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from .errors import DomainError

TTL = 15 * 60
KEEP = 10
SESSION_KEY = "undo"
HANDLERS: dict[str, Callable[..., str]] = {}


def register(action: str):
    """@register("meetings.restore_item") def handler(payload, *, actor) -> message."""

    def decorator(handler):
        HANDLERS[action] = handler
        return handler

    return decorator


def offer(request, message: str, *, action: str, payload: dict, next_url: str) -> str:
    token = secrets.token_urlsafe(12)
    pending = dict(request.session.get(SESSION_KEY, {}))
    pending[token] = {"action": action, "payload": payload, "next": next_url, "at": time.time()}
    request.session[SESSION_KEY] = dict(list(pending.items())[-KEEP:])
    messages.success(request, message, extra_tags=f"undo undo-token-{token}")
    return token


def token_of(extra_tags: str) -> str:
    for tag in (extra_tags or "").split():
        if tag.startswith("undo-token-"):
            return tag.removeprefix("undo-token-")
    return ""


@require_POST
@login_required
def undo_view(request):
    pending = dict(request.session.get(SESSION_KEY, {}))
    entry = pending.pop(request.POST.get("token", ""), None)
    request.session[SESSION_KEY] = pending
    if entry is None or time.time() - entry["at"] > TTL or entry["action"] not in HANDLERS:
        messages.error(
            request, "Không còn hoàn tác được thao tác này (đã quá 15 phút hoặc đã hoàn tác)."
        )
        return redirect("home")
    try:
        messages.success(request, HANDLERS[entry["action"]](entry["payload"], actor=request.user))
    except DomainError as exc:
        messages.error(request, exc.message)
    target = entry["next"]
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "/"
    return redirect(target)
