"""API load inside `make bench`: gunicorn (deploy/gunicorn.conf.py, 2 workers) on 127.0.0.1
over the bench's own database, driven by client threads for a bounded time and number of
requests. Single writes: one unit's 2023 draft per POST /api/submissions/. Bulk: many
units per POST /api/submissions/bulk/ (each unit saved in its own transaction). Every
answer that is not 2xx is counted as an error."""

from __future__ import annotations

import http.client
import json
import os
import random
import signal
import statistics
import subprocess
import threading
import time
from pathlib import Path

from timing import Timing

ROOT = Path(__file__).resolve().parent.parent
PORT = int(os.environ.get("BENCH_PORT", "8020"))


def _figures(rng) -> dict:
    total = rng.randint(20, 400)
    return {
        "members_total": total,
        "members_required": total - 5,
        "members_attended": total - 10,
        "non_members_attended": rng.randint(0, 300),
    }


def start_server(env_extra: dict, workers: int = 2):
    env = {
        **os.environ,
        **env_extra,
        "WEB_CONCURRENCY": str(workers),
        "GUNICORN_BIND": f"127.0.0.1:{PORT}",
        "GUNICORN_LOGLEVEL": "warning",
        "SECURE_COOKIES": "false",
        "DEBUG": "false",
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
    for _ in range(240):
        try:
            probe = http.client.HTTPConnection("127.0.0.1", PORT, timeout=5)
            probe.request("GET", "/health/")
            if probe.getresponse().status == 200:
                return server
        except OSError:
            pass
        time.sleep(0.5)
    stop_server(server)
    raise RuntimeError("gunicorn did not answer /health/")


def stop_server(server) -> None:
    server.send_signal(signal.SIGTERM)
    try:
        server.wait(timeout=60)
    except subprocess.TimeoutExpired:
        server.kill()


def _drive(token, jobs, *, clients: int, seconds: float):
    """Run `jobs` (an iterator of (path, body, units)) with `clients` threads until they
    are used up or `seconds` pass; [(status, ms, units)]."""
    results, lock = [], threading.Lock()
    deadline = time.perf_counter() + seconds

    def work():
        connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=120)
        headers = {
            "Authorization": f"Token {token}",
            "Content-Type": "application/json",
            "Accept": "application/json",
        }
        while time.perf_counter() < deadline:
            with lock:
                job = next(jobs, None)
            if job is None:
                return
            path, body, units = job
            started = time.perf_counter()
            try:
                connection.request("POST", path, body=json.dumps(body), headers=headers)
                response = connection.getresponse()
                payload = response.read()
                status = response.status
                if status in (200, 207) and units > 1:  # bulk: units refused are errors
                    units_ok = json.loads(payload)["saved"]
                else:
                    units_ok = units if 200 <= status < 300 else 0
            except (OSError, http.client.HTTPException):
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=120)
                status, units_ok = 0, 0
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                results.append((status, elapsed, units, units_ok))

    threads = [threading.Thread(target=work, daemon=True) for _ in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, time.perf_counter() - started


def _timing(key, label, results, elapsed) -> Timing:
    units = sum(r[2] for r in results)
    saved = sum(r[3] for r in results)
    timing = Timing(label, [r[1] for r in results] or [0.0], key=key)
    timing.extra = {
        "per_second": round(saved / elapsed, 1) if elapsed else 0,
        "errors": units - saved,
        "requests": len(results),
        "submissions": saved,
        "seconds": round(elapsed, 1),
    }
    timing.note = (
        f"{saved} submissions in {elapsed:.1f} s = {timing.extra['per_second']}/s, "
        f"{units - saved} errors, {len(results)} requests"
    )
    return timing


def run(
    token: str,
    units: list[str],
    env_extra: dict,
    *,
    seconds=15.0,
    max_single=3000,
    bulk_size=200,
    max_bulk=40,
) -> list[Timing]:
    rng = random.Random(17)
    half = len(units) // 2
    single_units, bulk_units = iter(units[:half][:max_single]), units[half:]
    server = start_server(env_extra)
    try:
        single = (
            (
                "/api/submissions/",
                {"form": "HT-NQ", "period": "2023", "unit": code, "values": _figures(rng)},
                1,
            )
            for code in single_units
        )
        results, elapsed = _drive(token, single, clients=4, seconds=seconds)
        timings = [
            _timing(
                "api_write_single",
                "API: one submission per request (save draft), gunicorn 2 workers, 4 clients",
                results,
                elapsed,
            )
        ]
        batches = (
            (
                "/api/submissions/bulk/",
                {
                    "form": "HT-NQ",
                    "period": "2023",
                    "submit": False,
                    "items": [{"unit": c, "values": _figures(rng)} for c in chunk],
                },
                len(chunk),
            )
            for chunk in (
                bulk_units[i : i + bulk_size]
                for i in range(0, min(len(bulk_units), bulk_size * max_bulk), bulk_size)
            )
        )
        results, elapsed = _drive(token, batches, clients=2, seconds=seconds)
        timings.append(
            _timing(
                "api_write_bulk",
                f"API: bulk, {bulk_size} units per request, gunicorn 2 workers, 2 clients",
                results,
                elapsed,
            )
        )
        return timings
    finally:
        stop_server(server)


def median(values):
    return statistics.median(values) if values else 0
