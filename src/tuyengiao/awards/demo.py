"""The two commendations of the seed: 5 collectives and 10 individuals each.

The seed gives the programmes and the counts only. The decisions' numbers and dates,
which units were commended and every individual's name are invented (flagged
`illustrative`); the individuals' names are common Vietnamese names, not real people.
"""

import datetime as dt

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Max

from tuyengiao.core.actors import is_system
from tuyengiao.core.errors import DomainError
from tuyengiao.documents import services as documents
from tuyengiao.documents.models import Document
from tuyengiao.orgs.models import OrgUnit

from . import services
from .models import Commendation

YEAR = 2022
CONFERRED_ON = dt.date(2023, 2, 10)  # handed over at the year-end conference
PROGRAMMES = [
    {
        "name": "Công tác Tuyên giáo năm 2022",
        "decision": "Quyết định khen thưởng tập thể, cá nhân có thành tích xuất sắc trong công "
        "tác Tuyên giáo năm 2022",
        "reason": "Có thành tích xuất sắc trong công tác Tuyên giáo năm 2022",
        "collectives": ["DU-BEN-NGHE", "DU-TAN-DINH", "DU-CAU-KHO", "CS-Q1-013", "CS-Q1-021"],
    },
    {
        "name": "Thực hiện Kế hoạch 05-KH/QU",
        "decision": "Quyết định khen thưởng tập thể, cá nhân thực hiện xuất sắc Kế hoạch số "
        "05-KH/QU của Quận ủy về thực hiện Đề án số 05-ĐA/TU của Thành ủy",
        "reason": "Thực hiện xuất sắc Kế hoạch số 05-KH/QU về tuyên truyền, lan tỏa thông tin "
        "tích cực, đấu tranh phản bác các quan điểm sai trái, thù địch trên internet, mạng xã "
        "hội",
        "collectives": [
            "DU-DA-KAO",
            "DU-PHAM-NGU-LAO",
            "DU-NGUYEN-CU-TRINH",
            "CS-Q1-002",
            "BCD35-Q1",
        ],
    },
]
# Illustrative individuals: (name, position, work unit).
PEOPLE = [
    ("Nguyễn Văn An", "Phó Bí thư Đảng ủy", "Đảng ủy phường Bến Nghé"),
    ("Trần Thị Bình", "Chuyên viên", "Ban Tuyên giáo Quận ủy Quận 1"),
    ("Lê Hoàng Cường", "Ủy viên Ban Thường vụ Đảng ủy", "Đảng ủy phường Tân Định"),
    ("Phạm Thị Dung", "Bí thư Chi bộ", "Chi bộ Trường THCS Văn Lang"),
    ("Hoàng Minh Đức", "Phó Trưởng Ban Tuyên giáo", "Ban Tuyên giáo Quận ủy Quận 1"),
    ("Võ Thị Hạnh", "Phó Bí thư Đảng ủy", "Đảng ủy phường Đa Kao"),
    ("Đặng Quốc Huy", "Đảng ủy viên", "Đảng bộ Công an Quận 1"),
    ("Bùi Thị Lan", "Chuyên viên", "Văn phòng Quận ủy Quận 1"),
    ("Huỳnh Văn Long", "Bí thư Chi bộ", "Chi bộ Trung tâm Văn hóa Quận 1"),
    ("Ngô Thị Mỹ", "Phó Bí thư Đảng ủy", "Đảng ủy phường Cầu Ông Lãnh"),
    ("Dương Thanh Nam", "Ủy viên Ban Chỉ đạo 35", "Ban Chỉ đạo 35 Quận 1"),
    ("Lý Thị Oanh", "Quản trị viên trang Cột cờ Thủ Ngữ", "Ban Tuyên giáo Quận ủy Quận 1"),
    ("Trương Văn Phúc", "Đoàn viên", "Quận Đoàn 1"),
    ("Mai Thị Quỳnh", "Phó Bí thư Đảng ủy", "Đảng ủy phường Cô Giang"),
    ("Châu Minh Tâm", "Đảng ủy viên", "Đảng bộ Trường THPT Trưng Vương"),
    ("Đỗ Thị Thu", "Chuyên viên", "Trung tâm Chính trị Quận 1"),
    ("Tạ Văn Sơn", "Phó Bí thư Đảng ủy", "Đảng ủy phường Nguyễn Thái Bình"),
    ("Lâm Thị Uyên", "Bí thư Chi đoàn", "Đảng ủy phường Phạm Ngũ Lão"),
    ("Kiều Văn Vinh", "Chuyên viên", "Ban Dân vận Quận ủy Quận 1"),
    ("Hà Thị Xuân", "Đảng ủy viên", "Đảng ủy phường Bến Thành"),
]


def _decision(district, title, actor) -> Document | None:
    existing = Document.objects.filter(issuing_unit=district, title=title).first()
    if existing:
        return existing
    # The next free QĐ number of Quận ủy in the term (numbering runs through the term).
    last = Document.objects.filter(
        issuing_unit=district, type_code="QĐ", term_start_year=2020
    ).aggregate(m=Max("sequence"))["m"]
    try:
        document, _warnings = documents.register_document(
            actor=actor,
            number_text=f"{(last or 0) + 1:02d}-QĐ/QU",
            signed_on=dt.date(2023, 2, 6),
            title=title,
            issuing_unit=district,
            illustrative=True,
        )
    except DomainError:
        return None  # a clashing number in someone's data: the programme keeps no decision
    return document


@transaction.atomic
def load(*, actor):
    district = OrgUnit.objects.get(code="QU-Q1")
    if is_system(actor):  # the demo's story: the district's specialist did it
        actor = get_user_model().objects.get(username="chuyenvien")
    for index, spec in enumerate(PROGRAMMES):
        if Commendation.objects.filter(unit=district, name=spec["name"], year=YEAR).exists():
            continue
        commendation = services.create_commendation(
            actor=actor,
            name=spec["name"],
            year=YEAR,
            unit=district,
            decision=_decision(district, spec["decision"], actor),
            conferred_on=CONFERRED_ON,
            illustrative=True,
        )
        for code in spec["collectives"]:
            services.add_recipient(
                commendation,
                actor=actor,
                unit=OrgUnit.objects.get(code=code),
                reason=spec["reason"],
                illustrative=True,
            )
        for name, title, unit_name in PEOPLE[index * 10 : index * 10 + 10]:
            services.add_recipient(
                commendation,
                actor=actor,
                name=name,
                title=title,
                unit_name=unit_name,
                reason=spec["reason"],
                illustrative=True,
            )
