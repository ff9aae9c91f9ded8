"""Quận ủy Quận 1's report settings and the parts of its 2022 report the seed article gives.

The signer is the seed's Phó Bí thư Thường trực Quận ủy. “Đánh giá chung” and “Bài học kinh
nghiệm” restate what the seed article reports (Kết luận 01-KL/TW, Ban Chỉ đạo 35, the review
of Kế hoạch 05-KH/QU on Đề án 05-ĐA/TU, the summer classes for managers and teachers, the
conference's presentations); figures are tokens, filled from the data at generation.
Limitations, causes, direction and recommendations are left to the writer: the seed says
nothing of them, and the demo does not invent them.
"""

from django.contrib.auth import get_user_model
from django.db import transaction

from tuyengiao.core.actors import is_system
from tuyengiao.orgs.models import OrgUnit

from . import services
from .models import ReportSettings, SectionText

OVERVIEW = """\
Năm 2022, Ban Tuyên giáo tiếp tục tham mưu thực hiện hiệu quả Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị về tiếp tục thực hiện Chỉ thị số 05-CT/TW về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh; tỷ lệ đảng viên tham gia học tập, quán triệt nghị quyết đạt {{study.participation_rate}}.
Tham mưu kiện toàn nhân sự Ban Chỉ đạo 35 của Quận 1 nhằm bảo vệ nền tảng tư tưởng của Đảng, đấu tranh, phản bác các quan điểm sai trái, thù địch; sơ kết thực hiện Kế hoạch số 05-KH/QU của Quận ủy về thực hiện Đề án số 05-ĐA/TU của Thành ủy về tuyên truyền, lan tỏa thông tin tích cực, đấu tranh phản bác các quan điểm sai trái, thù địch trên internet, mạng xã hội.
Phối hợp tổ chức {{training.chinh-tri-he.classes}} lớp bồi dưỡng chính trị hè cho đội ngũ quản lý, giáo viên với {{training.chinh-tri-he.attended}}/{{training.chinh-tri-he.planned}} học viên, đạt tỷ lệ {{training.chinh-tri-he.rate}}."""

LESSONS = """\
- Nâng cao hiệu quả công tác giáo dục chính trị tư tưởng trong hệ thống chính trị, bám sát chỉ đạo của cấp trên và tình hình thực tế của địa phương.
- Xây dựng lực lượng nòng cốt trong việc tuyên truyền, lan tỏa thông tin tích cực.
- Thực hiện chặt chẽ cơ chế phối hợp giữa các đơn vị trong đấu tranh phản bác các quan điểm sai trái, thù địch, thông tin xấu độc trên mạng xã hội."""

TEXTS = {"overview": OVERVIEW, "lessons": LESSONS}


@transaction.atomic
def load(*, actor):
    district = OrgUnit.objects.filter(code="QU-Q1").first()
    if district is None:
        return
    if is_system(actor):  # the demo's story: the district's specialist did it
        actor = get_user_model().objects.filter(username="chuyenvien").first()
    if not ReportSettings.objects.filter(unit=district).exists():
        services.save_report_settings(
            district,
            actor=actor,
            signer_for="T/M BAN THƯỜNG VỤ",
            signer_title="PHÓ BÍ THƯ THƯỜNG TRỰC",
            signer_name="Hoàng Thị Tố Nga",
        )
    for section, text in TEXTS.items():
        if not SectionText.objects.filter(unit=district, year=2022, section=section).exists():
            services.save_section_text(district, 2022, section, text, actor=actor)
