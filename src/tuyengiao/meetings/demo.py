"""The 10/2/2023 conference of the seed: delegates, presentations, conclusions, 2023 tasks.

Delegates, presentation topics and conclusions are the seed's own words. Which unit
presented which topic, how the conclusions were split into tasks, their due dates and
their progress are illustrative (flagged), chosen so that some tasks are done and some
are overdue.
"""

import datetime as dt

from django.contrib.auth import get_user_model
from django.db import transaction

from tuyengiao.core.actors import is_system
from tuyengiao.orgs.models import OrgUnit

from . import services
from .choices import ConferenceKind, TaskStatus
from .models import Conference

TITLE = (
    "Hội nghị tổng kết công tác Tuyên giáo năm 2022, sơ kết thực hiện Kế hoạch số 05-KH/QU "
    "về thực hiện Đề án số 05-ĐA/TU năm 2022"
)
DATE = dt.date(2023, 2, 10)
DELEGATES = [
    (
        "Nguyễn Thanh Đoàn",
        "Trưởng phòng Khoa giáo Ban Tuyên giáo Thành ủy",
        "Ban Tuyên giáo Thành ủy",
    ),
    (
        "Đỗ Quyết Thắng",
        "Phó Trưởng phòng Báo chí – Xuất bản Ban Tuyên giáo Thành ủy – Tổ trưởng "
        "Tổ Thư ký Ban Chỉ đạo 35 Thành ủy",
        "Ban Tuyên giáo Thành ủy",
    ),
    ("Tô Thị Bích Châu", "Ủy viên Ban Thường vụ Thành ủy, Bí thư Quận ủy Quận 1", "Quận ủy Quận 1"),
    (
        "Hoàng Thị Tố Nga",
        "Phó Bí thư Thường trực Quận ủy, Trưởng Ban Chỉ đạo 35 Quận 1",
        "Quận ủy Quận 1",
    ),
    (
        "Nguyễn Trung Châu Tuyên",
        "Ủy viên Ban Thường vụ Quận ủy, Trưởng Ban Tuyên giáo Quận ủy",
        "Ban Tuyên giáo Quận ủy Quận 1",
    ),
]
# (presenting unit — illustrative, topic — the seed's)
PRESENTATIONS = [
    (
        "DU-BEN-NGHE",
        "Những thuận lợi, khó khăn, kết quả đạt được và giải pháp kiến nghị trong "
        "công tác tuyên giáo",
    ),
    (
        "DU-TAN-DINH",
        "Nâng cao hiệu quả công tác giáo dục chính trị tư tưởng trong hệ thống chính trị",
    ),
    (
        "DU-DA-KAO",
        "Kinh nghiệm xây dựng lực lượng nòng cốt trong việc tuyên truyền, lan tỏa "
        "thông tin tích cực",
    ),
    (
        "CS-Q1-002",
        "Thực hiện cơ chế phối hợp giữa các đơn vị trong đấu tranh phản bác các quan "
        "điểm sai trái, thù địch, thông tin xấu độc trên mạng xã hội",
    ),
    (
        "CS-Q1-021",
        "Những cách làm hiệu quả trong công tác tuyên truyền giáo dục lịch sử Đảng, "
        "giáo dục truyền thống của nhà trường",
    ),
]
# Conclusions: the Bí thư's, then the two proposals of Ban Tuyên giáo Thành ủy the
# conference took up. Each with its 2023 tasks:
# (unit code, title, due date, final status, done on, progress note)
D = dt.date
CONCLUSIONS = [
    (
        "Ban Tuyên giáo Quận ủy tập trung tham mưu đánh giá các chỉ tiêu, chuẩn bị công tác sơ kết "
        "giữa nhiệm kỳ.",
        [
            (
                "BTG-Q1",
                "Tham mưu đánh giá các chỉ tiêu nhiệm kỳ 2020–2025, chuẩn bị sơ kết giữa nhiệm kỳ",
                D(2023, 6, 30),
                TaskStatus.DONE,
                D(2023, 6, 20),
                "Đã tổng hợp số liệu các chỉ tiêu năm 2020–2022, trình Ban Thường vụ.",
            ),
        ],
    ),
    (
        "Bám sát chỉ đạo của Ban Tuyên giáo Thành ủy để nắm được các chủ trương, nghị quyết, nội "
        "dung cụ thể.",
        [],
    ),
    (
        "Chú trọng công tác bồi dưỡng, giáo dục lý tưởng, đạo đức cách mạng từng lĩnh vực, từng "
        "người.",
        [],
    ),
    (
        "Kịp thời đảm bảo chất lượng tham mưu, duy trì giao ban, đổi mới phương pháp, cách làm sáng "
        "tạo để các nội dung truyền tải được tiếp nhận.",
        [
            (
                "BTG-Q1",
                "Duy trì giao ban công tác tuyên giáo hằng tháng với các tổ chức cơ sở đảng",
                D(2023, 12, 31),
                TaskStatus.DONE,
                D(2023, 12, 28),
                "Đã tổ chức 12 kỳ giao ban.",
            ),
        ],
    ),
    (
        "Triển khai xây dựng không gian văn hóa Hồ Chí Minh phù hợp với điều kiện thực tế trên "
        "địa phương.",
        [
            (
                "BTG-Q1",
                "Hướng dẫn các phường xây dựng không gian văn hóa Hồ Chí Minh",
                D(2023, 5, 31),
                TaskStatus.DONE,
                D(2023, 5, 25),
                "Đã ban hành hướng dẫn.",
            ),
            (
                "DU-BEN-NGHE",
                "Xây dựng không gian văn hóa Hồ Chí Minh tại trụ sở Đảng ủy phường Bến Nghé",
                D(2023, 9, 30),
                TaskStatus.IN_PROGRESS,
                None,
                "Đã khảo sát mặt bằng, đang lập dự toán.",
            ),
            (
                "DU-TAN-DINH",
                "Xây dựng không gian văn hóa Hồ Chí Minh tại trụ sở Đảng ủy phường Tân Định",
                D(2023, 9, 30),
                TaskStatus.DONE,
                D(2023, 9, 2),
                "Đã khánh thành ngày 02/9/2023.",
            ),
        ],
    ),
    (
        "Ban Chỉ đạo 35 quận và phường cần có nhiều giải pháp cụ thể, có bản lĩnh trong suy nghĩ, "
        "nhận thức, biện pháp chuyên nghiệp để làm tốt vai trò của Ban Chỉ đạo.",
        [
            (
                "DU-DA-KAO",
                "Xây dựng giải pháp cụ thể cho Ban Chỉ đạo 35 phường Đa Kao",
                D(2023, 12, 31),
                TaskStatus.IN_PROGRESS,
                None,
                "Đã kiện toàn Ban Chỉ đạo 35 phường.",
            ),
        ],
    ),
    (
        "Cán bộ làm công tác tuyên giáo phải nhạy bén, biết tổng hợp, khái quát, tinh tế, tổ chức "
        "thực hiện, kiểm tra giám sát; phải là người thích đọc, thích nghe, thích suy nghĩ để bồi "
        "dưỡng bản thân và phục vụ cho công tác tuyên giáo của Đảng.",
        [],
    ),
    (
        "Tiếp thu đề xuất của Ban Tuyên giáo Thành ủy: tham mưu tổ chức sơ kết 5 năm triển khai "
        "thực hiện Nghị quyết 35-NQ/TW của Bộ Chính trị kết hợp với sơ kết 3 năm thực hiện Đề án "
        "05-ĐA/TU.",
        [
            (
                "BCD35-Q1",
                "Tham mưu sơ kết 5 năm thực hiện Nghị quyết 35-NQ/TW kết hợp sơ kết 3 năm "
                "thực hiện Đề án 05-ĐA/TU",
                D(2023, 10, 31),
                TaskStatus.DONE,
                D(2023, 10, 20),
                "Đã tổ chức hội nghị sơ kết.",
            ),
        ],
    ),
    (
        "Tiếp thu đề xuất của Ban Tuyên giáo Thành ủy: triển khai quán triệt và tổ chức thực hiện "
        "Quy định 85-QĐ/TW của Ban Bí thư về việc cán bộ, đảng viên thiết lập và sử dụng trang "
        "thông tin cá nhân.",
        [
            (
                "BTG-Q1",
                "Tham mưu Quận ủy kế hoạch triển khai Quy định 85-QĐ/TW",
                D(2023, 4, 30),
                TaskStatus.DONE,
                D(2023, 4, 14),
                "Kế hoạch đã ban hành.",
            ),
            (
                "DU-BEN-NGHE",
                "Quán triệt Quy định 85-QĐ/TW đến cán bộ, đảng viên Đảng bộ phường Bến Nghé",
                D(2023, 5, 31),
                TaskStatus.DONE,
                D(2023, 5, 19),
                "Đã quán triệt tại hội nghị đảng bộ.",
            ),
            (
                "DU-BEN-THANH",
                "Quán triệt Quy định 85-QĐ/TW đến cán bộ, đảng viên Đảng bộ phường Bến Thành",
                D(2023, 5, 31),
                TaskStatus.NOT_STARTED,
                None,
                None,
            ),
        ],
    ),
]


