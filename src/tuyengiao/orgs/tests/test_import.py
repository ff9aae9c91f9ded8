"""Units from real data: the 2025 map of Vietnam, and spreadsheets of a unit's own."""

import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tuyengiao.core.errors import ValidationFailed
from tuyengiao.orgs import unit_import
from tuyengiao.orgs.models import Lineage, OrgUnit
from tuyengiao.orgs.services import successors_of

pytestmark = pytest.mark.django_db
KINDS_VI = [
    "Trung ương",
    "Thành ủy, Tỉnh ủy",
    "Quận ủy, Huyện ủy",
    "Đảng ủy phường, xã",
    "Tổ chức cơ sở đảng",
    "Chi bộ",
    "Ban tham mưu",
    "Tổ chức chính trị - xã hội",
]


def run_json(capsys, *args):
    call_command("orgs", "import-admin", *args, "--json")
    return json.loads(capsys.readouterr().out)


def test_import_admin_seeds_ho_chi_minh_citys_168_wards_once(capsys):
    first = run_json(capsys, "--province", "79")
    # The demo already has four of them (Sài Gòn, Tân Định, Bến Thành, Cầu Ông Lãnh).
    assert first == {"province": "Thành phố Hồ Chí Minh", "wards": 168, "created": 164}
    assert run_json(capsys, "--province", "79")["created"] == 0
    city = OrgUnit.objects.get(code="TU-HCM")
    assert OrgUnit.objects.children_of(city).filter(kind="commune_committee").count() == 168
    assert OrgUnit.objects.get(code="DU-26506").name == "Đảng ủy phường Vũng Tàu"


def test_dry_run_counts_and_saves_nothing(capsys):
    before = OrgUnit.objects.count()
    assert run_json(capsys, "--province", "1", "--dry-run") == {
        "province": "Thành phố Hà Nội",
        "wards": 126,
        "created": 127,  # and the Thành ủy
    }
    assert OrgUnit.objects.count() == before


def test_an_unknown_province_is_refused_in_vietnamese():
    with pytest.raises(CommandError, match="Không có tỉnh, thành phố mã «99»"):
        call_command("orgs", "import-admin", "--province", "99")


def test_the_demo_follows_the_real_2025_mapping_of_district_1():
    def successors(name):
        return {
            u.name.removeprefix("Đảng ủy phường ")
            for u in successors_of(
                OrgUnit.objects.get(name=f"Đảng ủy phường {name}", valid_to__isnull=False)
            )
        }

    assert successors("Bến Nghé") == {"Sài Gòn"}
    assert (
        successors("Nguyễn Cư Trinh")
        == successors("Cầu Kho")
        == successors("Cô Giang")
        == {"Cầu Ông Lãnh"}
    )
    assert successors("Đa Kao") == {"Sài Gòn", "Tân Định"}
    assert successors("Nguyễn Thái Bình") == {"Sài Gòn", "Bến Thành"}
    assert successors("Cầu Ông Lãnh") == {"Bến Thành", "Cầu Ông Lãnh"}
    split = Lineage.objects.get(predecessor__code="DU-DA-KAO", successor__code="DU-TAN-DINH-2025")
    assert split.kind == "split"


def test_import_admin_records_the_lineage_it_finds(capsys):
    Lineage.objects.filter(predecessor__code="DU-BEN-NGHE").delete()
    call_command("orgs", "import-admin", "--province", "79")
    assert [u.code for u in successors_of(OrgUnit.objects.get(code="DU-BEN-NGHE"))] == [
        "DU-SAI-GON-2025"
    ]


CSV = """code,name,kind,parent,valid_from
X-P,Đảng ủy phường Thử,commune_committee,TU-HCM,01/07/2025
X-C1,Chi bộ khu phố 1,Chi bộ,X-P,01/07/2025
"""


def test_a_csv_creates_units_parents_first(admin):
    rows = CSV.replace("X-P,Đảng", "X-P,Đảng").splitlines()
    reordered = "\n".join([rows[0], rows[2], rows[1]]).encode()
    created = unit_import.import_units(reordered, "don-vi.csv", actor=admin)
    assert [u.code for u in created] == ["X-P", "X-C1"]
    assert OrgUnit.objects.get(code="X-C1").get_parent().code == "X-P"
    assert OrgUnit.objects.get(code="X-C1").kind == "cell"


