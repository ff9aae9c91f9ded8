"""Quận 1's 2022 classes as the seed reports them (totals per kind); the split of each
total over classes, the dates, places and results are illustrative and flagged so."""

import datetime as dt

from django.db import transaction

from tuyengiao.orgs.models import OrgUnit

from . import services
from .models import TrainingClass, TrainingKind

KINDS = [
    ("chinh-tri-he", "Bồi dưỡng chính trị hè"),
    ("nhan-thuc-ve-dang", "Bồi dưỡng nhận thức về Đảng"),
    ("dang-vien-moi", "Bồi dưỡng đảng viên mới"),
    ("so-cap-llct", "Sơ cấp lý luận chính trị"),
]
PLACE = "Trung tâm Chính trị Quận 1"
# kind code: (class name, first start date, days between classes, length, target group,
#             planned per class, attended per class)
CLASSES = {
    "chinh-tri-he": (
        "Lớp bồi dưỡng chính trị hè 2022",
        dt.date(2022, 6, 20),
        7,
        3,
        "Cán bộ quản lý, giáo viên",
        [260, 245, 252, 248, 255, 250, 243, 254, 250],  # 2.257
        [259, 245, 250, 247, 255, 249, 241, 254, 249],  # 2.249 → 99,64%
    ),
    "nhan-thuc-ve-dang": (
        "Lớp bồi dưỡng nhận thức về Đảng 2022",
        dt.date(2022, 3, 14),
        60,
        5,
        "Quần chúng ưu tú",
        [180, 175, 182, 170],
        [176, 172, 180, 169],  # 697
    ),
    "dang-vien-moi": (
        "Lớp bồi dưỡng đảng viên mới 2022",
        dt.date(2022, 4, 4),
        45,
        7,
        "Đảng viên mới",
        [92, 86, 90, 88, 90],
        [90, 85, 88, 86, 90],  # 439
    ),
    "so-cap-llct": (
        "Lớp sơ cấp lý luận chính trị 2022",
        dt.date(2022, 5, 9),
        90,
        30,
        "Cán bộ, đảng viên cơ sở",
        [85, 82, 84],
        [82, 80, 82],  # 244
    ),
}


def _results(completed: int, index: int) -> dict:
    failed = index % 2
    excellent = completed * 3 // 10
    good = completed // 2
    return {
        "excellent": excellent,
        "good": good,
        "passed": completed - excellent - good - failed,
        "failed": failed,
    }


@transaction.atomic
def load(*, actor):
    kinds = {}
    city = OrgUnit.objects.filter(code="TU-HCM").first()  # the Thành ủy defines the kinds
    for code, name in KINDS:
        kinds[code], _ = TrainingKind.objects.get_or_create(
            code=code, defaults={"name": name, "owner": city}
        )
    district = OrgUnit.objects.get(code="QU-Q1")
    for code, (title, first, step, length, group, planned, attended) in CLASSES.items():
        for index, (plan, came) in enumerate(zip(planned, attended, strict=True)):
            name = f"{title} — lớp {index + 1}"
            if TrainingClass.objects.filter(unit=district, name=name).exists():
                continue
            start = first + dt.timedelta(days=step * index)
            completed = came - (index % 3 == 1)
            services.create_class(
                actor=actor,
                illustrative=True,
                kind=kinds[code],
                name=name,
                unit=district,
                start_date=start,
                end_date=start + dt.timedelta(days=length - 1),
                place=PLACE,
                target_group=group,
                planned=plan,
                attended=came,
                completed=completed,
                **_results(completed, index),
            )
