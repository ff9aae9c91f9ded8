"""Reorganisations close and open units; nothing moves, and the past keeps its figures."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tuyengiao.core.actors import SYSTEM
from tuyengiao.core.errors import DomainError
from tuyengiao.orgs import reorganise
from tuyengiao.orgs.choices import LineageKind, UnitKind
from tuyengiao.orgs.models import Lineage, OrgUnit
from tuyengiao.orgs.services import UnitSpec, create_unit, successors_of

pytestmark = pytest.mark.django_db
START = dt.date(2020, 1, 1)
DATE = dt.date(2027, 1, 1)
WHY = reorganise.Decision("Sắp xếp đơn vị hành chính", "Quyết định 12-QĐ/TU")


def unit(code):
    return OrgUnit.objects.get(code=code)


@pytest.fixture
def commune():
    """A commune of today's city with two cells."""
    city = unit("TU-HCM")
    ward = create_unit(
        UnitSpec("X-W", "Đảng ủy xã Thử", UnitKind.COMMUNE_COMMITTEE),
        parent=city,
        valid_from=START,
        actor=SYSTEM,
    )
    for n in (1, 2):
        create_unit(
            UnitSpec(f"X-C{n}", f"Chi bộ ấp {n}", UnitKind.CELL),
            parent=ward,
            valid_from=START,
            actor=SYSTEM,
        )
    return unit("X-W")


def test_merge_command_opens_a_new_unit_with_lineage_and_the_decision(capsys):
    for code in ("X-A", "X-B"):
        create_unit(
            UnitSpec(code, f"Xã {code}", UnitKind.COMMUNE_COMMITTEE),
            parent=unit("TU-HCM"),
            valid_from=START,
            actor=SYSTEM,
        )
    paths = {u.code: u.path for u in OrgUnit.objects.all()}
    call_command(
        "orgs",
        "merge",
        "X-A",
        "X-B",
        "--into",
        "X-AB",
        "--name",
        "Đảng ủy xã Hợp Nhất",
        "--date",
        "2027-01-01",
        "--document",
        "Quyết định 12-QĐ/TU",
    )
    out = capsys.readouterr().out
    assert "Thành lập (1): X-AB" in out and "X-A → X-AB" in out
    merged = unit("X-AB")
    assert merged.get_parent() == unit("TU-HCM") and merged.valid_from == DATE
    assert unit("X-A").valid_to == dt.date(2026, 12, 31)
    assert Lineage.objects.get(predecessor__code="X-B").note == "Quyết định 12-QĐ/TU"
    assert all(OrgUnit.objects.get(code=c).path == p for c, p in paths.items())  # nothing moved


def test_split_command_gives_each_new_unit_its_chosen_children(commune, capsys):
    call_command(
        "orgs",
        "split",
        "X-W",
        "--into",
        "X-W1=Đảng ủy xã Một",
        "X-W2=Đảng ủy xã Hai",
        "--children",
        "X-W1=X-C1",
        "X-W2=X-C2",
        "--date",
        "2027-01-01",
    )
    assert [s.code for s in successors_of(commune)] == ["X-W1", "X-W2"]
    assert [c.code for c in OrgUnit.objects.children_of(unit("X-W1"))] == ["X-C1-2027"]
    assert [c.code for c in OrgUnit.objects.children_of(unit("X-W2"))] == ["X-C2-2027"]
    assert unit("X-C1").valid_to == dt.date(2026, 12, 31)
    assert successors_of(unit("X-C1")) == [unit("X-C1-2027")]


def test_dry_run_shows_what_moves_and_saves_nothing(commune, capsys):
    before = OrgUnit.objects.count()
    call_command(
        "orgs",
        "split",
        "X-W",
        "--into",
        "X-W1=Một",
        "X-W2=Hai",
        "--children",
        "X-W1=X-C1,X-C2",
        "--date",
        "2027-01-01",
        "--dry-run",
    )
    out = capsys.readouterr().out
    assert "chưa lưu" in out and "Giải thể (3): X-W, X-C1, X-C2" in out
    assert "Thành lập (4): X-W1, X-C1-2027, X-C2-2027, X-W2" in out
    assert OrgUnit.objects.count() == before and unit("X-W").valid_to is None


def test_commands_refuse_bad_input_in_vietnamese(commune):
    with pytest.raises(CommandError, match="cần --name"):
        call_command("orgs", "merge", "X-W", "--into", "X-NEW", "--date", "2027-01-01")
    with pytest.raises(CommandError, match="không đúng dạng YYYY-MM-DD"):
        call_command("orgs", "merge", "X-W", "--into", "TU-HCM", "--date", "01/01/2027")
    with pytest.raises(CommandError, match="không phải đơn vị trực thuộc"):
        call_command(
            "orgs",
            "split",
            "X-W",
            "--into",
            "X-W1=Một",
            "X-W2=Hai",
            "--children",
            "X-W1=DU-BEN-NGHE",
            "--date",
            "2027-01-01",
        )
    assert unit("X-W").valid_to is None


def test_rename_opens_a_successor_that_takes_the_children(commune):
    new = reorganise.rename_unit(
        commune, code="X-W-NEW", name="Đảng ủy xã Đổi Tên", date=DATE, decision=WHY, actor=SYSTEM
    )
    assert new.get_parent() == unit("TU-HCM")
    assert commune.successor_links.get().kind == LineageKind.RENAME
    assert OrgUnit.objects.children_of(new).count() == 2


def test_a_ward_admin_cannot_reorganise_outside_the_ward(commune, reporter):
    with pytest.raises(DomainError, match="không có quyền quản trị"):
        reorganise.close_unit(commune, date=DATE, decision=WHY, actor=reporter)
    assert unit("X-W").valid_to is None


def test_the_admin_has_no_move_and_no_add(client, admin):
    client.force_login(admin)
    page = client.get(f"/admin/orgs/orgunit/{unit('DU-TAN-DINH').pk}/change/").content.decode()
    assert "_ref_node_id" not in page and "_position" not in page
    assert client.get("/admin/orgs/orgunit/add/").status_code == 403
    before = unit("DU-TAN-DINH").path
    # treebeard's drag-and-drop endpoint is gone (Django reads "move" as an object id).
    tan_dinh, city = unit("DU-TAN-DINH").pk, unit("TU-HCM").pk
    move = {"node_id": tan_dinh, "sibling_id": city, "as_child": 1}
    assert client.post("/admin/orgs/orgunit/move/", move).status_code != 200
    client.post(
        f"/admin/orgs/orgunit/{unit('DU-TAN-DINH').pk}/change/",
        {"short_name": "Tân Định", "_ref_node_id": unit("TU-HCM").pk, "_position": "first-child"},
    )
    assert unit("DU-TAN-DINH").path == before
