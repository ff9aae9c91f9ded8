"""Import of an e-office register: all rows checked first, errors by row and column."""

import datetime as dt

import pytest
from django.urls import reverse

from tuyengiao.core.errors import DomainError, ValidationFailed
from tuyengiao.documents import imports
from tuyengiao.documents.models import Document
from tuyengiao.orgs.models import OrgUnit

from .conftest import upload, xlsx_bytes

pytestmark = pytest.mark.django_db
HEADER = ["STT", "Số, ký hiệu", "Ngày ban hành", "Trích yếu", "Loại", "Độ mật"]


@pytest.fixture
def ward():
    return OrgUnit.objects.get(code="DU-BEN-NGHE")


def run(actor, unit, name, data):
    return imports.import_register(actor=actor, upload=upload(name, data), issuing_unit=unit)


def test_an_xlsx_register_with_a_title_block_is_imported(specialist, ward):
    data = xlsx_bytes(
        [
            ["ĐẢNG ỦY PHƯỜNG BẾN NGHÉ — SỔ VĂN BẢN ĐI"],
            [],
            HEADER,
            [
                1,
                "20-KH/ĐU",
                dt.datetime(2022, 3, 4),
                "Kế hoạch tuyên truyền năm 2022",
                "Kế hoạch",
                "Thường",
            ],
            [2, "21 – BC/ĐU", "15/06/2022", "Báo cáo sơ kết 6 tháng", "BC", ""],
            [3, "02-BC/ĐU", "20/06/2022", "Báo cáo công tác bảo mật", "", "Mật"],
        ]
    )

    result = run(specialist, ward, "so-van-ban.xlsx", data)

    assert result.created == 3
    documents = Document.objects.filter(issuing_unit=ward, signed_on__year=2022)
    assert set(documents.values_list("number_text", flat=True)) >= {"20-KH/ĐU", "21-BC/ĐU"}
    assert documents.get(number_text="02-BC/ĐU").classification == "confidential"


def test_a_semicolon_csv_register_is_imported(specialist, ward):
    data = (
        "Số, ký hiệu;Ngày ban hành;Trích yếu\n30-CV/ĐU;2022-07-01;Công văn về việc tuyên truyền\n"
    )

    assert run(specialist, ward, "so.csv", data.encode("utf-8-sig")).created == 1


def test_every_bad_cell_is_reported_by_row_and_column_and_nothing_is_saved(specialist, ward):
    before = Document.objects.count()
    data = xlsx_bytes(
        [
            HEADER,
            [1, "40-KH/ĐU", "04/03/2022", "Hợp lệ", "Kế hoạch", "Thường"],
            [2, "41KH/ĐU", "04/03/2022", "Thiếu gạch", "", ""],
            [3, "42-KH/ĐU", "31/02/2022", "Ngày sai", "", ""],
            [4, "43-KH/ĐU", "04/03/2022", "", "", ""],
            [5, "44-KH/ĐU", "04/03/2022", "Loại không khớp", "Báo cáo", ""],
            [6, "45-KH/ĐU", "04/03/2022", "Độ mật sai", "", "Rất mật"],
            [7, "40-KH/ĐU", "05/03/2022", "Trùng dòng 2", "", ""],
            [8, "14-KH/ĐU", "05/03/2022", "Trùng sổ", "", ""],
        ]
    )

    with pytest.raises(ValidationFailed) as failure:
        run(specialist, ward, "so.xlsx", data)

    errors = failure.value.errors
    assert errors[0].startswith("Dòng 3, cột «Số, ký hiệu»") and "thiếu dấu «-»" in errors[0]
    assert errors[1].startswith("Dòng 4, cột «Ngày ban hành»: «31/02/2022»")
    assert errors[2] == "Dòng 5, cột «Trích yếu»: trích yếu để trống."
    assert errors[3].startswith("Dòng 6, cột «Loại»: «Báo cáo» không khớp")
    assert errors[4].startswith("Dòng 7, cột «Độ mật»: «Rất mật»")
    assert "trùng với dòng 2" in errors[5]
    assert errors[6].startswith("Dòng 9, cột «Số, ký hiệu»") and "đã được dùng" in errors[6]
    assert len(errors) == 7
    assert Document.objects.count() == before


@pytest.mark.parametrize(
    ("name", "data", "says"),
    [
        ("so.xlsx", b"%PDF-1.4 a pdf renamed", "không phải tệp Excel (.xlsx) hoặc CSV"),
        ("so.xlsx", b"PK\x03\x04 a broken zip", "không phải tệp Excel (.xlsx) hoặc CSV"),
        ("so.csv", b"", "trống"),
        ("so.csv", "Số;Ngày;Nội dung\n1;2;3\n".encode(), "Không tìm thấy dòng tiêu đề"),
        ("so.csv", "Số, ký hiệu;Ngày ban hành;Trích yếu\n".encode(), "không có dòng dữ liệu"),
        ("so.csv", "\ufeff\n\n".encode(), "Không tìm thấy dòng tiêu đề"),
    ],
)
def test_bad_files_are_refused_with_a_vietnamese_message(specialist, ward, name, data, says):
    with pytest.raises(DomainError) as error:
        run(specialist, ward, name, data)

    assert says in error.value.message


