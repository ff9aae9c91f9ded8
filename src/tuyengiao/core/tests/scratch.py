"""A database of its own for a test that needs real commits in another process: a SQLite
file under tmp_path, or (when the suite runs on PostgreSQL) a throwaway database on the
same server, dropped afterwards."""

from __future__ import annotations

import contextlib
import os
import sys
import uuid

from django.conf import settings


def is_postgres() -> bool:
    return settings.DATABASES["default"]["ENGINE"].endswith("postgresql")


def _admin_connection():
    import psycopg

    db = settings.DATABASES["default"]
    return psycopg.connect(
        dbname="postgres",
        user=db.get("USER") or None,
        password=db.get("PASSWORD") or None,
        host=db.get("HOST") or None,
        port=db.get("PORT") or None,
        autocommit=True,
    )


def _url(name: str) -> str:
    db = settings.DATABASES["default"]
    auth = db.get("USER") or ""
    if db.get("PASSWORD"):
        auth += f":{db['PASSWORD']}"
    return f"postgres://{auth}@{db.get('HOST') or ''}:{db.get('PORT') or 5432}/{name}"


@contextlib.contextmanager
def scratch_database(tmp_path, label: str = "scratch"):
    """Yields a DATABASE_URL for an empty database."""
    if not is_postgres():
        yield f"sqlite:///{tmp_path / f'{label}.sqlite3'}"
        return
    name = f"tuyengiao_{label}_{uuid.uuid4().hex[:8]}"
    with _admin_connection() as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield _url(name)
    finally:
        with _admin_connection() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def command_env(tmp_path, database_url: str, **extra) -> dict:
    """The environment for `tuyengiao …` / `python -m …` in a subprocess over that database."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("PYTEST")}
    env.update(
        DEBUG="true",
        DJANGO_SETTINGS_MODULE="tuyengiao.settings",
        DATABASE_URL=database_url,
        TUYENGIAO_VAR_DIR=str(tmp_path / "var"),
        MEDIA_ROOT=str(tmp_path / "media"),
        **extra,
    )
    return env


PYTHON = sys.executable
