"""Every spreadsheet export writes formula-looking text as text (issue 9, item 5).

Before the fix a title «=HYPERLINK(...)» became a live formula in every .xlsx export.
"""

import io
import zipfile

import pytest
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from tuyengiao.core import xlsx

RISKY = '=HYPERLINK("http://example.invalid/x","Bấm vào đây")'
STARTS = ["=1+1", "+1+1", "-1+2", "@SUM(A1:A2)", "\t=1", "\r=1"]


@pytest.mark.parametrize("text", STARTS)
def test_csv_cells_get_the_owasp_apostrophe(text):
    assert xlsx.csv_cell(text) == "'" + text
    assert xlsx.csv_cell("Kế hoạch 05") == "Kế hoạch 05" and xlsx.csv_cell(12) == 12


def test_every_risky_start_is_written_as_text():
    book = Workbook()
    book.active.append(STARTS + ["thường", 5])
    data = xlsx.workbook_bytes(book)
    assert b"<f>" not in _sheet_xml(data)
    cells = list(load_workbook(io.BytesIO(data)).active.iter_rows(values_only=False))[0]
    assert [c.value for c in cells[:6]] == STARTS
    assert all(c.data_type == "s" for c in cells[:6]) and cells[7].value == 5


def _sheet_xml(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return b"".join(
            archive.read(n) for n in archive.namelist() if n.startswith("xl/worksheets/")
        )


def _assert_literal(data: bytes, text: str = RISKY):
    assert b"<f>" not in _sheet_xml(data), "a cell was written as a formula"
    book = load_workbook(io.BytesIO(data))
    found = [
        cell
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, str) and text in cell.value
    ]
    assert found, "the export should carry the risky text"
    assert all(cell.data_type == "s" for cell in found)


def _risky_everywhere():
    from tuyengiao.awards.models import Commendation, Recipient
    from tuyengiao.documents.models import Document
    from tuyengiao.initiatives.models import Initiative
    from tuyengiao.meetings.models import Conference, Task
    from tuyengiao.orgs.models import OrgUnit
    from tuyengiao.outreach.models import Channel
    from tuyengiao.targets.models import Target
    from tuyengiao.training.models import TrainingClass

    Document.objects.filter(classification="ordinary").update(title=RISKY)
    TrainingClass.objects.update(name=RISKY)
    Conference.objects.update(title=RISKY)
    Task.objects.update(title=RISKY)
    Initiative.objects.update(name=RISKY)
    Commendation.objects.update(name=RISKY)
    Recipient.objects.exclude(name="").update(name=RISKY)
    Target.objects.update(text="= 100% " + RISKY)
    Channel.objects.update(name=RISKY)
    OrgUnit.objects.exclude(depth=1).update(name=RISKY)


def _urls():
    from tuyengiao.awards.models import Commendation

    commendation = Commendation.objects.filter(recipients__name=RISKY).first()
    return [
        reverse("documents:export"),
        reverse("training:export"),
        reverse("training:summary") + "?format=xlsx&unit=QU-Q1",
        reverse("meetings:list") + "?export=xlsx",
        reverse("meetings:tasks") + "?export=xlsx",
        reverse("initiatives:export"),
        reverse("awards:list") + "?export=xlsx",
        reverse("awards:detail", args=[commendation.pk]) + "?export=xlsx",
        reverse("targets:list") + "?export=xlsx",
        reverse("outreach:list") + "?format=xlsx",
        reverse("reporting:drilldown", args=["HT-NQ", "2022", "QU-Q1"]) + "?format=xlsx",
        reverse("reporting:excel_template", args=["HT-NQ", "2022"]) + "?unit=QU-Q1",
    ]


def test_every_export_reads_back_formula_text_as_text(client_for, admin):
    # Given titles and names typed as formulas in every kind of list
    _risky_everywhere()
    client = client_for(admin)
    for url in _urls():
        # When each list is exported
        response = client.get(url)
        # Then the file holds the text, never a formula
        assert response.status_code == 200, url
        assert response["Content-Type"] == xlsx.XLSX, url
        _assert_literal(response.content)


def test_the_report_annex_writes_labels_as_text():
    from tuyengiao.reports.annex import build_annex

    figure = {"id": "documents.count", "label": RISKY, "value": 3, "display": "3"}
    _assert_literal(build_annex([figure], title="=Báo cáo"))


def test_every_module_that_builds_a_spreadsheet_saves_it_through_core_xlsx():
    import re
    from pathlib import Path

    import tuyengiao

    root = Path(tuyengiao.__file__).parent
    offenders = []
    for path in root.rglob("*.py"):
        if "tests" in path.parts or path == root / "core" / "xlsx.py":
            continue
        text = path.read_text(encoding="utf-8")
        if "Workbook(" in text and "workbook_bytes" not in text:
            offenders.append(f"{path.relative_to(root)}: builds a workbook")
        if re.search(r"\b\w*(book|wb)\w*\.save\(", text):
            offenders.append(f"{path.relative_to(root)}: saves a workbook itself")
        if "csv.writer" in text or "DictWriter" in text:
            if "csv_cell" not in text:
                offenders.append(f"{path.relative_to(root)}: writes CSV without csv_cell")
    assert offenders == []
