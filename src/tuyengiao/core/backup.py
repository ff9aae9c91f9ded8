"""One archive with everything a restored system needs: the database and the stored files.

    backup.tar.gz
      manifest.json          format, engine, time, what is inside
      database.sqlite3       SQLite: a consistent copy through the online backup API
      database.dump          PostgreSQL: pg_dump's custom format (restored by pg_restore)
      media/…                every stored file (reports, attachments) under MEDIA_ROOT

dumpdata/loaddata restores the rows but not the files: a restored system then answered a
500 on an old report's download.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import connection, connections

from .errors import DomainError

FORMAT = 1
MANIFEST = "manifest.json"
SQLITE_NAME = "database.sqlite3"
PG_NAME = "database.dump"


def engine() -> str:
    vendor = connection.vendor
    if vendor not in ("sqlite", "postgresql"):
        raise DomainError(f"Sao lưu chưa hỗ trợ cơ sở dữ liệu «{vendor}».")
    return vendor


# --- PostgreSQL tools ---------------------------------------------------------------------


def pg_tool(name: str) -> str:
    """pg_dump / pg_restore of the server's major version (Debian keeps one per version)."""
    major = connection.pg_version // 10000
    for candidate in (
        os.environ.get("PG_BIN") and Path(os.environ["PG_BIN"]) / name,
        Path(f"/usr/lib/postgresql/{major}/bin/{name}"),
    ):
        if candidate and candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if found:
        return found
    raise DomainError(
        f"Không tìm thấy {name} của PostgreSQL {major} (cài gói postgresql-client-{major} "
        "hoặc đặt biến PG_BIN)."
    )


def _pg_env() -> dict:
    db = settings.DATABASES["default"]
    env = dict(os.environ)
    for key, variable in (
        ("HOST", "PGHOST"),
        ("PORT", "PGPORT"),
        ("USER", "PGUSER"),
        ("PASSWORD", "PGPASSWORD"),
        ("NAME", "PGDATABASE"),
    ):
        if db.get(key):
            env[variable] = str(db[key])
    return env


def _run(command: list[str]) -> None:
    result = subprocess.run(command, env=_pg_env(), capture_output=True, text=True)
    if result.returncode != 0:
        tool = Path(command[0]).name
        raise DomainError(f"{tool} báo lỗi: {result.stderr.strip()[-800:]}")


# --- backup ---------------------------------------------------------------------------------


def _media_files() -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    if not root.is_dir():
        return []
    return sorted(p for p in root.rglob("*") if p.is_file() and not p.is_symlink())


def backup(out: Path) -> dict:
    """Write the archive to `out` (through a temporary file: a failed backup leaves no
    half-written archive with the final name). Returns the manifest."""
    kind = engine()
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="tuyengiao-backup-") as work:
        work = Path(work)
        if kind == "sqlite":
            database = work / SQLITE_NAME
            connection.ensure_connection()
            target = sqlite3.connect(database)
            try:
                # The online backup API copies a consistent snapshot while others write.
                connection.connection.backup(target)
            finally:
                target.close()
        else:
            database = work / PG_NAME
            _run([pg_tool("pg_dump"), "--format=custom", "--no-owner", "--file", str(database)])
        files = _media_files()
        manifest = {
            "format": FORMAT,
            "engine": kind,
            "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "database": database.name,
            "media_files": len(files),
        }
        partial = out.with_name(out.name + ".partial")
        with tarfile.open(partial, "w:gz") as archive:
            data = json.dumps(manifest, ensure_ascii=False, indent=2).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
            archive.add(database, arcname=database.name)
            root = Path(settings.MEDIA_ROOT)
            for path in files:
                archive.add(path, arcname=f"media/{path.relative_to(root).as_posix()}")
        partial.replace(out)
    return manifest


# --- restore --------------------------------------------------------------------------------


def is_empty() -> bool:
    """No tables yet, or tables without a single user (a fresh `migrate`)."""
    tables = connection.introspection.table_names()
    if "auth_user" not in tables:
        return True
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM auth_user")
        return cursor.fetchone()[0] == 0


def _open(path: Path) -> tuple[tarfile.TarFile, dict]:
    broken = f"Tệp «{path}» không phải bản sao lưu của hệ thống hoặc đã hỏng"
    if not path.is_file():
        raise DomainError(f"Không có tệp «{path}».")
    try:
        archive = tarfile.open(path, "r:gz")
        member = archive.extractfile(MANIFEST)
        if member is None:
            raise KeyError(MANIFEST)
        manifest = json.loads(member.read())
    except (tarfile.TarError, EOFError, OSError, KeyError, ValueError) as exc:
        raise DomainError(f"{broken} ({type(exc).__name__}: {exc}).") from exc
    if manifest.get("format") != FORMAT or manifest.get("database") not in (SQLITE_NAME, PG_NAME):
        raise DomainError(f"{broken}: phần mô tả không đúng định dạng.")
    return archive, manifest


def restore(path: Path, *, force: bool = False) -> dict:
    kind = engine()
    archive, manifest = _open(Path(path))
    with archive:
        if manifest["engine"] != kind:
            raise DomainError(
                f"Bản sao lưu là của {manifest['engine']}, cơ sở dữ liệu hiện tại là {kind}: "
                "hãy khôi phục vào cùng loại cơ sở dữ liệu."
            )
        if not force and not is_empty():
            raise DomainError(
                "Cơ sở dữ liệu hiện tại đã có dữ liệu; khôi phục sẽ ghi đè. "
                "Hãy dùng một cơ sở dữ liệu trống, hoặc thêm --force nếu chắc chắn."
            )
        with tempfile.TemporaryDirectory(prefix="tuyengiao-restore-") as work:
            work = Path(work)
            try:
                # The "data" filter refuses absolute paths, «..» and links out of `work`.
                archive.extractall(work, filter="data")
            except (tarfile.TarError, EOFError, OSError) as exc:
                raise DomainError(f"Tệp «{path}» đã hỏng, không giải nén được ({exc}).") from exc
            database = work / manifest["database"]
            if not database.is_file():
                raise DomainError(f"Tệp «{path}» thiếu phần cơ sở dữ liệu.")
            _restore_database(kind, database)
            media = work / "media"
            if media.is_dir():
                shutil.copytree(media, settings.MEDIA_ROOT, dirs_exist_ok=True)
    return manifest


def _restore_database(kind: str, database: Path) -> None:
    if kind == "sqlite":
        source = sqlite3.connect(database)
        try:
            if source.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                raise DomainError("Phần cơ sở dữ liệu trong bản sao lưu bị hỏng.")
            connection.ensure_connection()
            # The backup API in reverse: the whole database replaced, page by page.
            source.backup(connection.connection)
        except sqlite3.DatabaseError as exc:
            raise DomainError(f"Phần cơ sở dữ liệu trong bản sao lưu bị hỏng ({exc}).") from exc
        finally:
            source.close()
    else:
        connections.close_all()
        _run(
            [
                pg_tool("pg_restore"),
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",
                "--dbname",
                _pg_env().get("PGDATABASE", ""),
                str(database),
            ]
        )
