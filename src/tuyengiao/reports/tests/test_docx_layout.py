"""The Word file is laid out as HD 36-HD/VPTW asks: read back from the .docx."""

import datetime as dt
import io

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph

from tuyengiao.reports import services
from tuyengiao.reports.content import ReportOptions

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def document(demo_report):
    """The draft: no date chosen."""
    return Document(io.BytesIO(demo_report[0]))


@pytest.fixture(scope="module")
def dated(django_db_setup, django_db_blocker):
    """The report the office signs: dated 15/01/2023, numbered 115."""
    from tuyengiao.orgs.models import OrgUnit

    with django_db_blocker.unblock():
        unit = OrgUnit.objects.get(code="QU-Q1")
        options = ReportOptions(number="115", date=dt.date(2023, 1, 15))
        return Document(io.BytesIO(services.build_docx(unit, 2022, options=options)))


def test_the_page_is_a4_with_party_document_margins(document):
    section = document.sections[0]
    sizes = [
        section.page_width,
        section.page_height,
        section.top_margin,
        section.bottom_margin,
        section.left_margin,
        section.right_margin,
    ]
    # Word stores twentieths of a point: compare in whole millimetres.
    assert [round(size.mm) for size in sizes] == [210, 297, 20, 20, 30, 15]


def test_the_body_is_times_new_roman_14_in_every_script(document):
    normal = document.styles["Normal"]
    assert normal.font.name == "Times New Roman" and normal.font.size == Pt(14)
    fonts = normal.element.rPr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == "Times New Roman"
    assert fonts.get(qn("w:cs")) == "Times New Roman"


def _only_run(cell):
    runs = [r for p in cell.paragraphs for r in p.runs if r.text]
    assert len(runs) == 1, [r.text for r in runs]
    return runs[0]


def _header_rows(document):
    return [[cell for cell in row.cells] for row in document.tables[0].rows]


def test_the_header_has_superior_issuer_star_and_number_on_the_left(dated):
    rows = _header_rows(dated)
    assert [row[0].text for row in rows] == [
        "ĐẢNG BỘ THÀNH PHỐ HỒ CHÍ MINH",
        "QUẬN ỦY QUẬN 1",
        "*",
        "Số 115-BC/QU",
    ]
    superior, issuer, star, number = (_only_run(row[0]) for row in rows)
    assert superior.font.size == Pt(14) and not superior.bold and not superior.italic
    assert issuer.font.size == Pt(14) and issuer.bold
    assert number.font.size == Pt(14) and not number.bold and not number.italic
    assert {row[0].paragraphs[0].alignment for row in rows} == {1}  # centred on each other


def test_the_party_title_is_15_pt_bold_underlined_top_right(dated):
    rows = _header_rows(dated)
    title = _only_run(rows[0][1])
    assert title.text == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert title.font.size == Pt(15) and title.bold and title.underline


def test_the_date_is_italic_14_pt_level_with_the_number(dated):
    rows = _header_rows(dated)
    date = _only_run(rows[-1][1])  # the row of “Số 115-BC/QU”
    assert rows[-1][0].text.startswith("Số ")
    assert date.text == "Quận 1, ngày 15 tháng 01 năm 2023"
    assert date.italic and date.font.size == Pt(14)
    assert [row[1].text for row in rows[1:-1]] == ["", ""]


def test_the_header_table_has_no_borders(document):
    borders = document.tables[0]._tbl.tblPr.find(qn("w:tblBorders"))
    assert {edge.get(qn("w:val")) for edge in borders} == {"nil"}


def test_a_draft_has_a_blank_date_and_a_boxed_draft_mark(document, dated):
    rows = _header_rows(document)
    assert rows[-1][1].text == "Quận 1, ngày … tháng … năm …"
    header = document.sections[0].first_page_header.paragraphs[0]
    assert header.text == "DỰ THẢO" and header.runs[0].bold
    assert header._p.pPr.find(qn("w:pBdr")) is not None
    assert dated.sections[0].first_page_header.paragraphs[0].text == ""


def test_body_paragraphs_are_justified_with_a_first_line_indent(document):
    body = [p for p in document.paragraphs if p.text.startswith("Năm 2022,")]
    assert body
    for paragraph in body:
        assert paragraph.alignment == 3  # justify
        assert round(paragraph.paragraph_format.first_line_indent.mm) == 10
        assert paragraph.paragraph_format.space_after == Pt(6)


