"""tuyengiao report annual / data."""

import io
import json

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from tuyengiao.reports import docx, pdf
from tuyengiao.reports.models import GeneratedReport

pytestmark = pytest.mark.django_db


def run(*args):
    out = io.StringIO()
    call_command("report", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_report_annual_writes_the_docx_and_the_annex_and_remembers_the_figures(tmp_path):
    out, annex = tmp_path / "bao-cao-2022.docx", tmp_path / "bao-cao-2022.xlsx"
    run(
        "annual",
        "--unit",
        "QU-Q1",
        "--year",
        "2022",
        "--out",
        str(out),
        "--annex",
        str(annex),
        "--number",
        "05",
        "--date",
        "10/02/2023",
    )
    text = docx.read_text(out.read_bytes())
    assert "Số 05-BC/QU" in text and "Quận 1, ngày 10 tháng 02 năm 2023" in text
    report = GeneratedReport.objects.get(unit__code="QU-Q1", year=2022)
    assert report.generated_by is None and report.figures
    workbook = load_workbook(annex)
    assert workbook.sheetnames == ["Thông tin", "Bảng 1", "Số liệu tổng hợp", "Nguồn số liệu"]
    sheet = workbook["Số liệu tổng hợp"]
    assert [c.value for c in sheet[4]] == [
        "TT",
        "Mục",
        "Số liệu",
        "Giá trị",
        "Như in trong báo cáo",
    ]
    rows = {row[2].value: row for row in sheet.iter_rows(min_row=5)}
    attended = rows["Số học viên tham dự — bồi dưỡng chính trị hè"]
    assert attended[3].value == 2249 and attended[3].number_format == "#,##0"
    rate = rows["Tỷ lệ tham dự — bồi dưỡng chính trị hè"]
    assert rate[3].value == pytest.approx(0.9964) and rate[3].number_format == "0.00%"
    assert rate[4].value == "99,64%"


def test_report_data_json_lists_every_figure_with_its_source():
    payload = json.loads(run("data", "--unit", "QU-Q1", "--year", "2022", "--json"))
    assert payload["unit"] == "QU-Q1" and payload["year"] == 2022
    by_id = {f["id"]: f for f in payload["figures"]}
    rate = by_id["training.chinh-tri-he.rate"]
    assert rate["value"] == "99.64" and rate["display"] == "99,64%"
    assert rate["label"] and rate["source"]["what"] and rate["source"]["url"]
    assert all(
        {"id", "label", "value", "display", "source"} <= f.keys() for f in payload["figures"]
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--unit", "QU-XX", "--year", "2022"], "Không có đơn vị mã «QU-XX»"),
        (["--unit", "QU-Q1", "--year", "hai"], "Năm «hai» không hợp lệ"),
        (["--unit", "QU-Q1", "--year", "1800"], "Năm 1800 không hợp lệ"),
    ],
)
def test_bad_unit_or_year_gets_a_vietnamese_message(args, message):
    with pytest.raises(CommandError, match=message):
        run("data", *args)


def test_pdf_without_libreoffice_says_how_to_install_it_and_fails(tmp_path, monkeypatch):
    monkeypatch.setattr(pdf, "soffice", lambda: None)
    err = io.StringIO()
    with pytest.raises(CommandError, match="Không tìm thấy LibreOffice"):
        call_command(
            "report",
            "annual",
            "--unit",
            "QU-Q1",
            "--year",
            "2022",
            "--out",
            str(tmp_path / "r.docx"),
            "--pdf",
            stderr=err,
        )
    assert "apt-get install -y libreoffice-writer-nogui fonts-liberation" in err.getvalue()
    assert not GeneratedReport.objects.exists()


def test_the_output_must_be_a_docx(tmp_path):
    with pytest.raises(CommandError, match="phải có đuôi .docx"):
        run("annual", "--unit", "QU-Q1", "--year", "2022", "--out", str(tmp_path / "r.pdf"))


def test_the_command_line_issues_and_then_warns_of_changes_since(tmp_path, district, specialist):
    from tuyengiao.reports import services
    from tuyengiao.training.models import TrainingClass

    for key in (
        "limitations",
        "causes_subjective",
        "causes_objective",
        "direction",
        "recommendations",
    ):
        services.save_section_text(district, 2022, key, f"Nội dung {key}.", actor=specialist)
    out = tmp_path / "r.docx"
    args = ["annual", "--unit", "QU-Q1", "--year", "2022", "--out", str(out)]
    printed = run(*args, "--number", "115", "--date", "2023-01-15", "--issue")
    assert "Đã ban hành: Số 115-BC" in printed
    TrainingClass.objects.filter(kind__code="chinh-tri-he", start_date__year=2022).first().delete()
    errors = io.StringIO()
    call_command("report", *args, stdout=io.StringIO(), stderr=errors)
    warned = errors.getvalue()
    assert "đã thay đổi so với bản đã ban hành số 115" in warned
    assert "Số lớp bồi dưỡng chính trị hè: 9 → 8" in warned
    assert "nhập tay năm 2022 là 9" in warned  # the hand-entered target, replaced


def test_issuing_without_a_number_is_refused_in_vietnamese(tmp_path):
    with pytest.raises(CommandError, match="Số báo cáo “” không hợp lệ"):
        run(
            "annual",
            "--unit",
            "QU-Q1",
            "--year",
            "2022",
            "--out",
            str(tmp_path / "r.docx"),
            "--date",
            "2023-01-15",
            "--issue",
        )
    assert not GeneratedReport.objects.exists()
