"""The báo cáo tổng kết's structure, the department's written sections with figure tokens,
one truth across sections, issued versions, and every level (ward, district, city)."""

import datetime as dt
import io

import pytest
from docx import Document

from tuyengiao.core.errors import DomainError
from tuyengiao.orgs.models import OrgUnit
from tuyengiao.reports import docx, services
from tuyengiao.reports.content import ReportOptions
from tuyengiao.reports.models import GeneratedReport, SectionText
from tuyengiao.training.models import TrainingClass

pytestmark = pytest.mark.django_db

DATED = ReportOptions(number="115", date=dt.date(2023, 1, 15))


def text_of(unit, year=2022, options=DATED):
    return services.build_content(unit, year, options=options).text()


def test_the_district_report_has_every_part_of_a_year_end_report(district):
    content = services.build_content(district, 2022, options=DATED)
    headings = [b.text for b in content.blocks if b.kind.startswith("heading")]
    for expected in [
        "I. KẾT QUẢ ĐẠT ĐƯỢC",
        "7. Thực hiện các chỉ tiêu nhiệm kỳ",
        "II. HẠN CHẾ VÀ NGUYÊN NHÂN",
        "1. Hạn chế",
        "a) Nguyên nhân chủ quan",
        "b) Nguyên nhân khách quan",
        "III. BÀI HỌC KINH NGHIỆM",
        "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2023",
        "1. Phương hướng chung",
        "2. Nhiệm vụ trọng tâm",
        "V. KIẾN NGHỊ, ĐỀ XUẤT",
    ]:
        assert expected in headings
    # Targets are results of 2022, under I, not under next year's direction.
    assert headings.index("7. Thực hiện các chỉ tiêu nhiệm kỳ") < headings.index(
        "II. HẠN CHẾ VÀ NGUYÊN NHÂN"
    )


def test_the_seed_articles_content_is_in_the_demo_report(district):
    text = text_of(district)
    for words in [
        "Kết luận số 01-KL/TW",
        "kiện toàn nhân sự Ban Chỉ đạo 35",
        "Kế hoạch số 05-KH/QU",
        "Đề án số 05-ĐA/TU",
        "9 lớp bồi dưỡng chính trị hè cho đội ngũ quản lý, giáo viên với 2.249/2.257 học viên",
    ]:
        assert words in text


def test_next_years_tasks_are_this_levels_grouped_by_area_without_citing_the_conference(
    district,
):
    content = services.build_content(district, 2022, options=DATED)
    start = next(i for i, b in enumerate(content.blocks) if b.text == "2. Nhiệm vụ trọng tâm")
    tasks = [b.text for b in content.blocks[start + 1 :] if not b.kind.startswith("heading")]
    tasks = tasks[: next(i for i, t in enumerate(tasks) if t.startswith("["))]
    joined = "\n".join(tasks)
    assert "phường Bến Nghé" not in joined and "phường Tân Định" not in joined  # wards' own
    assert "kết luận hội nghị" not in joined.lower()
    assert tasks[0] == "Năm 2023, tập trung thực hiện các nhiệm vụ trọng tâm sau:"
    assert tasks[1].startswith("1) Bảo vệ nền tảng tư tưởng của Đảng")
    assert any(t.startswith("2) Nghiên cứu, học tập, quán triệt") for t in tasks)


def test_a_figure_token_renders_with_its_provenance(district, specialist):
    services.save_section_text(
        district,
        2022,
        "limitations",
        "Tỷ lệ đảng viên tham gia học tập mới đạt {{study.participation_rate}}, một số chi bộ "
        "còn thấp.",
        actor=specialist,
    )
    content = services.build_content(district, 2022, options=DATED)
    block = next(b for b in content.blocks if b.text.startswith("Tỷ lệ đảng viên tham gia"))
    assert block.text.startswith("Tỷ lệ đảng viên tham gia học tập mới đạt 93,44%, ")
    assert block.figure_ids == ["study.HT-TW456-2022.participation_rate"]
    report = services.generate_report(district, 2022, actor=specialist, options=DATED)
    assert "study.HT-TW456-2022.participation_rate" in {f["id"] for f in report.figures}
    assert report.sections == {"overview": 1, "lessons": 1, "limitations": 1}


def test_an_unknown_token_is_refused_with_a_clear_message_and_nothing_saved(district, specialist):
    with pytest.raises(DomainError) as error:
        services.save_section_text(
            district, 2022, "lessons", "Đạt {{study.khong_co}}.", actor=specialist
        )
    assert "Mục “Bài học kinh nghiệm”: mã số liệu “{{study.khong_co}}” không có" in str(
        error.value.message
    )
    assert SectionText.objects.filter(section="lessons", version=2).count() == 0


