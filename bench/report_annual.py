"""`make bench` (second part): wall time of the district's year-end Word report, start-up
included, as a user runs it:

    tuyengiao report annual --unit QU-Q1 --year 2022 --date 2023-01-15 --out r.docx

In a throwaway var directory with the demo loaded (or TUYENGIAO_VAR_DIR if set and it
already holds a database). Prints each run, the median and the goal (2 s), and the load
average: on a shared machine the wall time follows the load, the CPU time does not.

    .venv/bin/python bench/report_annual.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

GOAL_SECONDS = 2.0
COMMAND = ["report", "annual", "--unit", "QU-Q1", "--year", "2022", "--date", "2023-01-15"]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    program = str(Path(sys.executable).with_name("tuyengiao"))
    env = dict(os.environ)
    var = env.get("TUYENGIAO_VAR_DIR")
    env.setdefault("DEBUG", "true")  # a development database, not a production setting
    fresh = not var or not (Path(var) / "tuyengiao.sqlite3").exists()
    if fresh:
        var = tempfile.mkdtemp(prefix="tuyengiao-bench-report-")
        env["TUYENGIAO_VAR_DIR"] = var
        print(f"bench: demo data in {var} …", flush=True)
    subprocess.run([program, "migrate", "--noinput", "-v0"], env=env, check=True)
    if fresh:
        subprocess.run([program, "demo"], env=env, check=True, stdout=subprocess.DEVNULL)
    out = Path(var) / "bench.docx"
    subprocess.run(
        [program, *COMMAND, "--out", str(out)], env=env, check=True, stdout=subprocess.DEVNULL
    )  # warm: charts cached, .pyc written
    walls, cpus = [], []
    for index in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(
            [program, *COMMAND, "--out", str(out)], env=env, check=True, stdout=subprocess.DEVNULL
        )
        wall = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        walls.append(wall)
        cpus.append(cpu)
        print(f"bench: run {index + 1}: {wall:.2f} s wall, {cpu:.2f} s CPU", flush=True)
    median = statistics.median(walls)
    load = os.getloadavg()[0]
    print(
        f"bench: report annual QU-Q1 2022 (.docx): median {median:.2f} s wall, "
        f"{statistics.median(cpus):.2f} s CPU (goal ≤ {GOAL_SECONDS:.0f} s; load {load:.1f})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
