"""The demo test database: built once per test run, then copied, never reloaded.

Migrating and loading the demo costs seconds (much more on a busy machine). The first pytest
process of a run builds its test database that way and saves it as a template; every other
xdist worker copies the template as its own test database, and browser tests put it back after
the live server's flush. SQLite copies pages with the backup API (milliseconds); PostgreSQL uses
``CREATE DATABASE … TEMPLATE``. Used by the root conftest.py.
"""

import fcntl
import json
import os
import sqlite3
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.test.utils import setup_databases

INFO = "demo-db.json"


def run_dir(config) -> Path:
    """The directory of this test run, shared by its xdist workers (each has its own below)."""
    base = config._tmp_path_factory.getbasetemp()
    return base.parent if hasattr(config, "workerinput") else base


def sqlite_template(config) -> Path:
    """The run's demo database as a SQLite file, for a test that needs a copy of its own."""
    info = json.loads((run_dir(config) / INFO).read_text())
    if info["vendor"] != "sqlite":
        raise LookupError("the demo template is a PostgreSQL database")
    return Path(info["template"])


@contextmanager
def _locked(shared_dir: Path):
    shared_dir.mkdir(parents=True, exist_ok=True)
    with open(shared_dir / "demo-db.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _is_sqlite(connection) -> bool:
    return connection.vendor == "sqlite"


def _quote(connection, name: str) -> str:
    return connection.ops.quote_name(name)


def setup(shared_dir: Path, build, verbosity: int = 0) -> list:
    """Create this process's test database with the demo in it; return the teardown config.

    ``build()`` loads the demo into a freshly migrated test database; it runs once per
    ``shared_dir`` (one test run), under a lock that the other processes of the run wait on.
    """
    connection = connections[DEFAULT_DB_ALIAS]
    with _locked(shared_dir):
        info_path = shared_dir / INFO
        if info_path.exists():
            return _copy_template(connection, json.loads(info_path.read_text()), verbosity)
        old_config = setup_databases(
            verbosity=verbosity, interactive=False, aliases={DEFAULT_DB_ALIAS}
        )
        build()
        info = _save_template(connection, shared_dir)
        info_path.write_text(json.dumps(info))
        return old_config


def _save_template(connection, shared_dir: Path) -> dict:
    if _is_sqlite(connection):
        path = shared_dir / "demo.sqlite3"
        connection.ensure_connection()
        target = sqlite3.connect(path)
        try:
            connection.connection.backup(target)
        finally:
            target.close()
        return {"vendor": "sqlite", "template": str(path)}
    # No session may be connected to the source of CREATE DATABASE … TEMPLATE.
    source = connection.settings_dict["NAME"]
    template = f"{source}_demo_{os.getpid()}"[:63]
    connection.close()
    with connection._nodb_cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {_quote(connection, template)}")
        cursor.execute(
            f"CREATE DATABASE {_quote(connection, template)} TEMPLATE {_quote(connection, source)}"
        )
    return {"vendor": connection.vendor, "template": template}


def _copy_template(connection, info: dict, verbosity: int) -> list:
    """The steps of ``create_test_db`` without the migration, then the template's rows."""
    creation = connection.creation
    old_name = connection.settings_dict["NAME"]
    test_name = creation._get_test_db_name()
    if _is_sqlite(connection):
        creation._create_test_db(verbosity, autoclobber=True, keepdb=False)
    connection.close()
    settings.DATABASES[connection.alias]["NAME"] = test_name
    connection.settings_dict["NAME"] = test_name
    restore(info)
    return [(connection, old_name, True)]


def restore(info: dict | None = None, shared_dir: Path | None = None) -> None:
    """Put the template back into this process's test database (after a flush)."""
    if info is None:
        info = json.loads((shared_dir / INFO).read_text())
    connection = connections[DEFAULT_DB_ALIAS]
    if info["vendor"] == "sqlite":
        # An in-memory database lives only while a connection to it is open: copy into it.
        connection.ensure_connection()
        source = sqlite3.connect(info["template"])
        try:
            source.backup(connection.connection)
        finally:
            source.close()
        return
    name = connection.settings_dict["NAME"]
    connection.close()
    with connection._nodb_cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {_quote(connection, name)} WITH (FORCE)")
        cursor.execute(
            f"CREATE DATABASE {_quote(connection, name)} "
            f"TEMPLATE {_quote(connection, info['template'])}"
        )


def drop_template(shared_dir: Path) -> None:
    """Drop a PostgreSQL template once no process of the run needs it (SQLite's is a file)."""
    info_path = shared_dir / INFO
    if not info_path.exists():
        return
    info = json.loads(info_path.read_text())
    if info["vendor"] == "sqlite":
        return
    connection = connections[DEFAULT_DB_ALIAS]
    with connection._nodb_cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {_quote(connection, info['template'])}")
    info_path.unlink()
