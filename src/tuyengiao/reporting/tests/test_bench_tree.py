"""The benchmark's synthetic national tree is a valid treebeard tree (built on a tiny size)."""

import importlib.util
import sys

import pytest
from django.conf import settings

from tuyengiao.orgs.choices import UnitKind
from tuyengiao.orgs.models import OrgUnit

pytestmark = pytest.mark.django_db


def _bench_tree():
    if "bench_tree" in sys.modules:
        return sys.modules["bench_tree"]
    path = settings.PROJECT_DIR / "bench" / "tree.py"
    spec = importlib.util.spec_from_file_location("bench_tree", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_tree"] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_spread_splits_a_total_into_near_equal_parts():
    spread = _bench_tree().spread
    assert spread(10, 3) == [4, 3, 3]
    assert sum(spread(52105, 3300)) == 52105
    assert set(spread(52105, 3300)) == {15, 16}


def test_synthetic_tree_is_a_valid_treebeard_tree_with_the_right_counts():
    # given the demo tree already in the database
    roots_before = OrgUnit.get_root_nodes().count()
    # when a tiny national tree is built: 2 provinces × 3 communes × 4 units
    tree = _bench_tree().build_national_tree(provinces=2, communes=6, grassroots=24, prefix="TEST")
    # then treebeard finds nothing wrong in the whole table
    assert all(problems == [] for problems in OrgUnit.find_problems())
    root = OrgUnit.objects.get(code="TEST")
    assert root.is_root() and OrgUnit.get_root_nodes().count() == roots_before + 1
    assert root.get_descendant_count() == 2 + 6 + 24 == tree.total - 1
    assert [p.get_children_count() for p in root.get_children()] == [3, 3]
    for commune in OrgUnit.objects.filter(code__in=tree.commune_codes):
        assert commune.get_children_count() == 4
        assert commune.get_parent().kind == UnitKind.CITY_COMMITTEE
    unit = OrgUnit.objects.get(code=tree.grassroots_codes[-1])
    assert unit.kind == UnitKind.GRASSROOTS and unit.depth == 4 and unit.is_leaf()
    assert [a.code for a in unit.get_ancestors()] == ["TEST", "TEST-T02", "TEST-T02-X003"]
    assert OrgUnit.objects.search("chi bo co so so 04 xa 003 tinh 02").get() == unit


def test_a_node_added_by_treebeard_after_the_bulk_build_lands_in_the_right_place():
    # given a tiny tree built by hand-computed paths
    _bench_tree().build_national_tree(provinces=1, communes=2, grassroots=3, prefix="TEST")
    commune = OrgUnit.objects.get(code="TEST-T01-X001")
    # when treebeard itself appends a child (it relies on the stored numchild and paths)
    commune.add_child(code="TEST-NEW", name="Chi bộ mới", kind=UnitKind.GRASSROOTS)
    # then the tree is still valid and the new child follows the existing ones
    assert all(problems == [] for problems in OrgUnit.find_problems())
    assert [u.code for u in OrgUnit.objects.children_of(commune)] == [
        "TEST-T01-X001-C01",
        "TEST-T01-X001-C02",
        "TEST-NEW",
    ]
