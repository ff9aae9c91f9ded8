"""Uploaded files are checked by what they contain, not by their name."""

from __future__ import annotations

import io
import zipfile

from django.conf import settings

from tuyengiao.core.errors import DomainError

PDF = "pdf"
DOCX = "docx"
XLSX = "xlsx"
CSV = "csv"


def read_limited(upload, field: str) -> bytes:
    """The file's bytes; a DomainError when it is empty or larger than MAX_UPLOAD_MB."""
    limit = settings.MAX_UPLOAD_MB * 1024 * 1024
    name = getattr(upload, "name", "") or ""
    size = getattr(upload, "size", None)
    if size is not None and size > limit:
        raise DomainError(
            f"Tệp «{name}» nặng {size / 1024 / 1024:.1f} MB, vượt giới hạn "
            f"{settings.MAX_UPLOAD_MB} MB.",
            field=field,
        )
    upload.seek(0)
    data = upload.read(limit + 1)
    if len(data) > limit:
        raise DomainError(f"Tệp «{name}» vượt giới hạn {settings.MAX_UPLOAD_MB} MB.", field=field)
    if not data:
        raise DomainError(f"Tệp «{name}» trống.", field=field)
    return data


def _zip_names(data: bytes) -> set[str]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return set()


def sniff(data: bytes) -> str | None:
    """pdf, docx, xlsx, csv (UTF-8 text without NUL bytes), or None."""
    if data.startswith(b"%PDF-"):
        return PDF
    if data.startswith(b"PK\x03\x04"):
        names = _zip_names(data)
        if "word/document.xml" in names:
            return DOCX
        if "xl/workbook.xml" in names:
            return XLSX
        return None
    if b"\x00" in data[:4096]:
        return None
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    return CSV


def check_attachment(upload) -> tuple[bytes, str]:
    """An attachment must be a PDF or a Word (.docx) file; returns (bytes, kind)."""
    data = read_limited(upload, "file")
    kind = sniff(data)
    if kind not in (PDF, DOCX):
        raise DomainError(
            f"Tệp «{upload.name}» không phải PDF hoặc Word (.docx) theo nội dung tệp; "
            "chỉ nhận tệp PDF hoặc DOCX.",
            field="file",
        )
    return data, kind