def test_the_title_is_16_pt_bold_and_the_subject_14_pt_bold(document):
    index = next(i for i, p in enumerate(document.paragraphs) if p.text == "BÁO CÁO")
    title, subject = document.paragraphs[index], document.paragraphs[index + 1]
    assert title.alignment == 1 and title.runs[0].bold and title.runs[0].font.size == Pt(16)
    assert subject.runs[0].bold and subject.runs[0].font.size == Pt(14)


def test_the_placeholders_are_highlighted(document):
    marked = [p for p in document.paragraphs if p.text.startswith("[Phần dành cho người viết")]
    assert marked and marked[0].runs[0].font.highlight_color is not None


def test_pages_after_the_first_carry_their_number_14_pt_centred_at_the_top(document):
    section = document.sections[0]
    assert section.different_first_page_header_footer
    instructions = section.header._element.xpath(".//w:instrText")
    assert [i.text for i in instructions] == ["PAGE"]
    paragraph = section.header.paragraphs[0]
    assert paragraph.alignment == 1 and paragraph.runs[0].font.size == Pt(14)


def _closing(document):
    return next(t for t in document.tables if t.rows[0].cells[0].text.startswith("Nơi nhận:"))


def test_the_recipients_are_in_party_style(document):
    left, _right = _closing(document).rows[0].cells
    label = left.paragraphs[0].runs[0]
    assert label.text == "Nơi nhận:" and label.underline and not label.bold and not label.italic
    assert label.font.size == Pt(14)
    lines = [p.text for p in left.paragraphs[1:]]
    assert lines[0] == "- Ban Thường vụ Thành ủy (để báo cáo),"
    assert lines[-1] == "- Lưu Văn phòng Quận ủy."
    assert {r.font.size for p in left.paragraphs[1:] for r in p.runs} == {Pt(12)}


def test_the_signature_block_has_authority_position_and_name(district):
    from tuyengiao.reports.models import ReportSettings

    ReportSettings.objects.update_or_create(
        unit=district,
        defaults={"signer_title": "PHÓ BÍ THƯ THƯỜNG TRỰC", "signer_name": "Hoàng Thị Tố Nga"},
    )
    document = Document(io.BytesIO(services.build_docx(district, 2022)))
    _left, right = _closing(document).rows[0].cells
    texts = [p.text for p in right.paragraphs if p.text]
    assert texts == ["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ THƯỜNG TRỰC", "Hoàng Thị Tố Nga"]
    for paragraph in right.paragraphs:
        for run in paragraph.runs:
            assert run.bold and run.font.size == Pt(14)
    assert len(right.paragraphs) >= 7  # room for the signature and the seal


def test_the_appendix_follows_the_signature_on_a_new_page(dated):
    body = dated.element.body
    children = list(body.iterchildren())
    closing = _closing(dated)._tbl
    after = children[children.index(closing) + 1 :]
    assert Paragraph(after[0], None).text.strip() == "PHỤ LỤC"
    assert after[0].xpath(".//w:br[@w:type='page']")
    note = Paragraph(after[1], None).text
    assert note == "(kèm theo Báo cáo số 115-BC/QU, ngày 15/01/2023 của Ban Thường vụ Quận ủy)"
    tables = [t for t in dated.tables if t.rows[0].cells[0].text == "TT"]
    assert tables and all(children.index(t._tbl) > children.index(closing) for t in tables)


def test_the_body_has_no_per_unit_table_and_no_chart_before_the_signature(dated):
    children = list(dated.element.body.iterchildren())
    closing = children.index(_closing(dated)._tbl)
    before = children[:closing]
    assert not any(c.xpath(".//w:drawing") for c in before)
    assert sum(1 for c in before if c.tag == qn("w:tbl")) == 1  # the header only


def test_the_file_properties_carry_the_unit_title_and_creation_time(dated):
    properties = dated.core_properties
    assert properties.author == "Quận ủy Quận 1"
    assert properties.last_modified_by == "Quận ủy Quận 1"
    assert properties.title.startswith("BÁO CÁO tổng kết công tác tuyên giáo năm 2022")
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    assert abs((properties.created.replace(tzinfo=None) - now).total_seconds()) < 600


def test_the_prose_has_curly_quotes_and_words_not_symbols(dated):
    body = "\n".join(p.text for p in dated.paragraphs)
    for symbol in ("«", "»", '"', "≥", "≤", " = "):
        assert symbol not in body, symbol
    assert "“Quận 1 trái tim nghĩa tình”" in body
    assert "(chỉ tiêu từ 90% trở lên)" in body