def test_an_unknown_token_stored_earlier_stops_generation_with_the_section_named(
    district, specialist
):
    SectionText.objects.create(
        unit=district, year=2022, section="direction", version=1, text="Giữ {{abc.xyz}}."
    )
    with pytest.raises(DomainError, match="Mục “Phương hướng chung”: mã số liệu “{{abc.xyz}}”"):
        services.generate_report(district, 2022, actor=specialist, options=DATED)
    assert GeneratedReport.objects.count() == 0


def test_saving_a_section_writes_a_new_version_and_keeps_the_old(district, specialist):
    services.save_section_text(district, 2022, "lessons", "Bài học một.", actor=specialist)
    services.save_section_text(district, 2022, "lessons", "Bài học một.", actor=specialist)
    versions = SectionText.objects.filter(unit=district, section="lessons").order_by("version")
    assert [v.version for v in versions] == [1, 2]  # the demo's, then this one; once
    assert "Bài học một." in text_of(district)


def _delete_a_summer_class():
    summer = TrainingClass.objects.filter(kind__code="chinh-tri-he", start_date__year=2022)
    assert summer.count() == 9
    summer.first().delete()


def test_delete_a_summer_class_and_every_section_says_8(district):
    _delete_a_summer_class()
    content = services.build_content(district, 2022, options=DATED)
    text = content.text()
    assert "9 lớp" not in text
    assert "phối hợp tổ chức 8 lớp bồi dưỡng chính trị hè với 2." in text  # results
    assert "Phối hợp tổ chức 8 lớp bồi dưỡng chính trị hè cho đội ngũ" in text  # overview
    assert "năm 2022 đạt 8 lớp (chỉ tiêu từ 8 lớp trở lên), đạt chỉ tiêu." in text
    assert any("nhập tay năm 2022 là 9" in w for w in content.warnings)


def test_a_hand_written_number_contradicting_a_figure_stops_generation(district):
    _delete_a_summer_class()
    SectionText.objects.create(
        unit=district,
        year=2022,
        section="lessons",
        version=9,
        text="Tổ chức 9 lớp bồi dưỡng chính trị hè đạt hiệu quả.",
    )
    with pytest.raises(DomainError) as error:
        services.build_content(district, 2022, options=DATED)
    assert "“9 lớp bồi dưỡng chính trị hè”" in error.value.message
    assert "là 8" in error.value.message


def test_no_target_is_typed_by_hand_where_the_system_computes_it(district):
    content = services.build_content(district, 2022, options=DATED)
    lines = [b for b in content.blocks if b.text.startswith("- Mỗi năm tổ chức ít nhất 8 lớp")]
    assert lines and "training.chinh-tri-he.classes" in lines[0].figure_ids
    organisations = next(b for b in content.blocks if b.text.startswith("- 100% tổ chức"))
    assert "study.HT-TW456-2022.units_reported" in organisations.figure_ids
    assert "báo cáo tổng kết" not in content.text().split("7. Thực hiện")[1].split("II.")[0]


# --- issued versions ---------------------------------------------------------------------


def _write_all_sections(unit, actor):
    for key in (
        "limitations",
        "causes_subjective",
        "causes_objective",
        "lessons",
        "direction",
        "recommendations",
    ):
        services.save_section_text(unit, 2022, key, f"Nội dung mục {key}.", actor=actor)


def test_a_report_with_writer_placeholders_cannot_be_issued(district, specialist):
    with pytest.raises(DomainError, match="Chưa ban hành được"):
        services.issue_report(
            district, 2022, actor=specialist, number="115", date=dt.date(2023, 1, 15)
        )
    assert not GeneratedReport.objects.filter(issued_at__isnull=False).exists()


def test_issue_freezes_a_numbered_dated_version_and_changes_are_compared_with_it(
    district, specialist
):
    _write_all_sections(district, specialist)
    issued = services.issue_report(
        district, 2022, actor=specialist, number="115", date=dt.date(2023, 1, 15)
    )
    assert issued.is_issued and issued.options["number"] == "115"
    assert any(r["unit"] == "Chi bộ Nhà Thiếu nhi Quận 1" for r in issued.units)
    text = docx.read_text(issued.file.read())
    assert "Số 115-BC/QU" in text and "DỰ THẢO" not in text
    # A later preview does not move the baseline: changes are against the issued version.
    _delete_a_summer_class()
    services.generate_report(district, 2022, actor=specialist)
    report, changes = services.changes_since_issued(district, 2022)
    assert report == issued
    changed = {c.id: (c.before, c.after) for c in changes}
    assert changed["training.chinh-tri-he.classes"] == ("9", "8")


