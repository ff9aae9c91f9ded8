"""Median and p95 of repeated calls, and a description of the machine they ran on."""

from __future__ import annotations

import math
import os
import platform
import sqlite3
import statistics
import time
from dataclasses import dataclass


@dataclass
class Timing:
    label: str
    samples_ms: list[float]
    note: str = ""
    key: str = ""  # the measure's name in results.json
    raw_ms: list[float] | None = None  # the raw SQL scan, timed in turn with the query
    extra: dict | None = None  # per_second, errors, ...

    @property
    def raw_median(self) -> float | None:
        return statistics.median(self.raw_ms) if self.raw_ms else None

    @property
    def median(self) -> float:
        return statistics.median(self.samples_ms)

    @property
    def p95(self) -> float:
        # Nearest rank: with 20 samples, the 19th smallest.
        ordered = sorted(self.samples_ms)
        return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def measure(
    label: str, call, *, repeat: int, warmup: int = 1, note: str = "", key: str = ""
) -> Timing:
    """Call `call()` warmup + repeat times; keep the wall-clock time of the last `repeat`."""
    for _ in range(warmup):
        call()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        samples.append((time.perf_counter() - start) * 1000)
    return Timing(label, samples, note, key=key)


def measure_beside(key: str, label: str, call, raw, *, repeat: int) -> Timing:
    """`call` and the raw scan `raw` in turn (interleaved), so both see the same load."""
    call(), raw()
    samples, raw_samples = [], []
    for _ in range(repeat):
        for target, into in ((call, samples), (raw, raw_samples)):
            start = time.perf_counter()
            target()
            into.append((time.perf_counter() - start) * 1000)
    return Timing(label, samples, key=key, raw_ms=raw_samples)


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _ram_gb() -> str:
    try:
        with open("/proc/meminfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("MemTotal:"):
                    return f"{int(line.split()[1]) / 1024 / 1024:.1f} GB"
    except OSError:
        pass
    return "unknown"


def machine(connection) -> dict[str, str]:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            database = f"PostgreSQL {cursor.fetchone()[0]}"
    else:
        database = f"SQLite {sqlite3.sqlite_version}"
    return {
        "CPU": _cpu_model(),
        "cores": str(os.cpu_count()),
        "RAM": _ram_gb(),
        "OS": f"{platform.system()} {platform.release()}",
        "Python": platform.python_version(),
        # Other work on the machine slows every number; the load says how much there was.
        "load average (1/5/15 min) at the end": " / ".join(f"{x:.1f}" for x in os.getloadavg()),
        "database": database,
    }
