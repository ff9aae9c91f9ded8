"""DOCX → PDF with LibreOffice, when it is installed (nothing leaves the server)."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from tuyengiao.core.errors import DomainError

INSTALL_HINT = "apt-get install -y libreoffice-writer-nogui fonts-liberation"
TIMEOUT_SECONDS = 180


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(docx_path: Path, out_dir: Path) -> Path:
    """Write `<stem>.pdf` into out_dir; DomainError (Vietnamese) when it cannot."""
    program = soffice()
    if program is None:
        raise DomainError(
            "Không tìm thấy LibreOffice (lệnh soffice) để chuyển sang PDF. "
            f"Cài đặt bằng lệnh: {INSTALL_HINT}"
        )
    out_dir.mkdir(parents=True, exist_ok=True)
    # A private profile: a second soffice with the default profile would just hand the job
    # to a running instance (or fail on its lock) instead of converting.
    with tempfile.TemporaryDirectory(prefix="tuyengiao-lo-") as profile:
        command = [
            program,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out_dir),
            str(docx_path),
        ]
        try:
            subprocess.run(
                command,
                check=True,
                capture_output=True,
                timeout=TIMEOUT_SECONDS,
                env={**os.environ, "HOME": profile},
            )
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
            raise DomainError(
                f"LibreOffice không chuyển được «{docx_path.name}» sang PDF: {exc}"
            ) from exc
    result = out_dir / (docx_path.stem + ".pdf")
    if not result.exists():
        raise DomainError(f"LibreOffice không tạo ra tệp PDF cho «{docx_path.name}».")
    return result
