"""The Excel annex a clerk attaches: per-unit sheets with formulas that LibreOffice
computes to the report's own values, formats, print setup, Vietnamese words only."""

import datetime as dt
import io
import os
import shutil
import subprocess
import tempfile
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tuyengiao.core.text import parse_number
from tuyengiao.reports import annex, services
from tuyengiao.reports.content import ReportOptions

pytestmark = pytest.mark.django_db


@pytest.fixture
def issued_like(district, specialist):
    options = ReportOptions(number="115", date=dt.date(2023, 1, 15))
    report = services.generate_report(district, 2022, actor=specialist, options=options)
    data = annex.build_annex(
        report.figures, title=str(report), units=report.units, generated_at=report.generated_at
    )
    return report, data


def _calc_available() -> bool:
    program = shutil.which("soffice")
    return bool(program) and any(Path("/usr/lib/libreoffice/program").glob("libsclo.so"))


def _computed_by_libreoffice(data: bytes):
    """Open the annex in LibreOffice Calc, let it compute, read the values back."""
    with tempfile.TemporaryDirectory(prefix="annex-") as folder:
        source = Path(folder) / "annex.xlsx"
        source.write_bytes(data)
        out = Path(folder) / "out"
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{folder}/profile",
                "--headless",
                "--convert-to",
                "xlsx",
                "--outdir",
                str(out),
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=180,
            env={**os.environ, "HOME": folder},
        )
        return load_workbook(out / "annex.xlsx", data_only=True)


def _percent(display: str) -> Decimal:
    return parse_number(display.rstrip("%")) / 100


@pytest.mark.skipif(not _calc_available(), reason="LibreOffice Calc (libreoffice-calc-nogui)")
def test_libreoffice_computes_the_formulas_to_the_reports_values(issued_like):
    report, data = issued_like
    formulas = load_workbook(io.BytesIO(data))["Bảng 1"]
    computed = _computed_by_libreoffice(data)["Bảng 1"]
    assert str(formulas["E5"].value).startswith('=IF(N(C5)=0,"",ROUNDDOWN(D5/C5,4))')
    rows = {r["unit"]: r for r in report.units}
    assert len(rows) == 51
    seen = 0
    for row in computed.iter_rows(min_row=5, values_only=True):
        name = row[1]
        if name in rows:
            expected = rows[name]["values"]
            assert row[2] == parse_number(expected["Đảng viên phải học tập"])
            assert row[3] == parse_number(expected["Đảng viên tham gia"])
            assert Decimal(str(row[4])).quantize(Decimal("0.0001")) == _percent(expected["Tỷ lệ"])
            seen += 1
        elif name == "Tổng cộng":
            assert str(formulas.cell(row=computed.max_row, column=3).value) == "=SUM(C5:C55)"
            assert (row[2], row[3]) == (6970, 6513)
            assert Decimal(str(row[4])).quantize(Decimal("0.0001")) == Decimal("0.9344")
    assert seen == 51


def test_the_annex_is_formatted_for_print_and_speaks_vietnamese(issued_like):
    _report, data = issued_like
    workbook = load_workbook(io.BytesIO(data))
    assert workbook.sheetnames == ["Thông tin", "Bảng 1", "Số liệu tổng hợp", "Nguồn số liệu"]
    sheet = workbook["Bảng 1"]
    assert sheet["C5"].number_format == "#,##0" and isinstance(sheet["C5"].value, int)
    assert sheet["E5"].number_format == "0.00%"
    assert sheet["C5"].border.left.style == "thin" and sheet["B4"].alignment.wrap_text
    assert sheet.print_title_rows == "$4:$4"
    assert int(sheet.page_setup.paperSize) == 9  # A4
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    figures = workbook["Số liệu tổng hợp"]
    values = {
        r[2]: (r[3], figures.cell(row=i + 5, column=4).number_format)
        for i, r in enumerate(figures.iter_rows(min_row=5, values_only=True))
    }
    assert values["Số đảng viên tham gia học tập"] == (6513, "#,##0")
    assert values["Tỷ lệ đảng viên tham gia học tập"][1] == "0.00%"
    everything = " ".join(
        str(c) for ws in workbook for row in ws.iter_rows(values_only=True) for c in row if c
    )
    for english in ("approved", "members_total", "participation_rate", "HT-TW456", "QU-Q1"):
        assert english not in everything, english
    assert "đã duyệt" in everything and "Quận ủy Quận 1" in everything


def test_the_annex_gives_the_local_time(issued_like):
    from django.utils import timezone

    report, data = issued_like
    cover = load_workbook(io.BytesIO(data))["Thông tin"]
    local = timezone.localtime(report.generated_at)
    assert cover["A3"].value == f"Lập lúc {local:%H:%M} ngày {local:%d/%m/%Y}."