def test_a_zip_without_a_workbook_is_refused_in_vietnamese_only(specialist, ward):
    """A .zip renamed .xlsx passes the package check but has no workbook: openpyxl's own
    English message ("File contains no valid workbook part") must not reach the person."""
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("xl/workbook.xml", "<x/>")

    with pytest.raises(DomainError) as error:
        run(specialist, ward, "so.xlsx", buffer.getvalue())

    assert "tệp bị hỏng hoặc không phải bảng tính .xlsx" in error.value.message
    assert "workbook" not in error.value.message


def test_an_oversized_register_is_refused(specialist, ward, settings):
    settings.MAX_UPLOAD_MB = 1

    with pytest.raises(DomainError, match="vượt giới hạn 1 MB"):
        run(specialist, ward, "so.csv", b"a" * (1024 * 1024 + 1))


def test_the_import_page_lists_the_errors_and_the_register_is_unchanged(client, specialist):
    client.force_login(specialist)
    data = '"Số, ký hiệu",Ngày ban hành,Trích yếu\n950-KH/QU,xx,Kế hoạch\n'.encode()

    response = client.post(
        reverse("documents:import"), {"issuing_unit": "QU-Q1", "file": upload("so.csv", data)}
    )

    assert response.status_code == 400
    assert "Dòng 2, cột «Ngày ban hành»: «xx» không phải ngày" in response.content.decode()
    assert not Document.objects.filter(number_text="950-KH/QU").exists()


def test_the_import_page_never_fails_on_a_binary_file(client, specialist):
    client.force_login(specialist)

    response = client.post(
        reverse("documents:import"),
        {"issuing_unit": "QU-Q1", "file": upload("so.xlsx", bytes(range(256)) * 4)},
    )

    assert response.status_code == 400
    assert "không phải tệp Excel" in response.content.decode()


def test_a_user_cannot_import_into_a_unit_outside_their_scope(client, specialist):
    client.force_login(specialist)
    data = '"Số, ký hiệu",Ngày ban hành,Trích yếu\n50-KH/TU,01/02/2022,Kế hoạch\n'.encode()

    response = client.post(
        reverse("documents:import"), {"issuing_unit": "TU-HCM", "file": upload("so.csv", data)}
    )

    assert response.status_code == 400
    assert not Document.objects.filter(number_text="50-KH/TU").exists()


def test_the_registration_date_in_the_file_is_kept_and_checked(specialist, ward):
    header = ["Số, ký hiệu", "Ngày ban hành", "Ngày vào sổ", "Trích yếu"]
    good = [["40-CV/ĐU", "01/07/2022", "05/07/2022", "Công văn vào sổ sau 4 ngày"]]
    good.append(["41-CV/ĐU", "02/07/2022", "", "Công văn không ghi ngày vào sổ"])

    run(specialist, ward, "so.xlsx", xlsx_bytes([header, *good]))

    documents = Document.objects.filter(issuing_unit=ward)
    assert documents.get(number_text="40-CV/ĐU").registered_on == dt.date(2022, 7, 5)
    assert documents.get(number_text="41-CV/ĐU").registered_on == dt.date(2022, 7, 2)

    before = Document.objects.count()
    bad = [["42-CV/ĐU", "10/07/2022", "01/07/2022", "Vào sổ trước ngày ban hành"]]
    with pytest.raises(ValidationFailed) as raised:
        run(specialist, ward, "so.xlsx", xlsx_bytes([header, *bad]))

    (message,) = raised.value.errors
    assert message.startswith("Dòng 2, cột «Ngày vào sổ»: «01/07/2022» — trước ngày ban hành")
    assert Document.objects.count() == before


def test_the_registers_own_export_imports_back_with_its_registration_dates(specialist, ward):
    from tuyengiao.documents import views

    run(
        specialist,
        ward,
        "so.xlsx",
        xlsx_bytes(
            [
                ["Số, ký hiệu", "Ngày ban hành", "Ngày vào sổ", "Trích yếu"],
                ["50-CV/ĐU", "01/08/2022", "03/08/2022", "Công văn đi và về"],
            ]
        ),
    )
    mine = Document.objects.filter(number_text="50-CV/ĐU").with_titles_for(specialist)
    exported = views.register_xlsx(mine)
    Document.objects.filter(number_text="50-CV/ĐU").delete()

    run(specialist, ward, "so-van-ban.xlsx", exported)

    assert Document.objects.get(number_text="50-CV/ĐU").registered_on == dt.date(2022, 8, 3)


@pytest.mark.parametrize(
    "typed", ["abc", "31/02/2022", 45000, "01/01/2999", "2022-13-01", "1.250", " "]
)
def test_a_bad_registration_date_is_refused_by_row_and_column(specialist, ward, typed):
    header = ["Số, ký hiệu", "Ngày ban hành", "Ngày vào sổ", "Trích yếu"]
    row = ["60-CV/ĐU", "01/07/2022", typed, "Công văn có ngày vào sổ sai"]
    before = Document.objects.count()

    if str(typed).strip() == "":  # an empty cell: entered when signed
        run(specialist, ward, "so.xlsx", xlsx_bytes([header, row]))
        assert Document.objects.get(number_text="60-CV/ĐU").registered_on == dt.date(2022, 7, 1)
        return
    with pytest.raises(ValidationFailed) as raised:
        run(specialist, ward, "so.xlsx", xlsx_bytes([header, row]))

    (message,) = raised.value.errors
    assert message.startswith("Dòng 2, cột «Ngày vào sổ»: «")
    assert Document.objects.count() == before
