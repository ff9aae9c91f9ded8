"""Big imports go to the worker: above settings.BACKGROUND_IMPORT_ROWS data rows, the
upload page hands the file to a job and shows its progress page instead of waiting
(a 5.000-row file took 7–10 s inside the request)."""

from __future__ import annotations

import io
import zipfile

from django.conf import settings

from . import jobs


def row_count(upload) -> int:
    """Rows in the file's largest sheet (.xlsx) or lines (CSV); 0 when unreadable — the
    import itself then says what is wrong, in the request."""
    try:
        upload.seek(0)
        data = upload.read()
        upload.seek(0)
        if data[:2] == b"PK":
            from openpyxl import load_workbook

            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
            try:
                return max((sheet.max_row or 0) for sheet in workbook.worksheets)
            finally:
                workbook.close()
        return data.count(b"\n")
    except (OSError, ValueError, KeyError, zipfile.BadZipFile):
        return 0


def start_if_large(kind: str, upload, *, user, title: str, unit=None, params=None):
    """A job importing `upload` when it is big, else None (import it in the request)."""
    if row_count(upload) <= settings.BACKGROUND_IMPORT_ROWS:
        return None
    params = {**(params or {}), "filename": upload.name}
    return jobs.start(kind, title, user=user, unit=unit, params=params, upload=upload)
