"""Vietnam's 2025 provinces and wards, from maintained packages shipped with their data
(nothing is fetched): `vietnam-provinces` lists the 34 provinces and 3.321 wards and
communes; `vietnamadminunits` says which pre-2025 wards each one was formed from, whole
or in part. From them: one Party committee per province and per ward, and the lineage that
lets a 2024 figure of an old ward be followed into its 2025 ward.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from django.db import transaction

from tuyengiao.core import audit
from tuyengiao.core.errors import DomainError
from tuyengiao.core.text import fold

from . import services
from .choices import LineageKind, UnitKind
from .models import Lineage, OrgUnit
from .services import UnitSpec

REFORM_DATE = dt.date(2025, 7, 1)
REFORM_NOTE = "Sắp xếp đơn vị hành chính cấp xã năm 2025"


def _clean(name: str) -> str:
    return " ".join(name.split())


def _key(text: str) -> str:
    """vietnamadminunits' keys: folded, lower case, no spaces ("phuongbennghe")."""
    return fold(text).lower().replace(" ", "").replace("-", "")


def committee_name(division_name: str, province: bool = False) -> str:
    """ "Phường Sài Gòn" → "Đảng ủy phường Sài Gòn"; "Thành phố Hồ Chí Minh" → "Thành ủy …"."""
    name = _clean(division_name)
    if province:
        return (
            f"Thành ủy {name}"
            if name.startswith("Thành phố")
            else f"Tỉnh ủy {name.removeprefix('Tỉnh ')}"
        )
    kind, _, rest = name.partition(" ")
    if kind in ("Phường", "Xã") or name.startswith("Đặc khu"):
        return f"Đảng ủy {name[0].lower()}{name[1:]}"
    return f"Đảng ủy {name}" if rest else name


def full_name(province_obj) -> str:
    """vietnam-provinces writes "Thành phố Hồ Chí Minh" but "Quảng Ninh" (no "Tỉnh")."""
    name = _clean(province_obj.name)
    return name if name.startswith("Thành phố") else f"Tỉnh {name}"


def provinces():
    from vietnam_provinces import Province

    return sorted(Province.iter_all(), key=lambda p: int(p.code))


def province(code: int):
    from vietnam_provinces import Province

    try:
        return Province.from_code(code)
    except (ValueError, KeyError) as exc:
        raise DomainError(f"Không có tỉnh, thành phố mã «{code}» (34 mã sau năm 2025).") from exc


def wards_of(code: int):
    from vietnam_provinces import Ward

    return sorted(
        (w for w in Ward.iter_all() if int(w.province_code) == code), key=lambda w: int(w.code)
    )


def predecessors(province_obj) -> dict[str, list[tuple[str, bool]]]:
    """New ward key → [(old "province_district_ward" key, whole?)] for one province."""
    from vietnamadminunits.converter.converter_2025 import (
        DICT_PROVINCE_WARD_DIVIDED,
        DICT_PROVINCE_WARD_NO_DIVIDED,
    )

    key = _key(full_name(province_obj))
    result: dict[str, list[tuple[str, bool]]] = {}
    for new, olds in DICT_PROVINCE_WARD_NO_DIVIDED.get(key, {}).items():
        result.setdefault(new, []).extend((old, True) for old in olds)
    for old, parts in DICT_PROVINCE_WARD_DIVIDED.get(key, {}).items():
        for part in parts:
            result.setdefault(part["newWardKey"], []).append((old, False))
    return result


def _old_unit(old_key: str, candidates: dict[str, list[OrgUnit]]) -> OrgUnit | None:
    """A unit of ours that is that old ward: "…_quan1_phuongbennghe" is "Đảng ủy phường Bến
    Nghé" under "Quận ủy Quận 1"."""
    _, district, ward = old_key.split("_")
    for unit in candidates.get(ward, []):
        parent = unit.get_parent()
        if parent is not None and _key(parent.name).endswith(district):
            return unit
    return None


