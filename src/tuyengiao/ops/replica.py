"""Dashboards and reports read from a PostgreSQL read replica (docs/scaling.md).

With DATABASE_REPLICA_URL set, the GET requests of the views named in REPLICA_VIEWS read
every row from the "replica" database; everything else — logins, sessions, every write,
every form a user fills — stays on the primary. A replica lags by a fraction of a second, so
only pages that show totals go there, never a page a user has just saved.
"""

from __future__ import annotations

import threading

from django.conf import settings

REPLICA = "replica"
# Who is asking is always answered by the primary: a new session or token is there first.
PRIMARY_APPS = {"sessions", "auth", "authtoken", "contenttypes", "axes"}
_state = threading.local()  # gunicorn's sync workers: one request at a time per thread


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        if getattr(_state, "reading", False) and model._meta.app_label not in PRIMARY_APPS:
            return REPLICA
        return None

    def db_for_write(self, model, **hints):
        # Explicit: an object read from the replica must still be saved on the primary.
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the same rows on both

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"


class ReplicaMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            return self.get_response(request)
        finally:
            _state.reading = False

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        user = getattr(request, "user", None)
        if user is not None:
            user.is_authenticated  # noqa: B018 - the session and user, from the primary, now
        _state.reading = (
            request.method in ("GET", "HEAD")
            and match is not None
            and match.view_name in settings.REPLICA_VIEWS
        )
