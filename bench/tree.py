"""A synthetic national Party tree, built in seconds with bulk_create.

Central → 34 provinces → about 3.300 communes → 52.105 grassroots organisations. Calling
treebeard's add_child 52.105 times would take many minutes (each call reads and updates
the parent), so the materialised paths, depths and child counts are computed here exactly
as treebeard would: steplen 5, base-36 steps numbered from 1, the new root after the last
existing one. `OrgUnit.find_problems()` stays empty (tested on a tiny tree).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from tuyengiao.core.text import fold, sort_key
from tuyengiao.orgs.choices import UnitKind
from tuyengiao.orgs.models import OrgUnit

VALID_FROM = dt.date(2020, 1, 1)


@dataclass
class NationalTree:
    root: OrgUnit
    provinces: int
    communes: int
    grassroots: int
    province_codes: list[str] = field(default_factory=list)
    commune_codes: list[str] = field(default_factory=list)
    grassroots_codes: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return 1 + self.provinces + self.communes + self.grassroots


def spread(total: int, parts: int) -> list[int]:
    """`total` split into `parts` near-equal whole numbers: spread(10, 3) == [4, 3, 3]."""
    base, extra = divmod(total, parts)
    return [base + (1 if index < extra else 0) for index in range(parts)]


def _unit(code, name, kind, path, numchild) -> OrgUnit:
    # bulk_create skips save(): the derived columns are filled here, as save() would.
    return OrgUnit(
        code=code,
        name=name,
        kind=kind,
        path=path,
        depth=len(path) // OrgUnit.steplen,
        numchild=numchild,
        valid_from=VALID_FROM,
        illustrative=True,
        search_text=fold(f"{code} {name} "),
        sort_name=sort_key(name),
    )


def _next_root_step() -> int:
    last = OrgUnit.get_last_root_node()
    return OrgUnit._str2int(last.path[: OrgUnit.steplen]) + 1 if last else 1


def build_national_tree(
    *,
    provinces: int = 34,
    communes: int = 3300,
    grassroots: int = 52105,
    prefix: str = "BN",
    batch_size: int = 5000,
) -> NationalTree:
    """Create the tree under a new root «Trung ương (mô phỏng)» and return its summary."""
    path_of = OrgUnit._get_path
    root_path = path_of(None, 1, _next_root_step())
    communes_per_province = spread(communes, provinces)
    grassroots_per_commune = spread(grassroots, communes)
    rows = [_unit(prefix, "Trung ương (mô phỏng)", UnitKind.CENTRAL, root_path, provinces)]
    tree = NationalTree(root=rows[0], provinces=provinces, communes=communes, grassroots=grassroots)
    commune_index = 0
    for p, commune_count in enumerate(communes_per_province, start=1):
        p_code, p_path = f"{prefix}-T{p:02d}", path_of(root_path, 2, p)
        rows.append(
            _unit(p_code, f"Tỉnh ủy số {p:02d}", UnitKind.CITY_COMMITTEE, p_path, commune_count)
        )
        tree.province_codes.append(p_code)
        for c in range(1, commune_count + 1):
            unit_count = grassroots_per_commune[commune_index]
            commune_index += 1
            c_code, c_path = f"{p_code}-X{c:03d}", path_of(p_path, 3, c)
            c_name = f"Đảng ủy xã số {c:03d} tỉnh {p:02d}"
            rows.append(_unit(c_code, c_name, UnitKind.COMMUNE_COMMITTEE, c_path, unit_count))
            tree.commune_codes.append(c_code)
            for g in range(1, unit_count + 1):
                g_code = f"{c_code}-C{g:02d}"
                g_name = f"Chi bộ cơ sở số {g:02d} xã {c:03d} tỉnh {p:02d}"
                rows.append(_unit(g_code, g_name, UnitKind.GRASSROOTS, path_of(c_path, 4, g), 0))
                tree.grassroots_codes.append(g_code)
    OrgUnit.objects.bulk_create(rows, batch_size=batch_size)
    tree.root = OrgUnit.objects.get(code=prefix)
    return tree
