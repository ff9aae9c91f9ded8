"""An upgrade keeps the figures: the previous release's demo database, migrated to this one.

The fixture is the SQLite database that `tuyengiao migrate && tuyengiao demo` made at release
53d9068, with the figures that release printed (tools/make_upgrade_fixture.sh makes both).
The test migrates a copy with this code and asks the same questions.
"""

import gzip
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent / "upgrade"
RELEASE = "53d9068"

pytestmark = pytest.mark.skipif(
    bool(os.environ.get("DATABASE_URL")), reason="the previous release's database is SQLite"
)


def _tuyengiao(var_dir: Path, *args) -> str:
    env = {
        **os.environ,
        "DEBUG": "true",
        "TUYENGIAO_VAR_DIR": str(var_dir),
        "MEDIA_ROOT": str(var_dir / "media"),
        "DJANGO_SETTINGS_MODULE": "tuyengiao.settings",
    }
    env.pop("DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "-m", "tuyengiao.manage", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def _contains(new, old, where="") -> list[str]:
    """What of `old` is missing or different in `new` (new keys are allowed)."""
    if isinstance(old, dict) and isinstance(new, dict):
        return [p for key in old for p in _contains(new.get(key), old[key], f"{where}.{key}")]
    return [] if new == old else [f"{where}: {old!r} became {new!r}"]


@pytest.mark.slow
def test_the_previous_release_database_migrates_with_its_figures_unchanged(tmp_path):
    with gzip.open(HERE / f"release-{RELEASE}.sqlite3.gz") as packed:
        with open(tmp_path / "tuyengiao.sqlite3", "wb") as database:
            shutil.copyfileobj(packed, database)
    expected = json.loads((HERE / f"release-{RELEASE}.figures.json").read_text())

    _tuyengiao(tmp_path, "migrate", "--noinput", "-v0")
    _tuyengiao(tmp_path, "migrate", "--check", "-v0")  # nothing left unapplied

    rollup = json.loads(
        _tuyengiao(
            tmp_path, "rollup", "--form", "HT-NQ", "--unit", "QU-Q1", "--period", "2022", "--json"
        )
    )
    assert rollup["fields"]["members_attended"] == 6513
    old = dict(expected["rollup HT-NQ QU-Q1 2022"])
    # The year's study campaign became its own collection (ADR 0007): the rollup now names
    # it ("HT-TW456-2022") where it said "2022"; its figures must not move.
    assert rollup["period"] in (old.pop("period"), "HT-TW456-2022")
    assert not _contains(rollup, old)
    report = json.loads(
        _tuyengiao(tmp_path, "report", "data", "--unit", "QU-Q1", "--year", "2022", "--json")
    )
    figures = {figure["id"]: figure["value"] for figure in report["figures"]}
    assert not _contains(figures, expected["report figures QU-Q1 2022"])
