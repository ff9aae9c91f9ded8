"""The last week before a deadline, at national scale: API load against gunicorn on 127.0.0.1.

Builds (once, into the database of DATABASE_URL, which must be an empty PostgreSQL database
of its own) the national tree of bench/run.py with the 2022 year approved and 2023 assigned,
then, for each gunicorn worker count, starts gunicorn with deploy/gunicorn.conf.py and
drives it with CONCURRENCY client threads for SECONDS (and at most MAX requests): each
client takes the next grassroots unit that has not reported, saves its 2023 draft through
the API and submits it (the two requests a reporting unit makes); with --readers one client
polls a province's figures instead (the dashboards being watched meanwhile). The CPU time
of gunicorn's and PostgreSQL's processes is counted per reported unit. Writes --out
(bench/load-results.json keeps the runs that docs/scaling.md quotes).

    DATABASE_URL=postgres://postgres@127.0.0.1:55418/tgload \
        .venv/bin/python bench/load.py --workers 2 4 --seconds 40 --concurrency 8
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import random
import secrets
import signal
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent


def _django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tuyengiao.settings")
    os.environ["DEBUG"] = "false"
    os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(45)[:60])
    os.environ["SECURE_COOKIES"] = "false"
    sys.path.insert(0, str(BENCH_DIR))
    import django

    django.setup()


def build() -> dict:
    """The national tree and its data, unless an earlier run left them; a token for the API."""
    from django.core.management import call_command
    from django.db import connection, transaction
    from rest_framework.authtoken.models import Token

    if connection.vendor != "postgresql":
        raise SystemExit("load.py measures PostgreSQL: set DATABASE_URL")
    call_command("migrate", verbosity=0, interactive=False)
    from django.contrib.auth import get_user_model

    from tuyengiao.orgs.choices import UnitKind
    from tuyengiao.orgs.models import OrgUnit

    if not get_user_model().objects.filter(username="bench").exists():
        import scenarios
        from tree import build_national_tree

        started = time.perf_counter()
        with transaction.atomic():
            tree = build_national_tree(provinces=34, communes=3300, grassroots=52105)
        scenarios.load(tree, started=started, step=lambda m, s=None: print(f"load: {m}"))
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        print(f"load: built in {time.perf_counter() - started:.0f} s", flush=True)
    user = get_user_model().objects.get(username="bench")
    token, _ = Token.objects.get_or_create(user=user)
    from tuyengiao.reporting.models import Submission

    # Units that have not reported 2023 yet (an earlier run reported some).
    done = Submission.objects.filter(period__code="2023").values("unit_id")
    grassroots = list(
        OrgUnit.objects.filter(kind=UnitKind.GRASSROOTS)
        .exclude(pk__in=done)
        .order_by("path")
        .values_list("code", flat=True)
    )
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        backend = cursor.fetchone()[0]
    root = OrgUnit.objects.get(depth=1)
    provinces = list(
        OrgUnit.objects.filter(depth=2, path__startswith=root.path).values_list("code", flat=True)
    )
    return {
        "token": token.key,
        "grassroots": grassroots,
        "provinces": provinces,
        "postmaster": _parent(backend),
    }


def _parent(pid: int) -> int:
    return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])


def _cpu_seconds(root: int) -> float:
    """User + system CPU of a process and its children now alive (Linux /proc)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid, ppid = int(entry.name), int(fields[1])
        if pid == root or ppid == root:
            total += (int(fields[11]) + int(fields[12])) / ticks
    return total


class Client(threading.Thread):
    def __init__(self, port, token, units, provinces, deadline, budget, results, reader):
        super().__init__(daemon=True)
        self.port, self.token, self.units = port, token, units
        self.provinces, self.deadline, self.budget = provinces, deadline, budget
        self.results, self.reader = results, reader
        self.rng = random.Random()

    def call(self, kind, method, path, body=None):
        headers = {"Authorization": f"Token {self.token}", "Accept": "application/json"}
        data = None
        if body is not None:
            data = json.dumps(body)
            headers["Content-Type"] = "application/json"
        started = time.perf_counter()
        try:
            self.connection.request(method, path, body=data, headers=headers)
            response = self.connection.getresponse()
            payload = response.read()
            status = response.status
        except (OSError, http.client.HTTPException) as exc:
            self.connection.close()
            self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
            payload, status = str(exc).encode(), 0
        elapsed = (time.perf_counter() - started) * 1000
        self.results.append((kind, status, elapsed))
        return status, payload

    def run(self):
        self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        while time.perf_counter() < self.deadline and next(self.budget, None) is not None:
            if self.reader:
                province = self.rng.choice(self.provinces)
                self.call(
                    "read: province figures",
                    "GET",
                    f"/api/analytics/?form=HT-NQ&period=2023&unit={province}&include_submitted=true",
                )
                continue
            unit = next(self.units, None)
            if unit is None:
                return
            total = self.rng.randint(20, 400)
            values = {
                "members_total": total,
                "members_required": total - 5,
                "members_attended": total - 10,
                "non_members_attended": self.rng.randint(0, 300),
            }
            status, payload = self.call(
                "write: save draft",
                "POST",
                "/api/submissions/",
                {"form": "HT-NQ", "period": "2023", "unit": unit, "values": values},
            )
            if status == 201:
                pk = json.loads(payload)["id"]
                self.call("write: submit", "POST", f"/api/submissions/{pk}/submit/")


