"""District 1 (Ho Chi Minh City) as it stood in 2022, and the 2025 reorganisation.

The seed names the district and its ten wards. The 41 other grassroots organisations are
illustrative (flagged so). Which 2025 ward each old ward went into, whole or in part, is
the real mapping, read from the `vietnamadminunits` package (orgs.admin_units).
"""

import datetime as dt

from django.contrib.auth import get_user_model
from django.db import transaction

from tuyengiao.core.text import fold

from . import services
from .choices import LineageKind, Role, UnitKind
from .models import Lineage, OrgUnit
from .services import UnitSpec

WARDS = [
    "Bến Nghé",
    "Bến Thành",
    "Cầu Kho",
    "Cầu Ông Lãnh",
    "Cô Giang",
    "Đa Kao",
    "Nguyễn Cư Trinh",
    "Nguyễn Thái Bình",
    "Phạm Ngũ Lão",
    "Tân Định",
]
BOARDS = [
    ("BTG-Q1", "Ban Tuyên giáo Quận ủy Quận 1", "Ban Tuyên giáo"),
    ("BTC-Q1", "Ban Tổ chức Quận ủy Quận 1", "Ban Tổ chức"),
    ("BDV-Q1", "Ban Dân vận Quận ủy Quận 1", "Ban Dân vận"),
    ("UBKT-Q1", "Ủy ban Kiểm tra Quận ủy Quận 1", "Ủy ban Kiểm tra"),
    ("VP-Q1", "Văn phòng Quận ủy Quận 1", "Văn phòng"),
    ("BCD35-Q1", "Ban Chỉ đạo 35 Quận 1", "Ban Chỉ đạo 35"),
]
OTHER_GRASSROOTS = [
    "Đảng bộ cơ quan Ủy ban nhân dân Quận 1",
    "Đảng bộ Công an Quận 1",
    "Đảng bộ Quân sự Quận 1",
    "Chi bộ cơ quan Quận ủy Quận 1",
    "Chi bộ Mặt trận Tổ quốc và các đoàn thể Quận 1",
    "Chi bộ Tòa án nhân dân Quận 1",
    "Chi bộ Viện Kiểm sát nhân dân Quận 1",
    "Chi bộ Chi cục Thi hành án dân sự Quận 1",
    "Chi bộ Chi cục Thuế Quận 1",
    "Chi bộ Kho bạc Nhà nước Quận 1",
    "Đảng bộ Bệnh viện Quận 1",
    "Chi bộ Trung tâm Y tế Quận 1",
    "Chi bộ Phòng Giáo dục và Đào tạo Quận 1",
    "Chi bộ Trung tâm Văn hóa Quận 1",
    "Chi bộ Nhà Thiếu nhi Quận 1",
    "Chi bộ Trung tâm Thể dục thể thao Quận 1",
    "Chi bộ Trung tâm Chính trị Quận 1",
    "Chi bộ Ban Quản lý dự án đầu tư xây dựng Quận 1",
    "Đảng bộ Công ty Dịch vụ công ích Quận 1",
    "Chi bộ Công ty Quản lý nhà Quận 1",
    "Đảng bộ Trường THPT Trưng Vương",
    "Đảng bộ Trường THPT Bùi Thị Xuân",
    "Chi bộ Trường THPT Ten Lơ Man",
    "Chi bộ Trường THPT Lương Thế Vinh",
    "Chi bộ Trường THPT Năng khiếu Thể dục thể thao",
    "Chi bộ Trường THCS Văn Lang",
    "Chi bộ Trường THCS Minh Đức",
    "Chi bộ Trường THCS Trần Văn Ơn",
    "Chi bộ Trường THCS Võ Trường Toản",
    "Chi bộ Trường THCS Đức Trí",
    "Chi bộ Trường THCS Đồng Khởi",
    "Chi bộ Trường THCS Chu Văn An",
    "Chi bộ Trường THCS Nguyễn Du",
    "Chi bộ Trường Tiểu học Kết Đoàn",
    "Chi bộ Trường Tiểu học Lê Ngọc Hân",
    "Chi bộ Trường Tiểu học Trần Hưng Đạo",
    "Chi bộ Trường Tiểu học Đinh Tiên Hoàng",
    "Chi bộ Trường Mầm non Bến Thành",
    "Chi bộ Chợ Bến Thành",
    "Chi bộ Hợp tác xã Thương mại Quận 1",
    "Chi bộ Công ty Cổ phần Du lịch Bến Thành",
]
# 2025: District 1 is abolished; its wards go into four wards under the city (Bến Nghé →
# Sài Gòn; Cô Giang, Cầu Kho, Nguyễn Cư Trinh → Cầu Ông Lãnh; Đa Kao, Nguyễn Thái Bình and
# Cầu Ông Lãnh split between two each — see admin_units.real_2025_mapping).
NEW_WARDS = ["Sài Gòn", "Tân Định", "Bến Thành", "Cầu Ông Lãnh"]
REORGANISATION_DATE = dt.date(2025, 7, 1)
PASSWORD = "demo12345"
# (username, full name, unit code, role, title)
DEMO_USERS = [
    ("admin", "Quản trị hệ thống", "TU-HCM", Role.ADMIN, "Quản trị hệ thống"),
    (
        "chuyenvien",
        "Nguyễn Thị Thu Hà",
        "QU-Q1",
        Role.SPECIALIST,
        "Chuyên viên Ban Tuyên giáo Quận ủy Quận 1",
    ),
    (
        "lanhdao",
        "Nguyễn Trung Châu Tuyên",
        "QU-Q1",
        Role.APPROVER,
        "Trưởng Ban Tuyên giáo Quận ủy Quận 1",
    ),
    ("theodoi", "Trần Văn Minh", "QU-Q1", Role.VIEWER, "Văn phòng Quận ủy Quận 1"),
    ("bennghe", "Lê Thị Mai", "DU-BEN-NGHE", Role.REPORTER, "Văn phòng Đảng ủy phường Bến Nghé"),
    (
        "benthanh",
        "Phạm Văn Hùng",
        "DU-BEN-THANH",
        Role.REPORTER,
        "Văn phòng Đảng ủy phường Bến Thành",
    ),
]


