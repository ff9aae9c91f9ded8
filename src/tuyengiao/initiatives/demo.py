"""The two initiatives (mô hình) the seed names, run by Quận ủy Quận 1 in 2022. Start years
and the wording of the assessments are illustrative; "có hiệu quả" is the seed's."""

from django.db import transaction

from tuyengiao.orgs.models import OrgUnit

from . import services
from .choices import AssessmentStatus
from .models import Initiative

YEAR = 2022
INITIATIVES = [
    (
        "Đẩy mạnh chuyển đổi số góp phần nâng cao chất lượng giải quyết thủ tục hành chính "
        "gắn với xây dựng môi trường làm việc thân thiện, chuyên nghiệp, hiệu quả",
        "Ứng dụng công nghệ số trong tiếp nhận, giải quyết thủ tục hành chính và xây dựng "
        "phong cách làm việc thân thiện, chuyên nghiệp tại cơ quan, đơn vị (mô tả minh họa).",
    ),
    (
        "Quận 1 trái tim nghĩa tình",
        "Vận động, kết nối nguồn lực chăm lo cho người có hoàn cảnh khó khăn trên địa bàn "
        "Quận 1 (mô tả minh họa).",
    ),
]


@transaction.atomic
def load(*, actor):
    district = OrgUnit.objects.get(code="QU-Q1")
    for name, description in INITIATIVES:
        initiative = Initiative.objects.filter(unit=district, name=name).first()
        if initiative is None:
            initiative = services.create_initiative(
                actor=actor,
                name=name,
                unit=district,
                start_year=YEAR,
                end_year=None,
                description=description,
            )
        if not initiative.assessments.filter(year=YEAR).exists():
            services.assess(
                initiative,
                actor=actor,
                year=YEAR,
                status=AssessmentStatus.EFFECTIVE,
                text="Được chú trọng thực hiện có hiệu quả trong năm 2022 (theo báo cáo tổng "
                "kết công tác Tuyên giáo năm 2022 của Quận ủy Quận 1).",
            )