def _unit(code):
    return OrgUnit.objects.get(code=code)


@transaction.atomic
def load(*, actor):
    host = _unit("QU-Q1")
    if Conference.objects.filter(unit=host, date=DATE, title=TITLE).exists():
        return
    # The department's specialist recorded the conference; the demo acts in their name.
    if is_system(actor):  # the demo's story: the district's specialist did it
        actor = get_user_model().objects.get(username="chuyenvien")
    conference = services.create_conference(
        actor=actor,
        kind=ConferenceKind.YEAR_END,
        title=TITLE,
        date=DATE,
        place="Hội trường Quận ủy Quận 1",
        unit=host,
    )
    for name, title, unit_name in DELEGATES:
        services.add_delegate(conference, actor=actor, name=name, title=title, unit_name=unit_name)
    for code, topic in PRESENTATIONS:
        item = services.add_presentation(conference, actor=actor, unit=_unit(code), title=topic)
        item.illustrative = True
        item.save(update_fields=["illustrative"])
    for text, tasks in CONCLUSIONS:
        conclusion = services.add_conclusion(conference, actor=actor, text=text)
        for code, title, due, status, done_on, note in tasks:
            task = services.create_task_from_conclusion(
                conclusion,
                actor=actor,
                unit=_unit(code),
                title=title,
                due_date=due,
                illustrative=True,
            )
            if note:
                when = done_on or due - dt.timedelta(days=45)
                services.add_progress_note(task, actor=actor, text=note, date=when)
            if status != TaskStatus.NOT_STARTED:
                services.change_task_status(task, actor=actor, status=status, date=done_on)
