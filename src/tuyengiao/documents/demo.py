"""The seed's documents and their links, and Quận ủy Quận 1's 667 documents of 2022.

The seed names 05-ĐA/TU, 05-KH/QU, 01-KL/TW, 35-NQ/TW and 85-QĐ/TW (the seed writes
“35-NQ/BCT” and “85-QĐ/BBT”; central bodies sign as /TW, so the real symbols are used) and says the department prepared 667 documents in 2022. Dates and titles
it does not give, the Trung ương 4, 5, 6 documents studied in 2022 and the ordinary
documents that bring the count to 667 are plausible inventions, flagged `illustrative`.
"""

from __future__ import annotations

import datetime as dt
import random

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import transaction

from tuyengiao.orgs.models import OrgUnit

from . import services
from .choices import Classification, LinkKind
from .models import Document, DocumentIssuer, DocumentLink, DocumentType, Issuer
from .numbers import DEFAULT_ISSUERS, DEFAULT_TYPES

YEAR = 2022
ISSUED_IN_2022 = 667  # the seed: "tham mưu Quận ủy ban hành 667 văn bản, kế hoạch"
CLEARED_USERS = ["chuyenvien", "lanhdao"]

# (number, unit code or None for central bodies, date, title, classification, illustrative)
NAMED = [
    (
        "35-NQ/TW",
        None,
        dt.date(2018, 10, 22),
        "Nghị quyết về tăng cường bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các "
        "quan điểm sai trái, thù địch trong tình hình mới",
        Classification.ORDINARY,
        False,
    ),
    (
        "05-ĐA/TU",
        "TU-HCM",
        dt.date(2021, 1, 20),
        "Đề án tuyên truyền, lan tỏa thông tin tích cực, đấu tranh phản bác các quan điểm sai "
        "trái, thù địch trên internet, mạng xã hội tại Thành phố Hồ Chí Minh",
        Classification.ORDINARY,
        False,
    ),
    (
        "05-KH/QU",
        "QU-Q1",
        dt.date(2021, 3, 15),
        "Kế hoạch thực hiện Đề án số 05-ĐA/TU của Thành ủy về tuyên truyền, lan tỏa thông tin "
        "tích cực, đấu tranh phản bác các quan điểm sai trái, thù địch trên internet, mạng xã "
        "hội",
        Classification.ORDINARY,
        False,
    ),
    (
        "01-KL/TW",
        None,
        dt.date(2021, 5, 18),
        "Kết luận của Bộ Chính trị về tiếp tục thực hiện Chỉ thị số 05-CT/TW về đẩy mạnh học "
        "tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
        Classification.ORDINARY,
        False,
    ),
    (
        "85-QĐ/TW",
        None,
        dt.date(2022, 9, 30),
        "Quy định của Ban Bí thư về việc cán bộ, đảng viên thiết lập và sử dụng trang thông "
        "tin cá nhân trên internet, mạng xã hội",
        Classification.ORDINARY,
        False,
    ),
    (
        "21-KL/TW",
        None,
        dt.date(2021, 10, 25),
        "Kết luận Hội nghị Trung ương 4 khóa XIII về đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ "
        "thống chính trị",
        Classification.ORDINARY,
        True,
    ),
    (
        "37-QĐ/TW",
        None,
        dt.date(2021, 10, 25),
        "Quy định về những điều đảng viên không được làm",
        Classification.ORDINARY,
        True,
    ),
    (
        "21-NQ/TW",
        None,
        dt.date(2022, 6, 16),
        "Nghị quyết Hội nghị Trung ương 5 khóa XIII về tăng cường củng cố, xây dựng tổ chức cơ "
        "sở đảng và nâng cao chất lượng đội ngũ đảng viên trong giai đoạn mới",
        Classification.ORDINARY,
        True,
    ),
    (
        "69-QĐ/TW",
        None,
        dt.date(2022, 7, 6),
        "Quy định về kỷ luật tổ chức đảng, đảng viên vi phạm",
        Classification.ORDINARY,
        True,
    ),
    (
        "29-NQ/TW",
        None,
        dt.date(2022, 11, 17),
        "Nghị quyết Hội nghị Trung ương 6 khóa XIII về tiếp tục đẩy mạnh công nghiệp hóa, hiện "
        "đại hóa đất nước đến năm 2030, tầm nhìn đến năm 2045",
        Classification.ORDINARY,
        True,
    ),
    (
        "221-KH/QU",
        "QU-Q1",
        dt.date(2022, 3, 8),
        "Kế hoạch học tập, quán triệt Kết luận, Quy định Hội nghị Trung ương 4 khóa XIII",
        Classification.ORDINARY,
        True,
    ),
    (
        "262-KH/QU",
        "QU-Q1",
        dt.date(2022, 8, 12),
        "Kế hoạch học tập, quán triệt Nghị quyết, Quy định Hội nghị Trung ương 5 khóa XIII",
        Classification.ORDINARY,
        True,
    ),
    (
        "301-KH/QU",
        "QU-Q1",
        dt.date(2022, 12, 20),
        "Kế hoạch học tập, quán triệt kết quả Hội nghị Trung ương 6 khóa XIII",
        Classification.ORDINARY,
        True,
    ),
    (
        "12-BC/QU",
        "QU-Q1",
        dt.date(2022, 12, 5),
        "Báo cáo công tác bảo vệ bí mật nhà nước năm 2022",
        Classification.CONFIDENTIAL,
        True,
    ),
    (
        "14-KH/ĐU",
        "DU-BEN-NGHE",
        dt.date(2021, 4, 2),
        "Kế hoạch thực hiện Kế hoạch số 05-KH/QU của Quận ủy trên địa bàn phường Bến Nghé",
        Classification.ORDINARY,
        True,
    ),
]
LINKS = [
    ("05-KH/QU", LinkKind.IMPLEMENTS, "05-ĐA/TU"),
    ("05-ĐA/TU", LinkKind.IMPLEMENTS, "35-NQ/TW"),
    ("14-KH/ĐU", LinkKind.IMPLEMENTS, "05-KH/QU"),
    ("221-KH/QU", LinkKind.IMPLEMENTS, "21-KL/TW"),
    ("221-KH/QU", LinkKind.IMPLEMENTS, "37-QĐ/TW"),
    ("262-KH/QU", LinkKind.IMPLEMENTS, "21-NQ/TW"),
    ("262-KH/QU", LinkKind.IMPLEMENTS, "69-QĐ/TW"),
    ("301-KH/QU", LinkKind.IMPLEMENTS, "29-NQ/TW"),
]
# Illustrative documents: (type, share of the year's ordinary documents, title pattern).
FILLER = [
    ("KH", 0.30, "Kế hoạch tuyên truyền {topic}"),
    ("CV", 0.30, "Công văn về việc tuyên truyền {topic}"),
    ("BC", 0.14, "Báo cáo kết quả tuyên truyền {topic}"),
    ("TB", 0.10, "Thông báo ý kiến chỉ đạo về công tác tuyên truyền {topic}"),
    ("HD", 0.06, "Hướng dẫn tuyên truyền {topic}"),
    ("QĐ", 0.06, "Quyết định thành lập tổ biên tập tài liệu tuyên truyền {topic}"),
    ("CTr", 0.04, "Chương trình hành động tuyên truyền {topic}"),
]
TOPICS = [
    "kỷ niệm 92 năm Ngày thành lập Đảng Cộng sản Việt Nam",
    "Tết Nguyên đán Nhâm Dần 2022",
    "kỷ niệm 47 năm Ngày giải phóng miền Nam, thống nhất đất nước",
    "kỷ niệm 132 năm Ngày sinh Chủ tịch Hồ Chí Minh",
    "kỷ niệm 77 năm Cách mạng tháng Tám và Quốc khánh 2/9",
    "phòng, chống dịch COVID-19 và phục hồi kinh tế",
    "chuyển đổi số trong giải quyết thủ tục hành chính",
    "xây dựng không gian văn hóa Hồ Chí Minh",
    "bảo vệ nền tảng tư tưởng của Đảng",
    "an toàn giao thông",
    "cải cách hành chính",
    "Ngày hội Đại đoàn kết toàn dân tộc",
    "biển, đảo Việt Nam",
    "phòng, chống tham nhũng, tiêu cực",
]


