"""`orgs import-admin` (the 2025 map of provinces and wards) and `orgs import FILE`."""

import json
from pathlib import Path

from django.core.management.base import CommandError
from django.db import transaction

from tuyengiao.core.actors import SYSTEM
from tuyengiao.core.errors import ValidationFailed
from tuyengiao.core.progress import bar

from . import admin_units, unit_import


class _DryRun(Exception):
    pass


def _dry(function, dry_run: bool):
    """Run `function` and, for a dry run, roll everything back (counts stay true)."""
    result = None
    try:
        with transaction.atomic():
            result = function()
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    return result


def run(command, action, options):
    if action == "import":
        _import_file(command, options)
        return
    code = options.get("province")
    if code is not None:
        results = [
            _dry(lambda: admin_units.import_province(code, actor=SYSTEM), options["dry_run"])
        ]
    else:

        def progress(items, total):
            return bar(items, total=total, label="Tỉnh, thành phố", stream=command.stderr._out)

        results = _dry(
            lambda: admin_units.import_all(progress=progress, actor=SYSTEM), options["dry_run"]
        )
    rows = [{k: r.as_json()[k] for k in ("province", "wards", "created")} for r in results]
    if options["json"]:
        payload = rows[0] if code is not None else rows
        command.stdout.write(json.dumps(payload, ensure_ascii=False))
        return
    for result in results:
        command.stdout.write(
            f"{result.province}: {result.wards} phường, xã; tạo mới {result.created}; "
            f"ghi {result.lineage} quan hệ kế thừa với phường, xã cũ."
        )
    if options["dry_run"]:
        command.stdout.write("Chạy thử: chưa lưu gì.")


def _import_file(command, options):
    path = Path(options["file"])
    if not path.exists():
        raise CommandError(f"Không thấy tệp «{path}».")
    try:
        created = _dry(
            lambda: unit_import.import_units(path.read_bytes(), path.name, actor=SYSTEM),
            options["dry_run"],
        )
    except ValidationFailed as exc:
        raise CommandError("\n".join([exc.message, *exc.errors])) from exc
    if options["dry_run"]:
        command.stdout.write("Tệp hợp lệ; chạy thử nên chưa lưu gì.")
    else:
        command.stdout.write(f"Đã tạo {len(created)} đơn vị.")
