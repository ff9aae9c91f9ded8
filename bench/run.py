"""`make bench`: the reporting engine at national scale.

Builds, in a throwaway database, a synthetic national tree (34 provinces → about 3.300
communes → 52.105 grassroots organisations) with one year of approved HT-NQ submissions,
then prints the median and p95 of the queries a national deployment must keep interactive,
and writes them with the machine into bench/RESULTS.md.

SQLite by default (a temporary file, like a real deployment, not an in-memory database);
with DATABASE_URL set, PostgreSQL: a fresh `test_<name>` database is created and dropped,
the named database itself is never touched.

    .venv/bin/python bench/run.py [--repeat 20] [--size small] [--no-write]
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import sys
import tempfile
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
SIZES = {
    "national": {"provinces": 34, "communes": 3300, "grassroots": 52105},
    "small": {"provinces": 3, "communes": 30, "grassroots": 600},
}


def _environment() -> str | None:
    """Point Django at a throwaway database before it is imported; return the temp dir."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tuyengiao.settings")
    # DEBUG off: no per-query logging in the timings, as in production.
    os.environ["DEBUG"] = "false"
    # Production settings refuse a short key; the bench's database is thrown away.
    os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(50))
    # Pages are fetched over plain HTTP by the test client: no HTTPS redirect.
    os.environ.setdefault("SECURE_COOKIES", "false")
    if os.environ.get("DATABASE_URL"):
        return None
    var_dir = tempfile.mkdtemp(prefix="tuyengiao-bench-")
    os.environ["TUYENGIAO_VAR_DIR"] = var_dir
    return var_dir


def _step(message: str, started: float | None = None) -> float:
    now = time.perf_counter()
    suffix = f" ({now - started:.1f} s)" if started is not None else ""
    print(f"bench: {message}{suffix}", flush=True)
    return now


def _create_database(connection):
    from django.core.management import call_command

    if connection.vendor == "sqlite":
        call_command("migrate", verbosity=0, interactive=False)
        return None
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    return old_name


def _analyze(connection):
    # A deployment's planner has statistics (autovacuum, PRAGMA optimize); give it the same.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="timed runs per query")
    parser.add_argument("--size", choices=sorted(SIZES), default="national")
    parser.add_argument("--no-write", action="store_true", help="do not update RESULTS.md")
    args = parser.parse_args(argv)

    var_dir = _environment()
    sys.path.insert(0, str(BENCH_DIR))
    import django

    django.setup()
    import results
    import scenarios
    from django.db import connection, transaction
    from tree import build_national_tree

    started = _step(f"database: {connection.vendor}")
    old_name = _create_database(connection)
    try:
        started = _step("migrated", started)
        with transaction.atomic():
            tree = build_national_tree(**SIZES[args.size])
        started = _step(f"tree of {tree.total:,} units built".replace(",", "."), started)
        setup = scenarios.load(tree, started=started, step=_step)
        _analyze(connection)
        timings = scenarios.run(tree, setup, repeat=args.repeat)
        for item in timings:
            print(f"{item.label:<58} median {item.median:9.1f} ms   p95 {item.p95:9.1f} ms")
        if not args.no_write and args.size == "national":
            path = results.write(BENCH_DIR / "RESULTS.md", connection, tree, setup, timings)
            print(f"bench: wrote {path}")
    finally:
        if old_name is not None:
            connection.creation.destroy_test_db(old_name, verbosity=0)
        if var_dir:
            connection.close()
            shutil.rmtree(var_dir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