@transaction.atomic
def load(*, actor):
    _ensure_tables()
    units = {u.code: u for u in OrgUnit.objects.filter(code__in=["TU-HCM", "QU-Q1", "DU-BEN-NGHE"])}
    documents = {}
    for number, unit_code, signed_on, title, classification, illustrative in NAMED:
        unit = units[unit_code] if unit_code else None
        existing = Document.objects.filter(number_text=number, issuing_unit=unit).first()
        documents[number] = (
            existing
            or services.register_document(
                actor=actor,
                number_text=number,
                signed_on=signed_on,
                title=title,
                issuing_unit=unit,
                classification=classification,
                illustrative=illustrative,
                registered_on=signed_on,
            )[0]
        )
    for source, kind, target in LINKS:
        DocumentLink.objects.get_or_create(
            source=documents[source], target=documents[target], kind=kind
        )
    _fill_year(units["QU-Q1"], YEAR, ISSUED_IN_2022)
    _fill_year(units["QU-Q1"], YEAR + 1, 6)
    _clear_users()


def _ensure_tables() -> None:
    """The usual types and issuers. A data migration seeds them too, but a test database
    flushed between live-server tests loses migration rows, and the demo must still load."""
    for model, defaults in ((DocumentType, DEFAULT_TYPES), (Issuer, DEFAULT_ISSUERS)):
        existing = set(model.objects.values_list("code", flat=True))
        model.objects.bulk_create(
            [model(code=code, name=name) for code, name in defaults.items() if code not in existing]
        )


