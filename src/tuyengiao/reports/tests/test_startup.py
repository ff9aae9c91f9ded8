"""The year-end report's start-up (issue 15 item 7, issue 17: ≤ 2 s with start-up).

Its figures' drill-down links need `reverse()`, which loads every app's URLconf; a
spreadsheet library imported at the top of a view module is then paid for by every
command. This holds the URLconf to importing openpyxl (and numpy) only when a workbook is
made or read.
"""

import os
import subprocess
import sys

CODE = """
import sys
import django

django.setup()
from django.urls import reverse

reverse("documents:list")
heavy = sorted(name for name in ("openpyxl", "numpy", "matplotlib") if name in sys.modules)
print(",".join(heavy))
"""


def test_loading_every_urlconf_does_not_import_spreadsheet_or_plotting_libraries(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tuyengiao.settings",
        "DEBUG": "true",
        "TUYENGIAO_VAR_DIR": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "-c", CODE], env=env, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_the_xlsx_modules_still_build_a_workbook_when_asked():
    from tuyengiao.core.xlsx import workbook

    book = workbook("Hội nghị", ["Tên", "Số người"], [["Hội nghị quán triệt", 120]])
    assert book.active["B2"].value == 120
    assert book.active["A1"].font.bold
