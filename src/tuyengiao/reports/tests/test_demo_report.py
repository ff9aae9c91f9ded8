"""The demo's 2022 report for Quận 1 says what the seed article says, from computed figures."""

import io
import re

import pytest
from docx import Document

from tuyengiao.core.text import vi_sorted
from tuyengiao.reports.checker import WRONG, check_text

pytestmark = pytest.mark.django_db

SEED_FIGURES = [
    ("documents", r"667 văn bản"),
    ("study", r"51/51 tổ chức cơ sở đảng"),
    ("study", r"6\.513/6\.970/8\.021 đảng viên, đạt tỷ lệ 93,44%"),
    ("study", r"4\.608 quần chúng, đoàn viên, hội viên"),
    ("training", r"9 lớp bồi dưỡng chính trị hè[^;]*2\.249/2\.257[^;]*99,64%"),
    ("training", r"697(/[\d.]+)? học viên"),
    ("training", r"5 lớp [^;]*439"),
    ("training", r"3 lớp [^;]*244"),
    ("initiatives", r"2 mô hình"),
    ("outreach", r"4\.690 bài viết"),
    ("outreach", r"17\.096\.939 lượt"),
    ("awards", r"5 tập thể và 10 cá nhân[\s\S]*5 tập thể và 10 cá nhân"),
]


@pytest.mark.parametrize(("section", "pattern"), SEED_FIGURES)
def test_the_report_prints_the_seed_figure(demo_report, section, pattern):
    _data, text, sections = demo_report
    assert section in sections, f"no registered figure provider gives «{section}»"
    assert re.search(pattern, text), f"«{pattern}» not in the report"


@pytest.mark.parametrize(
    "element",
    [
        "ĐẢNG BỘ THÀNH PHỐ HỒ CHÍ MINH",
        "QUẬN ỦY QUẬN 1",
        "*",
        "-BC/QU",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "BÁO CÁO",
        "tổng kết công tác tuyên giáo năm 2022, phương hướng, nhiệm vụ năm 2023",
        "I. KẾT QUẢ ĐẠT ĐƯỢC",
        "II. HẠN CHẾ VÀ NGUYÊN NHÂN",
        "a) Nguyên nhân chủ quan",
        "b) Nguyên nhân khách quan",
        "III. BÀI HỌC KINH NGHIỆM",
        "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2023",
        "V. KIẾN NGHỊ, ĐỀ XUẤT",
        "Nơi nhận:",
        "- Ban Thường vụ Thành ủy (để báo cáo),",
        "- Các đồng chí Quận ủy viên,",
        "- Các tổ chức cơ sở đảng,",
        "- Lưu Văn phòng Quận ủy.",
        "T/M BAN THƯỜNG VỤ",
        "PHÓ BÍ THƯ THƯỜNG TRỰC",
    ],
)
def test_the_report_has_the_party_document_header_and_closing(demo_report, element):
    _data, text, _sections = demo_report
    assert element in text.splitlines() or element in text


def test_without_a_chosen_date_the_date_is_left_blank(demo_report):
    _data, text, _sections = demo_report
    assert "Quận 1, ngày … tháng … năm …" in text.splitlines()


def test_the_figure_checker_finds_no_wrong_claim_in_the_report(demo_report):
    _data, text, _sections = demo_report
    claims = check_text(text)
    assert claims, "the report should hold checkable ratios"
    assert [c.text for c in claims if c.verdict == WRONG] == []


def test_the_limitations_section_is_left_to_the_writer(demo_report):
    _data, text, _sections = demo_report
    section = text.split("II. HẠN CHẾ", 1)[1].split("III. BÀI HỌC", 1)[0]
    assert "[Phần dành cho người viết" in section


def test_the_study_campaign_has_a_table_per_unit_with_a_total_row(demo_report):
    document = Document(io.BytesIO(demo_report[0]))
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "TT")
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows[0] == ["TT", "Đơn vị", "Đảng viên phải học tập", "Đảng viên tham gia", "Tỷ lệ"]
    assert rows[-1][1:] == ["Tổng cộng", "6.970", "6.513", "93,44%"]
    units = [row[1] for row in rows[1:-1]]
    assert len(units) == 51 and units == vi_sorted(units)


def test_the_rate_by_unit_chart_is_in_the_report(demo_report):
    document = Document(io.BytesIO(demo_report[0]))
    assert len(document.inline_shapes) >= 1
