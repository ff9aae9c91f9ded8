import datetime as dt

import pytest
from django.core.management import call_command

from tuyengiao.core.actors import SYSTEM
from tuyengiao.core.errors import DomainError
from tuyengiao.orgs import services
from tuyengiao.orgs.choices import LineageKind, UnitKind
from tuyengiao.orgs.models import Lineage, OrgUnit
from tuyengiao.orgs.services import UnitSpec

pytestmark = pytest.mark.django_db
END_2022 = dt.date(2022, 12, 31)


def grassroots_of_district(date):
    return services.subtree_valid_on(OrgUnit.objects.get(code="QU-Q1"), date, UnitKind.GRASSROOTS)


def test_district_1_has_51_grassroots_organisations_at_the_end_of_2022():
    assert grassroots_of_district(END_2022).count() == 51


def test_district_1_is_not_valid_after_the_2025_reorganisation():
    district = OrgUnit.objects.get(code="QU-Q1")
    assert not district.is_valid_on(dt.date(2025, 12, 31))
    assert grassroots_of_district(dt.date(2025, 12, 31)).count() == 0


def test_2022_still_rolls_up_to_district_1_after_2025():
    # History is not rewritten: the wards are still under QU-Q1, only closed.
    ben_nghe = OrgUnit.objects.get(code="DU-BEN-NGHE")
    assert ben_nghe.get_parent().code == "QU-Q1"
    assert ben_nghe.valid_to == dt.date(2025, 6, 30)


def test_loading_the_demo_twice_duplicates_nothing():
    counts = (OrgUnit.objects.count(), Lineage.objects.count())
    call_command("demo", quiet=True)
    assert (OrgUnit.objects.count(), Lineage.objects.count()) == counts


def test_merge_closes_predecessors_and_records_lineage():
    city = OrgUnit.objects.get(code="TU-HCM")
    a = services.create_unit(
        UnitSpec("X-A", "Phường A", UnitKind.COMMUNE_COMMITTEE),
        parent=city,
        valid_from=dt.date(2020, 1, 1),
        actor=SYSTEM,
    )
    b = services.create_unit(
        UnitSpec("X-B", "Phường B", UnitKind.COMMUNE_COMMITTEE),
        parent=city,
        valid_from=dt.date(2020, 1, 1),
        actor=SYSTEM,
    )
    merged = services.merge_units(
        [a, b],
        UnitSpec("X-AB", "Phường AB", UnitKind.COMMUNE_COMMITTEE),
        parent=city,
        date=dt.date(2024, 1, 1),
        actor=SYSTEM,
    )
    a.refresh_from_db()
    assert a.valid_to == dt.date(2023, 12, 31)
    assert merged.valid_from == dt.date(2024, 1, 1)
    assert set(services.predecessors_of(merged)) == {a, b}
    assert {link.kind for link in merged.predecessor_links.all()} == {LineageKind.MERGE}
    on_2023 = set(
        services.subtree_valid_on(city, dt.date(2023, 6, 1)).values_list("code", flat=True)
    )
    on_2024 = set(
        services.subtree_valid_on(city, dt.date(2024, 6, 1)).values_list("code", flat=True)
    )
    assert {"X-A", "X-B"} <= on_2023 and "X-AB" not in on_2023
    assert "X-AB" in on_2024 and not {"X-A", "X-B"} & on_2024


def test_split_opens_successors_and_closes_the_children_too():
    city = OrgUnit.objects.get(code="TU-HCM")
    old = services.create_unit(
        UnitSpec("X-OLD", "Xã cũ", UnitKind.COMMUNE_COMMITTEE),
        parent=city,
        valid_from=dt.date(2020, 1, 1),
        actor=SYSTEM,
    )
    cell = services.create_unit(
        UnitSpec("X-CELL", "Chi bộ ấp 1", UnitKind.CELL),
        parent=old,
        valid_from=dt.date(2020, 1, 1),
        actor=SYSTEM,
    )
    news = services.split_unit(
        old,
        [
            UnitSpec("X-N1", "Xã mới 1", UnitKind.COMMUNE_COMMITTEE),
            UnitSpec("X-N2", "Xã mới 2", UnitKind.COMMUNE_COMMITTEE),
        ],
        parent=city,
        date=dt.date(2024, 7, 1),
        actor=SYSTEM,
    )
    cell.refresh_from_db()
    assert cell.valid_to == dt.date(2024, 6, 30)
    assert [s.code for s in services.successors_of(old)] == ["X-N1", "X-N2"]
    assert all(n.get_parent() == city for n in news)


def test_a_closed_unit_cannot_be_reorganised_again():
    ben_nghe = OrgUnit.objects.get(code="DU-BEN-NGHE")
    with pytest.raises(DomainError, match="không còn hiệu lực"):
        services.merge_units(
            [ben_nghe],
            OrgUnit.objects.get(code="TU-HCM"),
            parent=None,
            date=dt.date(2026, 1, 1),
            actor=SYSTEM,
        )


def test_a_used_code_is_refused_in_vietnamese():
    with pytest.raises(DomainError, match="đã được dùng"):
        services.create_unit(UnitSpec("QU-Q1", "Trùng", UnitKind.BOARD), parent=None, actor=SYSTEM)


def test_units_sort_in_vietnamese_order():
    names = list(
        OrgUnit.objects.children_of(OrgUnit.objects.get(code="QU-Q1"))
        .filter(code__startswith="DU-")
        .vi_ordered()
        .values_list("name", flat=True)
    )
    wards = [n.removeprefix("Đảng ủy phường ") for n in names]
    assert wards.index("Cô Giang") < wards.index("Đa Kao") < wards.index("Nguyễn Cư Trinh")
    assert wards.index("Cầu Kho") < wards.index("Cầu Ông Lãnh")


def test_orgs_tree_command_lists_the_51_grassroots(capsys):
    call_command("orgs", "tree", "QU-Q1", "--date", "2022-12-31")
    out = capsys.readouterr().out
    assert "51 tổ chức cơ sở đảng" in out
    assert "DU-BEN-NGHE\tĐảng ủy phường Bến Nghé" in out


def test_orgs_tree_command_refuses_a_closed_unit():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="không có hiệu lực vào ngày 31/12/2025"):
        call_command("orgs", "tree", "QU-Q1", "--date", "2025-12-31")