def _summary(results, seconds):
    kinds = {}
    for kind, status, elapsed in results:
        kinds.setdefault(kind, []).append((status, elapsed))
    out = {}
    for kind, rows in sorted(kinds.items()):
        times = sorted(elapsed for _, elapsed in rows)
        ok = sum(1 for status, _ in rows if 200 <= status < 300)
        out[kind] = {
            "requests": len(rows),
            "errors": len(rows) - ok,
            "per_second": round(len(rows) / seconds, 1),
            "median_ms": round(statistics.median(times), 1),
            "p95_ms": round(times[int(len(times) * 0.95) - 1], 1) if len(times) > 1 else times[0],
        }
    return out


def run_one(workers, data, units, args):
    port = args.port
    env = {
        **os.environ,
        "WEB_CONCURRENCY": str(workers),
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "LOG_LEVEL": "WARNING",
    }
    server = subprocess.Popen(
        [
            str(ROOT / ".venv/bin/gunicorn"),
            "--config",
            str(ROOT / "deploy/gunicorn.conf.py"),
            "tuyengiao.wsgi",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=ROOT,
    )
    try:
        for _ in range(120):
            try:
                probe = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                probe.request("GET", "/health/")
                if probe.getresponse().status == 200:
                    break
            except OSError:
                pass
            time.sleep(0.5)
        else:
            raise RuntimeError("gunicorn did not answer /health/")
        results: list = []
        budget = iter(range(args.max))
        started = time.perf_counter()
        deadline = started + args.seconds
        clients = [
            Client(
                port,
                data["token"],
                units,
                data["provinces"],
                deadline,
                budget,
                results,
                reader=(index == 0 and args.readers),
            )
            for index in range(args.concurrency)
        ]
        app_cpu, db_cpu = _cpu_seconds(server.pid), _cpu_seconds(data["postmaster"])
        for client in clients:
            client.start()
        for client in clients:
            client.join()
        elapsed = time.perf_counter() - started
        app_cpu = _cpu_seconds(server.pid) - app_cpu
        db_cpu = _cpu_seconds(data["postmaster"]) - db_cpu
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)
    summary = _summary(results, elapsed)
    writes = [k for k in summary if k.startswith("write: submit")]
    units_done = summary[writes[0]]["requests"] - summary[writes[0]]["errors"] if writes else 0
    return {
        "workers": workers,
        "concurrency": args.concurrency,
        "seconds": round(elapsed, 1),
        "units_reported": units_done,
        "units_per_second": round(units_done / elapsed, 1),
        # CPU spent per reported unit (save + submit): what the arithmetic of docs/scaling.md
        # rests on, less sensitive than wall time to a machine shared with others.
        "app_cpu_ms_per_unit": round(app_cpu * 1000 / units_done, 1) if units_done else None,
        "db_cpu_ms_per_unit": round(db_cpu * 1000 / units_done, 1) if units_done else None,
        "requests": summary,
        "load_average_after": os.getloadavg(),
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, nargs="+", default=[2, 4])
    parser.add_argument("--seconds", type=float, default=40)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--max", type=int, default=20000, help="requests at most per run")
    parser.add_argument("--port", type=int, default=8018)
    parser.add_argument(
        "--readers", action="store_true", help="one client polls a province's figures"
    )
    parser.add_argument("--out", default=str(BENCH_DIR / "load-results.json"))
    args = parser.parse_args(argv)
    _django()
    data = build()
    # Each unit reports once: the runs take consecutive slices of the national list.
    units = iter(data["grassroots"])
    runs = []
    for workers in args.workers:
        result = run_one(workers, data, units, args)
        runs.append(result)
        print(json.dumps(result, ensure_ascii=False), flush=True)
    report = {
        "machine": {
            "cores": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "database": "postgresql",
        "runs": runs,
    }
    Path(args.out).write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n")
    print(f"load: wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