def test_bad_rows_are_named_and_nothing_is_saved(admin):
    bad = (
        CSV
        + "X-P,Trùng mã,cell,X-P,01/07/2025\nX-Q,,tổ dân phố,TU-HCM,31/02/2025\nX-R,Tên,cell,KHONG-CO,01/07/2025\n"
    )
    with pytest.raises(ValidationFailed) as error:
        unit_import.import_units(bad.encode(), "don-vi.csv", actor=admin)
    assert error.value.errors == [
        "Dòng 4, cột «Mã»: «X-P» trùng với dòng 2.",
        "Dòng 5, cột «Tên»: «» — tên không được để trống.",
        "Dòng 5, cột «Loại»: «tổ dân phố» không phải loại đơn vị (" + "; ".join(KINDS_VI) + ").",
        "Dòng 5, cột «Hiệu lực từ»: «31/02/2025» không phải ngày dd/mm/yyyy.",
        "Dòng 6, cột «Mã đơn vị cấp trên»: «KHONG-CO» không có trong hệ thống hay trong tệp.",
    ]
    assert not OrgUnit.objects.filter(code="X-P").exists()


def test_a_ward_reporter_cannot_import_under_the_city(reporter):
    with pytest.raises(ValidationFailed) as error:
        unit_import.import_units(CSV.encode(), "don-vi.csv", actor=reporter)
    assert error.value.errors == [
        "Dòng 2, cột «Mã đơn vị cấp trên»: bạn không quản trị «Thành ủy Thành phố Hồ Chí Minh»."
    ]


def test_an_xlsx_file_imports_too(admin):
    import io

    from openpyxl import Workbook

    book = Workbook()
    for row in [
        ["Mã", "Tên", "Loại", "Mã cấp trên", "Hiệu lực từ"],
        ["X-X", "Đảng ủy xã Thử", "commune_committee", "TU-HCM", "2025-07-01"],
    ]:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    assert [u.code for u in unit_import.import_units(buffer.getvalue(), "a.xlsx", actor=admin)] == [
        "X-X"
    ]


def test_the_import_command_reports_row_errors(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(
        "code,name,kind,parent,valid_from\nQU-Q1,X,cell,TU-HCM,01/07/2025\n", encoding="utf-8"
    )
    with pytest.raises(CommandError, match="Dòng 2, cột «Mã»: «QU-Q1» đã có đơn vị dùng mã này."):
        call_command("orgs", "import", str(path))


def test_the_import_page_lists_row_errors_and_is_for_admins(client, admin, specialist, reporter):
    from django.core.files.uploadedfile import SimpleUploadedFile

    for user in (specialist, reporter):
        client.force_login(user)
        assert client.get("/units/import/").status_code == 403
    client.force_login(admin)
    bad = SimpleUploadedFile(
        "x.csv", b"code,name,kind,parent,valid_from\nX-1,,cell,TU-HCM,01/07/2025\n"
    )
    page = client.post("/units/import/", {"file": bad}).content.decode()
    assert "Dòng 2, cột «Tên»: «» — tên không được để trống." in page
    good = SimpleUploadedFile("x.csv", CSV.encode())
    response = client.post("/units/import/", {"file": good}, follow=True)
    assert "Đã tạo 2 đơn vị." in response.content.decode()


def test_vietnamese_headers_and_labels_are_accepted_and_shown(client, admin):

    rows = (
        "Mã,Tên,Loại,Mã đơn vị cấp trên,Hiệu lực từ\n"
        f'X-V,Đảng ủy phường Thử,"{KINDS_VI[3]}",TU-HCM,01/07/2025\n'
    )
    created = unit_import.import_units(rows.encode(), "don-vi.csv", actor=admin)
    assert [(u.code, u.kind, u.get_parent().code) for u in created] == [
        ("X-V", "commune_committee", "TU-HCM")
    ]
    with pytest.raises(ValidationFailed) as error:
        unit_import.import_units("Mã,Tên\nX-W,Thử\n".encode(), "a.csv", actor=admin)
    assert error.value.errors == [
        "Dòng 1: thiếu cột «Loại», «Mã đơn vị cấp trên», «Hiệu lực từ» "
        "(cần: Mã, Tên, Loại, Mã đơn vị cấp trên, Hiệu lực từ)."
    ]
    client.force_login(admin)
    page = client.get("/units/import/").content.decode()
    assert "Mã, Tên, Loại, Mã đơn vị cấp trên, Hiệu lực từ" in page
    assert "valid_from" not in page and "code (mã)" not in page
