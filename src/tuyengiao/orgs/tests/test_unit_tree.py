"""The unit tree's few words, said once: ancestor paths, contains, valid on a date, and the
scoped queryset's in_subtree() and search() that every unit-owned model inherits."""

import datetime as dt

import pytest
from django.apps import apps

from tuyengiao.orgs import access
from tuyengiao.orgs.models import OrgUnit, ancestor_paths, parent_path

pytestmark = pytest.mark.django_db


def unit(code):
    return OrgUnit.objects.get(code=code)


def test_ancestor_paths_are_the_units_above_root_first():
    ward = OrgUnit.objects.filter(depth=3).order_by("path").first()
    above = [u.path for u in ward.get_ancestors()]
    assert ward.ancestor_paths(include_self=False) == above
    assert ward.ancestor_paths() == [*above, ward.path]
    assert parent_path(ward.path) == above[-1]
    assert ancestor_paths(ward.path) == ward.ancestor_paths()


def test_a_unit_contains_itself_and_its_subtree_not_its_sibling():
    district = unit("QU-Q1")
    ward = OrgUnit.objects.children_of(district).order_by("path").first()
    sibling = OrgUnit.objects.children_of(district).order_by("path").last()
    assert district.contains(district)
    assert district.contains(ward)
    assert not ward.contains(district)
    assert not ward.contains(sibling)


def test_valid_on_keeps_the_units_in_force_that_day():
    ward = OrgUnit.objects.children_of(unit("QU-Q1")).order_by("path").first()
    OrgUnit.objects.filter(pk=ward.pk).update(
        valid_from=dt.date(2020, 1, 1), valid_to=dt.date(2024, 12, 31)
    )
    assert OrgUnit.objects.valid_on(dt.date(2022, 6, 1)).filter(pk=ward.pk).exists()
    assert not OrgUnit.objects.valid_on(dt.date(2025, 1, 1)).filter(pk=ward.pk).exists()
    assert not OrgUnit.objects.valid_on(dt.date(2019, 12, 31)).filter(pk=ward.pk).exists()


def scoped_models():
    return [
        model
        for model in apps.get_models()
        if isinstance(model._default_manager.all(), access.ScopedQuerySet)
    ]


def test_every_scoped_model_has_one_in_subtree_and_search():
    models = scoped_models()
    assert len(models) >= 10, models  # the walker finds the unit-owned models
    for model in models:
        queryset = type(model._default_manager.all())
        assert queryset.in_subtree is access.ScopedQuerySet.in_subtree, model
        if queryset.search is not access.ScopedQuerySet.search:
            assert model._meta.label == "documents.Document", model  # titles need clearance


@pytest.mark.parametrize("model", scoped_models(), ids=lambda m: m._meta.label)
def test_in_subtree_keeps_the_records_below_the_unit(model):
    district = unit("QU-Q1")
    lookup = type(model._default_manager.all()).unit_lookup
    path = f"{lookup}__path" if lookup else "path"
    inside = model._default_manager.in_subtree(district)
    outside = model._default_manager.exclude(pk__in=inside.values("pk"))
    assert all(
        district.path <= p <= access.subtree_top(district.path)
        for p in inside.values_list(path, flat=True)
    )
    assert not outside.filter(**{f"{path}__startswith": district.path}).exists()
    if any(f.name == "search_text" for f in model._meta.fields) and inside.exists():
        first = inside.exclude(search_text="").values("pk", "search_text").first()
        if first is not None and model._meta.label != "documents.Document":
            word = first["search_text"].split()[0]
            assert model._default_manager.search(word).filter(pk=first["pk"]).exists()
