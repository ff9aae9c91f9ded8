"""The prose from figures, independent of which apps provide them."""

from decimal import Decimal

import pytest

from tuyengiao.core.figures import Figure, number, percent
from tuyengiao.reports import narrative
from tuyengiao.reports.content import ReportOptions

pytestmark = pytest.mark.django_db


def study_figures():
    source = {"name": "Nghị quyết Hội nghị Trung ương 6 khóa XIII"}

    def n(metric, value):
        return number(f"study.HT.{metric}", metric, value, source=source, section="study")

    return [
        n("units_expected", 51),
        n("units_reported", 51),
        n("members_attended", 6513),
        n("members_required", 6970),
        n("members_total", 8021),
        percent("study.HT.participation_rate", "rate", Decimal("93.44"), section="study"),
        n("non_members_attended", 4608),
    ]


def test_study_figures_make_the_seed_sentence(district):
    content = narrative.build(district, 2022, study_figures())
    assert (
        "Triển khai học tập, quán triệt Nghị quyết Hội nghị Trung ương 6 khóa XIII, 51/51 tổ "
        "chức cơ sở đảng tổ chức học tập, quán triệt với 6.513/6.970/8.021 đảng viên, đạt tỷ lệ "
        "93,44% và 4.608 quần chúng, đoàn viên, hội viên tham gia." in content.text()
    )


def test_a_section_without_figures_gets_a_marked_placeholder(district):
    content = narrative.build(district, 2022, study_figures())
    placeholders = [b.text for b in content.blocks if b.kind == "placeholder"]
    assert any("“Công tác tham mưu ban hành văn bản”" in t for t in placeholders)
    assert not any("Học tập, quán triệt nghị quyết" in t for t in placeholders)
    assert all(t.startswith("[") and t.endswith("]") for t in placeholders)


def test_a_figure_without_a_sentence_is_still_printed(district):
    extra = number("outreach.total_reach", "Tổng lượt tiếp cận", 1234567, section="outreach")
    content = narrative.build(district, 2022, [extra])
    assert "- Tổng lượt tiếp cận: 1.234.567." in content.text()


def test_the_editable_header_parts_come_from_the_options(district):
    options = ReportOptions(
        number="05",
        date=__import__("datetime").date(2023, 2, 10),
        subtitle="sơ kết công tác tuyên giáo 6 tháng đầu năm 2022",
        signer_name="Hoàng Thị Tố Nga",
        recipients=["Ban Tuyên giáo Thành ủy", "Lưu VP"],
    )
    content = narrative.build(district, 2022, [], options)
    assert content.number_line == "Số 05-BC/QU"
    assert content.place_date == "Quận 1, ngày 10 tháng 02 năm 2023"
    assert content.subtitle == "sơ kết công tác tuyên giáo 6 tháng đầu năm 2022"
    assert content.signer_name == "Hoàng Thị Tố Nga"
    assert content.recipients == ["Ban Tuyên giáo Thành ủy", "Lưu VP"]


def test_the_default_number_leaves_the_sequence_blank_for_the_office(district):
    content = narrative.build(district, 2022, [])
    assert content.number_line.startswith("Số ") and content.number_line.endswith("-BC/QU")
    assert not any(ch.isdigit() for ch in content.number_line)


def test_a_ward_report_is_issued_by_the_ward_committee(ben_nghe):
    content = narrative.build(ben_nghe, 2022, [])
    assert content.superior == "ĐẢNG BỘ QUẬN 1"
    assert content.issuer == "ĐẢNG ỦY PHƯỜNG BẾN NGHÉ"
    assert content.number_line.endswith("-BC/ĐU")
    assert content.signer_for == "T/M ĐẢNG ỦY"
    assert content.place_date.startswith("Phường Bến Nghé, ngày ")


def test_training_kinds_without_a_plan_are_written_with_their_learners(district):
    source = {"what": "Lớp «Bồi dưỡng nhận thức về Đảng» bắt đầu trong năm 2022"}
    figures = [
        number("training.nt.classes", "c", 4, source=source, section="training"),
        number("training.nt.attended", "a", 697, source=source, section="training"),
    ]
    text = narrative.build(district, 2022, figures).text()
    assert "4 lớp bồi dưỡng nhận thức về Đảng cho 697 học viên" in text


def test_every_figure_in_a_section_is_marked_used(district):
    figures = study_figures() + [
        Figure("documents.issued", "Số văn bản", 667, "667", {}, "documents")
    ]
    content = narrative.build(district, 2022, figures)
    printed = {i for b in content.blocks for i in b.figure_ids}
    assert printed == {f.id for f in figures}


def test_a_section_whose_figures_are_all_zero_is_left_to_the_writer(ben_nghe):
    figures = [number("documents.issued", "Số văn bản", 0, section="documents")]
    content = narrative.build(ben_nghe, 2022, figures)
    text = content.text()
    assert "0 văn bản" not in text
    assert (
        "“Công tác tham mưu ban hành văn bản” năm 2022: các số liệu hệ thống ghi nhận đều bằng 0"
        in text
    )


def test_a_ward_report_goes_to_the_district_committee_in_party_style(ben_nghe):
    content = narrative.build(ben_nghe, 2022, [])
    assert content.recipients == [
        "Ban Thường vụ Quận ủy (để báo cáo)",
        "Ban Tuyên giáo Quận ủy (để báo cáo)",
        "Các đồng chí Đảng ủy viên",
        "Các chi bộ trực thuộc",
        "Lưu Văn phòng Đảng ủy",
    ]


def test_a_district_report_goes_up_across_and_down(district):
    content = narrative.build(district, 2022, [])
    assert content.recipients == [
        "Ban Thường vụ Thành ủy (để báo cáo)",
        "Ban Tuyên giáo Thành ủy (để báo cáo)",
        "Các đồng chí Quận ủy viên",
        "Các ban, Văn phòng Quận ủy",
        "Các tổ chức cơ sở đảng",
        "Lưu Văn phòng Quận ủy",
    ]