def ward_code(name: str, suffix: str = "") -> str:
    return "DU-" + fold(name).upper().replace(" ", "-") + suffix


def _ensure(spec: UnitSpec, parent, valid_from, actor) -> OrgUnit:
    existing = OrgUnit.objects.filter(code=spec.code).first()
    return existing or services.create_unit(spec, parent=parent, valid_from=valid_from, actor=actor)


@transaction.atomic
def load(*, actor):
    city = _ensure(
        UnitSpec("TU-HCM", "Thành ủy Thành phố Hồ Chí Minh", UnitKind.CITY_COMMITTEE, "Thành ủy"),
        None,
        dt.date(1976, 7, 2),
        actor,
    )
    district = _ensure(
        UnitSpec("QU-Q1", "Quận ủy Quận 1", UnitKind.DISTRICT_COMMITTEE, "Quận 1"),
        city,
        dt.date(1976, 7, 2),
        actor,
    )
    for code, name, short in BOARDS:
        _ensure(UnitSpec(code, name, UnitKind.BOARD, short), district, dt.date(2020, 1, 1), actor)
    wards = {}
    for name in WARDS:
        wards[name] = _ensure(
            UnitSpec(
                ward_code(name), f"Đảng ủy phường {name}", UnitKind.GRASSROOTS, f"Phường {name}"
            ),
            district,
            dt.date(2020, 1, 1),
            actor,
        )
    for index, name in enumerate(OTHER_GRASSROOTS, start=1):
        _ensure(
            UnitSpec(f"CS-Q1-{index:03d}", name, UnitKind.GRASSROOTS, illustrative=True),
            district,
            dt.date(2020, 1, 1),
            actor,
        )
    if not Lineage.objects.filter(predecessor=district).exists():
        _reorganise_2025(city, district, wards, actor)
    else:  # a demo loaded before the real mapping: correct its lineage, nothing else
        successors = {n: OrgUnit.objects.get(code=ward_code(n, "-2025")) for n in NEW_WARDS}
        _link_2025_wards(wards, successors)
    _users(actor)


def _reorganise_2025(city, district, wards, actor):
    successors = {
        name: services.create_unit(
            UnitSpec(
                ward_code(name, "-2025"),
                f"Đảng ủy phường {name}",
                UnitKind.COMMUNE_COMMITTEE,
                f"Phường {name} (từ 2025)",
            ),
            parent=city,
            valid_from=REORGANISATION_DATE,
            actor=actor,
        )
        for name in NEW_WARDS
    }
    for ward in wards.values():
        services._close(ward, REORGANISATION_DATE, actor)
    _link_2025_wards(wards, successors)
    # The other grassroots organisations and the boards close with the district.
    remaining = OrgUnit.objects.children_of(district).valid_on(REORGANISATION_DATE)
    for unit in remaining:
        target = successors["Sài Gòn"] if unit.kind == UnitKind.GRASSROOTS else None
        if target is not None:
            services.merge_units([unit], target, parent=None, date=REORGANISATION_DATE, actor=actor)
    services.merge_units(
        [district], successors["Sài Gòn"], parent=None, date=REORGANISATION_DATE, actor=actor
    )


def _link_2025_wards(wards, successors):
    """Exactly the real lineage between the ten old wards and the four new ones."""
    from .admin_units import REFORM_NOTE, real_2025_mapping

    wanted = {
        (wards[old].pk, successors[new].pk): LineageKind.MERGE if whole else LineageKind.SPLIT
        for old, targets in real_2025_mapping(WARDS).items()
        for new, whole in targets
    }
    links = Lineage.objects.filter(
        predecessor__in=wards.values(), successor__in=successors.values()
    )
    for link in links:
        if (link.predecessor_id, link.successor_id) not in wanted:
            link.delete()  # the illustrative mapping of earlier demos
    for (old, new), kind in wanted.items():
        Lineage.objects.update_or_create(
            predecessor_id=old,
            successor_id=new,
            defaults={"kind": kind, "date": REORGANISATION_DATE, "note": REFORM_NOTE},
        )


def _users(actor):
    User = get_user_model()
    for username, full_name, unit_code, role, title in DEMO_USERS:
        user = User.objects.filter(username=username).first()
        if user is None:
            # Vietnamese names read family name first; Django's get_full_name() puts
            # first_name first, so the whole name goes there.
            user = User.objects.create_user(username, password=PASSWORD, first_name=full_name)
            if role == Role.ADMIN:
                user.is_staff = user.is_superuser = True
                user.save(update_fields=["is_staff", "is_superuser"])
        services.add_membership(
            user, OrgUnit.objects.get(code=unit_code), role, title=title, actor=actor
        )


def summary() -> list[str]:
    """The demo's accounts, printed by `tuyengiao demo` after loading."""
    lines = [f"Tài khoản đăng nhập (mật khẩu: {PASSWORD}):"]
    for username, _name, _unit, role, title in DEMO_USERS:
        lines.append(f"  {username:<12} {role.label:<16} {title}")
    return lines
