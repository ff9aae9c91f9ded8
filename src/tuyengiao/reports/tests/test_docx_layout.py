"""The Word file is laid out as HD 36-HD/VPTW asks."""

import io

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Pt

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def document(demo_report):
    return Document(io.BytesIO(demo_report[0]))


def test_the_page_is_a4_with_party_document_margins(document):
    section = document.sections[0]
    sizes = [
        section.page_width, section.page_height, section.top_margin,
        section.bottom_margin, section.left_margin, section.right_margin,
    ]  # fmt: skip
    # Word stores twentieths of a point: compare in whole millimetres.
    assert [round(size.mm) for size in sizes] == [210, 297, 20, 20, 30, 15]


def test_the_body_is_times_new_roman_14_in_every_script(document):
    normal = document.styles["Normal"]
    assert normal.font.name == "Times New Roman" and normal.font.size == Pt(14)
    fonts = normal.element.rPr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == "Times New Roman"
    assert fonts.get(qn("w:cs")) == "Times New Roman"


def _runs(cell, text):
    return [r for p in cell.paragraphs for r in p.runs if r.text == text]


def test_the_header_table_has_the_issuer_on_the_left_and_the_party_on_the_right(document):
    left, right = document.tables[0].rows[0].cells
    assert [p.text for p in left.paragraphs][:4] == [
        "THÀNH ỦY THÀNH PHỐ HỒ CHÍ MINH",
        "QUẬN ỦY QUẬN 1",
        "*",
        left.paragraphs[3].text,
    ]
    assert left.paragraphs[3].text.startswith("Số ") and left.paragraphs[3].text.endswith("-BC/QU")
    assert _runs(left, "QUẬN ỦY QUẬN 1")[0].bold
    party = _runs(right, "ĐẢNG CỘNG SẢN VIỆT NAM")[0]
    assert party.bold and party.underline
    date = right.paragraphs[1]
    assert date.text.startswith("Quận 1, ngày ") and date.runs[0].italic


def test_the_header_table_has_no_borders(document):
    borders = document.tables[0]._tbl.tblPr.find(qn("w:tblBorders"))
    assert {edge.get(qn("w:val")) for edge in borders} == {"nil"}


def test_body_paragraphs_are_justified_with_a_first_line_indent(document):
    body = [p for p in document.paragraphs if p.text.startswith("Năm 2022,")]
    assert body
    for paragraph in body:
        assert paragraph.alignment == 3  # justify
        assert round(paragraph.paragraph_format.first_line_indent.mm) == 10
        assert paragraph.paragraph_format.space_after == Pt(6)


def test_the_title_is_bold_and_centred(document):
    title = next(p for p in document.paragraphs if p.text == "BÁO CÁO")
    assert title.alignment == 1 and title.runs[0].bold


def test_the_placeholders_are_highlighted(document):
    marked = [p for p in document.paragraphs if p.text.startswith("[Phần dành cho người viết")]
    assert marked and marked[0].runs[0].font.highlight_color is not None


def test_pages_after_the_first_carry_their_number_in_the_header(document):
    section = document.sections[0]
    assert section.different_first_page_header_footer
    instructions = section.header._element.xpath(".//w:instrText")
    assert [i.text for i in instructions] == ["PAGE"]
    assert section.first_page_header.paragraphs[0].text == ""


def test_the_closing_has_recipients_left_and_signature_right(document):
    left, right = document.tables[-1].rows[0].cells
    label = left.paragraphs[0].runs[0]
    assert label.text == "Nơi nhận:" and label.bold and label.italic
    assert {r.font.size for p in left.paragraphs[1:] for r in p.runs} == {Pt(12)}
    assert [p.text for p in right.paragraphs][:2] == ["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ THƯỜNG TRỰC"]