def _fill_year(unit, year: int, total: int) -> None:
    """Illustrative documents so that `unit` issued exactly `total` documents in `year`."""
    missing = total - services.issued_count(unit, year)
    if missing <= 0:
        return
    rng = random.Random(year)  # the same documents on every machine
    start, end = dt.date(year, 1, 4), dt.date(year, 12, 28)
    days = (end - start).days
    plan = []
    for index in range(missing):
        type_code, pattern = _pick_type(index, missing)
        signed_on = start + dt.timedelta(days=rng.randint(0, days))
        plan.append((signed_on, type_code, pattern.format(topic=rng.choice(TOPICS))))
    plan.sort()
    base, used = _sequences_in_term(unit, year)
    issuer = Issuer.objects.get(code="QU")
    types = {t.code: t for t in DocumentType.objects.all()}
    rows = []
    for signed_on, type_code, title in plan:
        # Numbers continue through the term and skip those already registered.
        sequence = base.get(type_code, 0) + 1
        while sequence in used.get(type_code, ()):
            sequence += 1
        base[type_code] = sequence
        parsed = services.numbers.ParsedNumber(sequence, f"{sequence:02d}", type_code, ("QU",))
        document = Document(
            signed_on=signed_on,
            registered_on=signed_on,
            title=title,
            issuing_unit=unit,
            illustrative=True,
        )
        services.apply_number(document, parsed, types)
        document.refresh_derived()
        rows.append(document)
    created = Document.objects.bulk_create(rows, batch_size=500)
    DocumentIssuer.objects.bulk_create(
        [DocumentIssuer(document=d, issuer=issuer) for d in created], batch_size=500
    )


def _pick_type(index: int, total: int) -> tuple[str, str]:
    """Spread `total` documents over the types by their shares, deterministically."""
    position = (index + 0.5) / total
    cumulative = 0.0
    for type_code, share, pattern in FILLER:
        cumulative += share
        if position < cumulative:
            return type_code, pattern
    return FILLER[-1][0], FILLER[-1][2]


def _sequences_in_term(unit, year: int):
    """Per type: the highest sequence used before `year` in its term, and all those used."""
    term = services.numbers.term_start_year(dt.date(year, 12, 31))
    base: dict[str, int] = {}
    used: dict[str, set[int]] = {}
    rows = Document.objects.filter(issuing_unit=unit, term_start_year=term).values_list(
        "type_code", "sequence", "signed_on"
    )
    for type_code, sequence, signed_on in rows:
        used.setdefault(type_code, set()).add(sequence)
        if signed_on.year < year:
            base[type_code] = max(base.get(type_code, 0), sequence)
    return base, used


def _clear_users() -> None:
    permission = Permission.objects.get(
        content_type__app_label="documents", codename="view_classified"
    )
    for user in get_user_model().objects.filter(username__in=CLEARED_USERS):
        user.user_permissions.add(permission)
