"""One log line per request, for journald: who, which unit, what, the answer and how long.

Settings route the "tuyengiao" loggers to stdout, as JSON lines in production
(LOG_FORMAT=json); errors keep their traceback (Django's own "django.request" logger).
"""

from __future__ import annotations

import logging
import time

log = logging.getLogger("tuyengiao.request")


def _unit(request) -> str:
    """The unit the request is about (its URL names it), else the user's units if known."""
    match = getattr(request, "resolver_match", None)
    if match is not None:
        code = match.kwargs.get("unit_code") or (
            match.kwargs.get("code") if match.app_name == "orgs" else None
        )
        if code:
            return str(code)
    # Only memberships the request already loaded: logging adds no query.
    user = getattr(request, "user", None)
    cached = getattr(user, "_tuyengiao_memberships", None) or []
    return ",".join(sorted({membership.unit.code for membership in cached}))


def _client_ip(request) -> str:
    # Behind nginx the last X-Forwarded-For entry is the address nginx saw; gunicorn listens
    # on 127.0.0.1 only, so no one else can set it.
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    return forwarded.rsplit(",", 1)[-1].strip() or request.META.get("REMOTE_ADDR", "")


class RequestLogMiddleware:
    """Outermost middleware: it sees the final status, 500s included, and the whole time."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        duration = (time.perf_counter() - started) * 1000
        user = getattr(request, "user", None)
        username = user.get_username() if getattr(user, "is_authenticated", False) else ""
        level = logging.ERROR if response.status_code >= 500 else logging.INFO
        log.log(
            level,
            "%s %s %s %.0f ms",
            request.method,
            request.path,
            response.status_code,
            duration,
            extra={
                "user": username,
                "unit": _unit(request),
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "duration_ms": round(duration, 1),
                "ip": _client_ip(request),
            },
        )
        return response


def logging_config(fmt: str = "json", *, mail_admins: bool = False, level: str = "INFO") -> dict:
    """settings.LOGGING: everything to stdout, the project's loggers from `level` up, and
    server errors mailed to ADMINS when `mail_admins` (an SMTP server is configured)."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "json": {
                "()": "pythonjsonlogger.json.JsonFormatter",
                "format": "%(asctime)s %(levelname)s %(name)s %(message)s",
                "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
                "json_ensure_ascii": False,
            },
            "text": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        },
        "filters": {"require_debug_false": {"()": "django.utils.log.RequireDebugFalse"}},
        "handlers": {
            "stdout": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stdout",
                "formatter": fmt,
            },
            "mail_admins": {
                "class": "django.utils.log.AdminEmailHandler",
                "level": "ERROR",
                "filters": ["require_debug_false"],
            },
        },
        "root": {"handlers": ["stdout"], "level": "WARNING"},
        "loggers": {
            "tuyengiao": {"level": level},
            # Replaces Django's default handlers (its own mail_admins and a DEBUG console):
            # its records reach stdout through the root, and errors are mailed once, below.
            "django": {"level": "INFO", "handlers": []},
            # 4xx are in the request log already; 5xx keep their traceback.
            "django.request": {
                "level": "ERROR",
                "handlers": ["mail_admins"] if mail_admins else [],
            },
        },
    }