def _old_ward_units() -> dict[str, list[OrgUnit]]:
    units = OrgUnit.objects.filter(valid_to__lt=REFORM_DATE, name__startswith="Đảng ủy ")
    found: dict[str, list[OrgUnit]] = {}
    for unit in units:
        found.setdefault(_key(unit.name.removeprefix("Đảng ủy ")), []).append(unit)
    return found


@dataclass
class ProvinceResult:
    province: str
    wards: int
    created: int
    lineage: int

    def as_json(self) -> dict:
        return {
            "province": self.province,
            "wards": self.wards,
            "created": self.created,
            "lineage": self.lineage,
        }


def _province_unit(p, actor) -> tuple[OrgUnit, bool]:
    name = committee_name(full_name(p), province=True)
    existing = OrgUnit.objects.filter(depth=1, name=name).first()
    if existing is None:
        existing = OrgUnit.objects.filter(code=f"TU-{int(p.code):02d}").first()
    if existing is not None:
        return existing, False
    spec = UnitSpec(f"TU-{int(p.code):02d}", name, UnitKind.CITY_COMMITTEE, full_name(p))
    return services.create_unit(spec, parent=None, valid_from=REFORM_DATE, actor=actor), True


@transaction.atomic
def import_province(code: int, *, actor) -> ProvinceResult:
    """Idempotent: units found by code or by name under the province are kept as they are."""
    p = province(code)
    root, created_root = _province_unit(p, actor)
    by_name = {u.name: u for u in OrgUnit.objects.children_of(root)}
    wards = wards_of(code)
    # Keys drop diacritics: "Xã Văn Lang" and "Xã Văn Lăng" share one; their lineage is
    # ambiguous in the data, so it is left out rather than guessed.
    keys = Counter(_key(_clean(w.name)) for w in wards)
    mapping = predecessors(p)
    old_units = _old_ward_units() if mapping else {}
    created, links = int(created_root), 0
    for ward in wards:
        name = committee_name(ward.name)
        code = f"DU-{int(ward.code):05d}"
        unit = OrgUnit.objects.filter(code=code).first() or by_name.get(name)
        if unit is None:
            spec = UnitSpec(code, name, UnitKind.COMMUNE_COMMITTEE, _clean(ward.name))
            unit = services.create_unit(spec, parent=root, valid_from=REFORM_DATE, actor=actor)
            created += 1
        key = _key(_clean(ward.name))
        for old_key, whole in mapping.get(key, []) if keys[key] == 1 else []:
            old = _old_unit(old_key, old_units)
            if old is None or Lineage.objects.filter(predecessor=old, successor=unit).exists():
                continue
            Lineage.objects.create(
                predecessor=old,
                successor=unit,
                date=REFORM_DATE,
                note=REFORM_NOTE,
                kind=LineageKind.MERGE if whole else LineageKind.SPLIT,
            )
            links += 1
    result = ProvinceResult(full_name(p), len(wards), created, links)
    if created or links:
        audit.record(actor, "unit.import_admin", root, unit=root, **result.as_json())
    return result


def import_all(*, actor, progress=None) -> list[ProvinceResult]:
    """Every province; `progress(items, total)` wraps the loop (a terminal bar)."""
    chosen = list(provinces())
    if progress is not None:
        chosen = progress(chosen, len(chosen))
    return [import_province(int(p.code), actor=actor) for p in chosen]


def real_2025_mapping(old_names: list[str], district_key: str = "quan1", province_code: int = 79):
    """{old ward name: [(new ward name, whole?)]} for the demo's District 1."""
    p = province(province_code)
    names = {
        _key(_clean(w.name)): _clean(w.name).removeprefix("Phường ")
        for w in wards_of(province_code)
    }
    by_key = {_key(f"phường {n}"): n for n in old_names}
    result: dict[str, list[tuple[str, bool]]] = {n: [] for n in old_names}
    for new_key, olds in predecessors(p).items():
        for old_key, whole in olds:
            _, district, ward = old_key.split("_")
            if district == district_key and ward in by_key:
                result[by_key[ward]].append((names[new_key], whole))
    return result
