"""Out-of-range years, ids, counts, cells and files get a clear message or a 404, never a
500 (issue 9, item 6). Each test names the defect it covers; each was a 500 before."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.html import escape
from openpyxl import Workbook

from tuyengiao.core import xlsx
from tuyengiao.core.errors import DomainError, ValidationFailed

POST_COUNT = 9_223_372_036_854_775_808  # 2^63: one more than SQLite's integer holds


@pytest.fixture
def quiet(client):
    client.raise_request_exception = False
    return client


@pytest.mark.parametrize("year", ["0", "99999", "-1"])
@pytest.mark.parametrize(
    "url", ["meetings:list", "meetings:tasks", "training:summary", "training:list"]
)
def test_an_out_of_range_year_on_a_page_is_not_a_server_error(quiet, specialist, url, year):
    quiet.force_login(specialist)
    response = quiet.get(reverse(url), {"year": year})
    assert response.status_code == 200


@pytest.mark.parametrize("year", ["0", "99999", "-1"])
@pytest.mark.parametrize("url", ["/api/conferences/", "/api/tasks/"])
def test_an_out_of_range_year_in_the_api_is_a_400_naming_the_range(quiet, specialist, url, year):
    quiet.force_login(specialist)
    response = quiet.get(url, {"year": year})
    assert response.status_code == 400
    assert "year" in response.json()["errors"]


def test_the_api_training_summary_refuses_year_zero_in_vietnamese(quiet, specialist):
    quiet.force_login(specialist)
    response = quiet.get("/api/training/summary/", {"unit": "QU-Q1", "year": "0"})
    assert response.status_code == 400
    assert response.json()["detail"] == "Năm «0» ngoài khoảng 1930–2200."


def test_the_training_export_of_a_year_without_classes_is_an_empty_sheet(client_for, specialist):
    # (IndexError before: the empty sheet had no first cell per column)
    response = client_for(specialist).get(
        reverse("training:summary"), {"year": "2199", "format": "xlsx", "unit": "QU-Q1"}
    )
    assert response.status_code == 200 and response["Content-Type"] == xlsx.XLSX


def test_a_task_id_that_is_not_a_number_is_a_json_404(quiet, specialist):
    quiet.force_login(specialist)
    response = quiet.post("/api/tasks/AAA/progress/", {"note": "x"})
    assert response.status_code == 404 and response.json()["detail"]


@pytest.mark.parametrize("value", ["99999999999999999999", "-5", "abc", "1e309"])
def test_an_overflowing_conference_id_is_refused_not_a_500(quiet, specialist, value):
    quiet.force_login(specialist)
    assert quiet.get(reverse("meetings:tasks"), {"conference": value}).status_code == 200
    api = quiet.get("/api/tasks/", {"conference": value})
    assert api.status_code == 400 and "conference" in api.json()["errors"]


def test_an_overflowing_id_in_a_page_url_is_a_404(quiet, specialist):
    quiet.force_login(specialist)
    assert quiet.get("/meetings/99999999999999999999/").status_code == 404
    assert quiet.get("/api/tasks/99999999999999999999/").status_code == 404


def _long_cell_csv(header: str, row_start: str) -> bytes:
    return f'{header}\n{row_start}"{"x" * 140_000}"\n'.encode()


def test_a_csv_cell_over_the_field_limit_in_the_register_import_is_a_row_message(specialist):
    from tuyengiao.documents import imports
    from tuyengiao.orgs.models import OrgUnit

    data = _long_cell_csv("Số, ký hiệu;Ngày ban hành;Trích yếu", "05-KH/QU;01/02/2022;")
    upload = SimpleUploadedFile("so.csv", data, content_type="text/csv")
    with pytest.raises(ValidationFailed) as failure:
        imports.check_file(upload, OrgUnit.objects.get(code="QU-Q1"))
    assert failure.value.errors == ["Dòng 2: một ô dài quá 131.072 ký tự; tệp không đọc được."]


def test_a_csv_cell_over_the_field_limit_in_the_outreach_import_is_a_row_message():
    from tuyengiao.outreach import csv_import

    with pytest.raises(ValidationFailed) as failure:
        csv_import.parse(_long_cell_csv("month,posts,interactions", "2023-01,1,"))
    assert failure.value.errors == ["Dòng 2: một ô dài quá 131.072 ký tự; tệp không đọc được."]


def _channel():
    from tuyengiao.outreach.models import Channel

    return Channel.objects.get(code="cot-co-thu-ngu")


def test_a_post_count_of_two_to_the_63_is_refused_by_the_month_grid(client_for, admin):
    channel = _channel()
    data = {"posts_1": str(POST_COUNT), "interactions_1": "5"}
    response = client_for(admin).post(reverse("outreach:months", args=[channel.pk, 2023]), data)
    assert response.status_code == 200
    assert "vượt quá mức tối đa 2.147.483.647" in response.content.decode()


def test_a_post_count_of_two_to_the_63_is_refused_by_the_csv_import(admin):
    from tuyengiao.outreach import services

    raw = f"month,posts,interactions\n2023-01,{POST_COUNT},5\n".encode()
    with pytest.raises(ValidationFailed) as failure:
        services.import_csv(_channel(), raw, actor=admin)
    assert "vượt quá mức tối đa 2.147.483.647" in " ".join(failure.value.errors)


DOLLAR_NAMES = ["Chi phí $x^{2}$", "Chi phí $$", r"Quỹ $\x$ 2023"]


@pytest.mark.parametrize("name", DOLLAR_NAMES)
def test_a_channel_named_with_dollars_draws_its_chart_with_the_name_as_text(
    client_for, viewer, name
):
    # matplotlib read «$…$» as mathtext: a formula drawn, or a 500 for everyone
    channel = _channel()
    channel.name = name
    channel.save()
    response = client_for(viewer).get(reverse("outreach:detail", args=[channel.pk]))
    assert response.status_code == 200
    svg = response.content.decode().split("<svg", 1)[1]
    assert escape(name) in svg


@pytest.mark.parametrize("name", DOLLAR_NAMES)
def test_a_unit_name_with_dollars_draws_the_dashboard_chart(client_for, specialist, name):
    from tuyengiao.orgs.models import OrgUnit

    district = OrgUnit.objects.get(code="QU-Q1")
    OrgUnit.objects.filter(pk__in=district.get_children()).update(short_name=name)
    url = reverse("reporting:dashboard", args=["HT-NQ", "2022", "QU-Q1"])
    response = client_for(specialist).get(url)
    assert response.status_code == 200
    assert escape(name) in response.content.decode().split("<svg", 1)[1]


# --- uploads --------------------------------------------------------------------------------


def _xlsx(rows) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    return xlsx.workbook_bytes(book)


def _rewrite(data: bytes, name: str, change) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            target.writestr(info.filename, change(content) if info.filename == name else content)
        if name not in source.namelist():  # openpyxl writes inline strings: add the part
            target.writestr(name, change(b""))
    return out.getvalue()


def test_an_xlsx_declaring_a_million_rows_is_refused_before_parsing():
    data = _xlsx([["Số, ký hiệu"]])
    data = _rewrite(
        data, "xl/worksheets/sheet1.xml", lambda x: x.replace(b'ref="A1:A1"', b'ref="A1:G1000000"')
    )
    with pytest.raises(DomainError, match="1.000.000 dòng, vượt giới hạn 20.000"):
        xlsx.check_package(data)


def test_an_xlsx_with_three_million_shared_strings_is_refused_before_parsing():
    # Was: 43 s and 430 MB for a 7,8 MB file. Three million tiny strings, packed small.
    strings = b"".join(b"<si><t>%d</t></si>" % i for i in range(3_000_000))
    data = _rewrite(
        _xlsx([["a"]]),
        "xl/sharedStrings.xml",
        lambda x: (
            b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            b'uniqueCount="1">' + strings + b"</sst>"
        ),  # the count lies; the size cannot
    )
    assert len(data) < 12 * 1024 * 1024
    with pytest.raises(DomainError, match="vượt giới hạn 10 MB"):
        xlsx.check_package(data)


def test_the_register_import_refuses_an_oversized_xlsx_with_a_message(specialist):
    from tuyengiao.documents import imports
    from tuyengiao.orgs.models import OrgUnit

    data = _rewrite(
        _xlsx([["Số, ký hiệu"]]),
        "xl/worksheets/sheet1.xml",
        lambda x: x.replace(b'ref="A1:A1"', b'ref="A1:C50000"'),
    )
    upload = SimpleUploadedFile("so.xlsx", data)
    with pytest.raises(DomainError, match="50.000 dòng"):
        imports.check_file(upload, OrgUnit.objects.get(code="QU-Q1"))


# --- imports run the form's rules -----------------------------------------------------------


def _import_errors(rows):
    from tuyengiao.documents import imports
    from tuyengiao.orgs.models import OrgUnit

    data = _xlsx([["Số, ký hiệu", "Ngày ban hành", "Trích yếu"], *rows])
    with pytest.raises(ValidationFailed) as failure:
        imports.check_file(SimpleUploadedFile("so.xlsx", data), OrgUnit.objects.get(code="QU-Q1"))
    return failure.value.errors


def test_an_imported_title_longer_than_the_form_allows_is_refused(specialist):
    errors = _import_errors([["901-KH/QU", "01/02/2022", "x" * 5000]])
    assert errors == ["Dòng 2, cột «Trích yếu»: Trích yếu dài 5.000 ký tự, tối đa 2.000 ký tự."]


@pytest.mark.parametrize("date", ["01/01/0001", "01/01/1000"])
def test_an_imported_date_before_1930_is_refused(specialist, date):
    errors = _import_errors([["902-KH/QU", date, "Kế hoạch"]])
    assert errors == [
        f"Dòng 2, cột «Ngày ban hành»: «{date}»: Ngày ban hành {date} trước năm 1930."
    ]


def test_a_cyrillic_letter_in_a_document_number_is_refused(specialist):
    errors = _import_errors([["05-КН/QU", "01/02/2022", "Kế hoạch"]])  # К and Н are Cyrillic
    assert len(errors) == 1
    assert "chữ «К» là chữ Kirin (bàn phím tiếng Nga?), không phải chữ Latin" in errors[0]


def test_full_width_letters_in_a_document_number_are_normalised():
    from tuyengiao.documents.numbers import parse_number

    assert parse_number("05-ＫＨ/ＱＵ").text == parse_number("05-KH/QU").text


def test_a_nul_character_in_the_query_is_dropped_on_every_database(quiet, specialist):
    # PostgreSQL refuses NUL in text: /units/?q=a%00b and /reports/?unit=… were 500s there
    quiet.force_login(specialist)
    page = quiet.get("/units/", {"q": "Bến\x00 Nghé"})
    assert page.status_code == 200 and "Bến Nghé" in page.content.decode()
    assert quiet.get("/reports/", {"unit": "QU-Q1\x00", "year": "2022"}).status_code == 302
    assert quiet.get("/api/documents/", {"q": "a\x00b"}).status_code == 200
