"""`tuyengiao backup` and `tuyengiao restore` (issue 9, item 8): the demo, backed up and
restored into a fresh database and an empty media folder, gives the same rollup, the same
report data and the same stored report, byte for byte. Before, there was no backup, and
dumpdata/loaddata lost the stored files (a 500 on an old report's download)."""

import json
import os
import shutil
import subprocess
import sys

import pytest

from .scratch import PYTHON, command_env, is_postgres, scratch_database

TUYENGIAO = os.path.join(os.path.dirname(sys.executable), "tuyengiao")


def _run(env, *args, check=True):
    run = subprocess.run(args, env=env, capture_output=True, text=True, timeout=600)
    if check:
        assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-3000:]
    return run


def _worker(env, step):
    run = _run(env, PYTHON, "-m", "tuyengiao.core.tests.backup_worker", step)
    return json.loads(run.stdout.strip().splitlines()[-1])


@pytest.fixture
def pg_tools_or_skip():
    if is_postgres():
        from tuyengiao.core import backup

        try:
            backup.pg_tool("pg_dump")
        except Exception as exc:  # noqa: BLE001
            pytest.skip(f"pg_dump of the server's version is not installed: {exc}")


@pytest.mark.slow
def test_backup_then_restore_into_a_fresh_database_gives_the_same_figures_and_files(
    tmp_path, pg_tools_or_skip, db, pytestconfig
):
    archive = tmp_path / "sao-luu.tar.gz"
    with scratch_database(tmp_path, "source") as source_url:
        if not is_postgres():  # the run's demo database, copied, not loaded again (issue 17)
            from tuyengiao.core import testdb

            shutil.copyfile(testdb.sqlite_template(pytestconfig), tmp_path / "source.sqlite3")
        # Given the demo with a stored year-end report
        source = command_env(tmp_path / "a", source_url)
        report = _worker(source, "prepare")["report"]
        before = _worker(source, "snapshot")
        assert before["downloads"][str(report)][0] == 200
        # When it is backed up
        done = _run(source, TUYENGIAO, "backup", "--out", str(archive))
        assert "Đã sao lưu cơ sở dữ liệu" in done.stdout and " 1 tệp" in done.stdout
    with scratch_database(tmp_path, "target") as target_url:
        # ... and restored into an empty database with an empty media folder
        target = command_env(tmp_path / "b", target_url)
        done = _run(target, TUYENGIAO, "restore", str(archive))
        assert "Đã khôi phục bản sao lưu" in done.stdout
        # Then the figures, the report's data and the stored report are the same
        after = _worker(target, "snapshot")
        assert after == before
        # And a second restore over data is refused unless forced
        again = _run(target, TUYENGIAO, "restore", str(archive), check=False)
        assert again.returncode != 0 and "đã có dữ liệu" in again.stderr
        forced = _run(target, TUYENGIAO, "restore", str(archive), "--force")
        assert forced.returncode == 0
        assert _worker(target, "snapshot") == before


@pytest.mark.parametrize(
    "content", [b"", b"not an archive", b"\x1f\x8b\x08\x00broken gzip"], ids=["empty", "text", "gz"]
)
def test_a_broken_backup_file_is_refused_with_a_clear_message(tmp_path, content):
    broken = tmp_path / "hong.tar.gz"
    broken.write_bytes(content)
    with scratch_database(tmp_path, "broken") as url:
        run = _run(command_env(tmp_path, url), TUYENGIAO, "restore", str(broken), check=False)
    assert run.returncode != 0
    assert "không phải bản sao lưu của hệ thống hoặc đã hỏng" in run.stderr
    assert "Traceback" not in run.stderr
