"""Quận ủy Quận 1's term 2020–2025 and a few of its targets.

One target is measured by the reporting engine (HT-NQ participation_rate ≥ 90%: 93,44% in
2022, from the study reports). The others are illustrative, entered by hand: their wording
and yearly values are plausible inventions, except the 2022 values the seed gives
(9 summer political classes, 2 models, 51/51 organisations studying).
"""

from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction

from tuyengiao.core.actors import is_system
from tuyengiao.orgs.models import OrgUnit
from tuyengiao.reporting.models import Indicator

from . import services
from .choices import Comparison
from .models import Term

TERM_NAME = "Nhiệm kỳ 2020–2025"
MANUAL = [
    (
        "100% tổ chức cơ sở đảng tổ chức học tập, quán triệt các nghị quyết, chỉ thị của Đảng",
        Comparison.EQ,
        Decimal(100),
        "%",
        {2020: 96, 2021: 98, 2022: 100},
    ),
    (
        "Mỗi năm tổ chức ít nhất 8 lớp bồi dưỡng chính trị hè cho cán bộ quản lý, giáo viên",
        Comparison.GTE,
        Decimal(8),
        "lớp",
        {2020: 6, 2021: 4, 2022: 9},
    ),
    (
        "Mỗi năm xây dựng ít nhất 2 mô hình học tập và làm theo tư tưởng, đạo đức, phong cách "
        "Hồ Chí Minh",
        Comparison.GTE,
        Decimal(2),
        "mô hình",
        {2020: 2, 2021: 1, 2022: 2},
    ),
]


@transaction.atomic
def load(*, actor):
    district = OrgUnit.objects.get(code="QU-Q1")
    if Term.objects.filter(unit=district, name=TERM_NAME).exists():
        return
    if is_system(actor):  # the demo's story: the district's specialist did it
        actor = get_user_model().objects.get(username="chuyenvien")
    term = services.create_term(
        actor=actor, unit=district, name=TERM_NAME, start_year=2020, end_year=2025
    )
    indicator = Indicator.objects.filter(form__code="HT-NQ", code="participation_rate").first()
    if indicator is not None:
        services.save_target(
            term,
            actor=actor,
            indicator=indicator,
            comparison=Comparison.GTE,
            target_value=Decimal(90),
            unit_label="%",
            text="Hằng năm, tỷ lệ đảng viên tham gia học tập, quán triệt nghị quyết của Đảng "
            "đạt từ 90% trở lên",
        )
    for text, comparison, goal, unit_label, values in MANUAL:
        target = services.save_target(
            term,
            actor=actor,
            text=text,
            indicator=None,
            comparison=comparison,
            target_value=goal,
            unit_label=unit_label,
            illustrative=True,
        )
        for year, value in values.items():
            services.set_manual_value(
                target,
                actor=actor,
                year=year,
                value=Decimal(value),
                note="minh họa" if year != 2022 else "theo tin về hội nghị tổng kết ngày 10/2/2023",
            )
