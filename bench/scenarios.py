"""What the benchmark loads and times, on top of the synthetic tree."""

from __future__ import annotations

from django.db.models import Count
from timing import measure

from tuyengiao.orgs.choices import UnitKind
from tuyengiao.orgs.models import OrgUnit


def load(tree, *, started, step) -> dict:
    return {"notes": []}


def _count_grassroots(unit):
    return OrgUnit.objects.filter(path__startswith=unit.path, kind=UnitKind.GRASSROOTS).aggregate(
        n=Count("pk")
    )["n"]


def run(tree, setup: dict, *, repeat: int):
    root = tree.root
    province = OrgUnit.objects.get(code=tree.province_codes[0])
    commune = OrgUnit.objects.get(code=tree.commune_codes[0])
    return [
        measure("grassroots count under the root", lambda: _count_grassroots(root), repeat=repeat),
        measure(
            "grassroots count under a province", lambda: _count_grassroots(province), repeat=repeat
        ),
        measure(
            "grassroots count under a commune", lambda: _count_grassroots(commune), repeat=repeat
        ),
    ]
