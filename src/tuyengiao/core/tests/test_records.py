"""The record-page kit (core.records) and the one xlsx writer (core.xlsx)."""

import datetime as dt
import io
from decimal import Decimal

import pytest
from django import forms
from django.template import RequestContext, Template
from django.test import RequestFactory
from openpyxl import load_workbook

from tuyengiao.core import records, xlsx
from tuyengiao.core.errors import DomainError, ValidationFailed


class NameForm(forms.Form):
    name = forms.CharField()
    year = forms.IntegerField(required=False)


def _form():
    form = NameForm({"name": "Hội nghị", "year": "2023"})
    assert form.is_valid()
    return form


def test_a_domain_error_lands_on_the_field_it_names():
    form = _form()
    ok, result = records.attempt(
        form, lambda: (_ for _ in ()).throw(DomainError("Năm 1800 quá sớm.", field="year"))
    )
    assert (ok, result) == (False, None)
    assert form.errors == {"year": ["Năm 1800 quá sớm."]}


def test_an_error_naming_no_field_of_the_form_goes_above_it():
    form = _form()
    records.add_errors(form, DomainError("Bạn không có quyền.", field="unit"))
    assert form.non_field_errors() == ["Bạn không có quyền."]
    assert "unit" not in form.errors


def test_several_errors_at_once_each_find_their_place():
    form = _form()
    records.add_errors(form, ValidationFailed({"name": ["Tên trống."], "other": ["Lỗi chung."]}))
    assert form.errors["name"] == ["Tên trống."]
    assert form.non_field_errors() == ["Lỗi chung."]
    listed = _form()
    records.add_errors(listed, ValidationFailed(["Dòng 3 sai.", "Dòng 4 sai."]))
    assert listed.non_field_errors() == ["Dòng 3 sai.", "Dòng 4 sai."]


def test_a_verb_that_succeeds_returns_its_result_and_leaves_the_form_clean():
    form = _form()
    assert records.attempt(form, lambda: 42) == (True, 42)
    assert form.errors == {}


def _render(name, **context):
    request = RequestFactory().get("/x/", {"q": "biển đảo", "unit": "DU-BEN-NGHE", "page": "2"})
    return Template(f'{{% include "core/records/{name}" %}}').render(
        RequestContext(request, context)
    )


def test_the_pager_keeps_the_filters_and_changes_only_the_page():
    from django.core.paginator import Paginator

    page = Paginator(list(range(120)), 50).get_page(2)
    html = _render("_pager.html", page=page)
    assert "2/3" in html
    assert 'href="?q=bi%E1%BB%83n+%C4%91%E1%BA%A3o&amp;unit=DU-BEN-NGHE&amp;page=1"' in html
    assert "page=3" in html and "export" not in html


def test_the_excel_link_carries_the_filters_but_not_the_page():
    html = _render("_filter.html", filter=None)
    assert 'href="?q=bi%E1%BB%83n+%C4%91%E1%BA%A3o&amp;unit=DU-BEN-NGHE&amp;export=xlsx"' in html


def test_the_one_writer_keeps_numbers_dates_and_widths_and_writes_formulas_as_text():
    book = xlsx.workbook(
        "Hội nghị",
        [("Tên", 40), ("Số người", 10), ("Tỷ lệ", 10), ("Ngày", 12)],
        [["=HYPERLINK(1)", 6513, Decimal("93.44"), dt.date(2023, 2, 10)]],
    )
    data = xlsx.workbook_bytes(book)
    sheet = load_workbook(io.BytesIO(data)).active
    assert [c.value for c in sheet[1]] == ["Tên", "Số người", "Tỷ lệ", "Ngày"]
    assert sheet["A1"].font.bold and sheet.freeze_panes == "A2"
    name, people, rate, day = sheet[2]
    assert name.value == "=HYPERLINK(1)" and name.data_type == "s"
    assert (people.value, people.number_format) == (6513, "#,##0")
    assert (rate.value, rate.number_format) == (93.44, "#,##0.00")
    assert day.value == dt.datetime(2023, 2, 10) and day.number_format == "DD/MM/YYYY"
    assert sheet.column_dimensions["A"].width == 40
    assert sheet.column_dimensions["D"].width == 12


def test_a_year_column_stays_a_number_without_a_thousands_dot():
    class Commendation:
        year, people = 2022, 6513

    columns = [
        xlsx.Column("Năm", 8, "year", xlsx.YEAR_FORMAT),
        xlsx.Column("Số người", 10, "people"),
    ]
    book = xlsx.records_workbook("Khen thưởng", columns, [Commendation()])

    year, people = load_workbook(io.BytesIO(xlsx.workbook_bytes(book))).active[2]
    assert (year.value, year.number_format) == (2022, "0")  # not shown as 2.022
    assert (people.value, people.number_format) == (6513, "#,##0")


def test_a_column_reads_an_attribute_path_or_a_function():
    class Unit:
        name = "Phường Bến Nghé"

    class Record:
        unit = Unit()
        missing = None

    assert xlsx.Column("Đơn vị", value="unit.name").of(Record()) == "Phường Bến Nghé"
    assert xlsx.Column("Không có", value="missing.name").of(Record()) is None
    assert xlsx.Column("Hàm", value=lambda r: r.unit.name.upper()).of(Record()).startswith("PH")


def test_the_download_carries_the_one_mime_type_and_the_file_name():
    response = xlsx.response("hoi-nghi.xlsx", "Hội nghị", ["Tên"], [["A"]])
    assert response["Content-Type"] == xlsx.XLSX
    assert response["Content-Disposition"] == 'attachment; filename="hoi-nghi.xlsx"'
    assert load_workbook(io.BytesIO(response.content)).active["A2"].value == "A"


@pytest.mark.parametrize("module", ["meetings", "awards", "targets", "documents", "training"])
def test_the_record_apps_borrow_nothing_from_a_sibling_app(module):
    from pathlib import Path

    import tuyengiao

    root = Path(tuyengiao.__file__).parent / module
    borrowed = [
        f"{path.name}: {line.strip()}"
        for path in root.glob("*.py")
        for line in path.read_text(encoding="utf-8").splitlines()
        if "tuyengiao.meetings." in line and module != "meetings" and "import" in line
    ]
    assert borrowed == []


def test_the_kit_asks_the_access_rule_the_unit_tree_registered():
    from types import SimpleNamespace

    from tuyengiao.orgs import access

    assert records.access.rule is access  # registered by OrgsConfig.ready()
    with pytest.raises(ValueError):
        records.use_access(SimpleNamespace(VIEW="xem", CHANGE="sửa"))
    assert records.access.rule is access


def test_only_the_columns_asked_for_wrap_their_text():
    book = xlsx.workbook("Nhật ký", ["Thời gian", "Chi tiết"], [["a", "b"]], wrap={2})
    sheet = book.active
    assert sheet["B2"].alignment.wrap_text and not sheet["A2"].alignment.wrap_text
    every = xlsx.workbook("Nhật ký", ["Thời gian", "Chi tiết"], [["a", "b"]]).active
    assert every["A2"].alignment.wrap_text and every["B2"].alignment.wrap_text
