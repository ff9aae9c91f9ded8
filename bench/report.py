"""The district's year-end Word report, timed as a person runs it: `tuyengiao report annual
--unit QU-Q1 --year 2022 --out …`, start-up included, on the demo database (District 1's
2022 conference) loaded once into a throwaway SQLite directory."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from timing import Timing

ROOT = Path(__file__).resolve().parent.parent
COMMAND = str(ROOT / ".venv/bin/tuyengiao")


def run(*, repeat: int = 3) -> list[Timing]:
    var_dir = tempfile.mkdtemp(prefix="tuyengiao-bench-report-")
    env = {**os.environ, "TUYENGIAO_VAR_DIR": var_dir}
    env.pop("DATABASE_URL", None)
    try:
        for args in (["migrate", "--noinput", "-v0"], ["demo", "--quiet"]):
            subprocess.run([COMMAND, *args], env=env, check=True, capture_output=True)
        out = Path(var_dir) / "report.docx"
        samples = []
        for _ in range(repeat + 1):  # the first run warms the disk cache
            started = time.perf_counter()
            subprocess.run(
                [
                    COMMAND,
                    "report",
                    "annual",
                    "--unit",
                    "QU-Q1",
                    "--year",
                    "2022",
                    "--out",
                    str(out),
                ],
                env=env,
                check=True,
                capture_output=True,
            )
            samples.append((time.perf_counter() - started) * 1000)
        return [
            Timing(
                "district Word report (`tuyengiao report annual`, start-up included)",
                samples[1:],
                note="demo database, SQLite",
                key="report_district",
            )
        ]
    finally:
        shutil.rmtree(var_dir, ignore_errors=True)