def test_per_unit_values_are_compared_with_the_issued_version(district, specialist):
    from tuyengiao.reporting.models import Submission

    _write_all_sections(district, specialist)
    issued = services.issue_report(
        district, 2022, actor=specialist, number="115", date=dt.date(2023, 1, 15)
    )
    row = next(r for r in issued.units if r["unit"] == "Chi bộ Nhà Thiếu nhi Quận 1")
    submission = Submission.objects.filter(
        unit__name="Chi bộ Nhà Thiếu nhi Quận 1", status="approved"
    ).first()
    assert submission is not None
    submission.delete()
    _report, changes = services.changes_since_issued(district, 2022)
    ids = {c.id for c in changes}
    assert any(i.startswith("unit:Chi bộ Nhà Thiếu nhi Quận 1:") for i in ids), ids
    assert row["values"]


# --- every level ------------------------------------------------------------------------


def test_a_ward_committee_reports_on_its_own_units(ben_nghe):
    content = services.build_content(ben_nghe, 2022, options=DATED)
    assert content.superior == "ĐẢNG BỘ QUẬN 1"
    assert content.issuer == "ĐẢNG ỦY PHƯỜNG BẾN NGHÉ"
    assert content.number_line == "Số 115-BC/ĐU"
    assert content.signer_for == "T/M ĐẢNG ỦY" and content.signer_title == "BÍ THƯ"
    document = Document(io.BytesIO(docx.render(content)))
    rows = document.tables[0].rows
    assert rows[-1].cells[1].text == "Phường Bến Nghé, ngày 15 tháng 01 năm 2023"
    assert content.recipients[-1] == "Lưu Văn phòng Đảng ủy"


def test_the_city_reports_on_its_districts(db):
    city = OrgUnit.objects.get(code="TU-HCM")
    content = services.build_content(city, 2022, options=DATED)
    assert content.superior == ""
    assert content.issuer == "THÀNH ỦY THÀNH PHỐ HỒ CHÍ MINH"
    assert content.number_line == "Số 115-BC/TU"
    assert content.place_date == "Thành phố Hồ Chí Minh, ngày 15 tháng 01 năm 2023"
    document = Document(io.BytesIO(docx.render(content)))
    left = [row.cells[0].text for row in document.tables[0].rows]
    assert left == ["THÀNH ỦY THÀNH PHỐ HỒ CHÍ MINH", "*", "Số 115-BC/TU"]
    assert content.recipients[0] == "Ban Tuyên giáo Trung ương (để báo cáo)"
    text = content.text()
    assert "9 lớp bồi dưỡng chính trị hè" in text  # the districts' classes roll up
    assert "Thực hiện các chỉ tiêu nhiệm kỳ" not in text  # Quận 1's term is not the city's
    assert "Ban Tuyên giáo Quận ủy" not in text and "85-QĐ" not in text  # nor its tasks


def test_a_dated_ward_report_leaves_out_sections_without_figures_and_renumbers(ben_nghe):
    draft = services.build_content(ben_nghe, 2022, options=ReportOptions())
    assert any(b.text.startswith("[Chưa có số liệu") for b in draft.blocks)
    dated = services.build_content(ben_nghe, 2022, options=DATED)
    assert not any(b.text.startswith("[Chưa có số liệu") for b in dated.blocks)
    results = dated.text().split("I. KẾT QUẢ ĐẠT ĐƯỢC")[1].split("II. HẠN CHẾ")[0]
    headings = [b.text for b in dated.blocks if b.kind == "heading2" and b.text in results]
    assert headings[0].startswith("1. ") and headings[0] == "1. Học tập, quán triệt nghị quyết"
    assert "1/1 đơn vị tổ chức học tập" in results  # a ward's units are not grassroots orgs


def test_no_target_in_the_demo_cites_the_report_being_produced(district):
    figures = services.collect_figures(district, 2022)
    sources = [str(f.source.get("what", "")) for f in figures if f.section == "targets"]
    assert sources and not any("báo cáo tổng kết" in s for s in sources)
    assert services.build_content(district, 2022, options=DATED).warnings == []


def test_the_appendix_declares_how_its_rates_are_rounded(district):
    content = services.build_content(district, 2022, options=DATED)
    kinds = [b.kind for b in content.appendix]
    assert kinds.index("note") == kinds.index("table") + 1
    note = next(b.text for b in content.appendix if b.kind == "note")
    assert "lấy hai chữ số thập phân, bỏ phần lẻ sau đó (không làm tròn)" in note
