"""Lay a ReportContent out as a Party document (HD 36-HD/VPTW, Phụ lục 3) with python-docx.

A4; margins top 20, bottom 20, left 30, right 15 mm; Times New Roman, set for the East
Asian and complex scripts as well, or Word falls back to another font for Vietnamese
letters it classes differently. Which HD 36 rule each element follows:

- “ĐẢNG CỘNG SẢN VIỆT NAM”: top right of page 1, capitals 15 pt bold, a line under it as
  long as the title (the run's underline);
- the superior Party organisation (“ĐẢNG BỘ THÀNH PHỐ HỒ CHÍ MINH”): capitals 14 pt upright;
  the issuer (“QUẬN ỦY QUẬN 1”): capitals 14 pt bold, a “*” under it; “Số 05-BC/QU” 14 pt
  upright: top left, centred on each other;
- place and date: 14 pt italic, on the right, level with the “Số” line (one row of the
  borderless header table holds both);
- “BÁO CÁO” capitals 16 pt bold; the subject 14 pt bold; body 14 pt justified, first line
  indented 10 mm; section names bold;
- “Nơi nhận:” 14 pt upright underlined (Party style, not the state's bold italic 12 pt);
  recipients 12 pt, each “- …,” and the last “- Lưu …”;
- signature: the authority (“T/M BAN THƯỜNG VỤ”) capitals 14 pt bold, the signer's position
  capitals 14 pt bold, the name 14 pt bold, space for the signature and seal between;
- page numbers: Arabic, 14 pt, centred at the top, from page 2;
- a draft (no date yet) carries “DỰ THẢO” boxed, 14 pt bold, at the top right of page 1;
- the appendix starts on a new page after the signature: “PHỤ LỤC” 14 pt bold and
  “(kèm theo Báo cáo số …)” 14 pt italic, centred.
"""

from __future__ import annotations

import datetime as dt
import io

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from .content import Block, ReportContent

FONT = "Times New Roman"
TEXT_WIDTH_MM = 210 - 30 - 15
HEADER_LEFT_MM = 75
CENTER = WD_ALIGN_PARAGRAPH.CENTER


def _set_font(element_rpr, name=FONT):
    fonts = element_rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        element_rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), name)


def _page_and_styles(document):
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.header_distance = Mm(10)
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(14)
    _set_font(normal.element.get_or_add_rPr())
    fmt = normal.paragraph_format
    fmt.space_before, fmt.space_after = Pt(0), Pt(0)
    fmt.line_spacing = 1.0
    # Word's default language tags Vietnamese text as English; say what it is (spelling).
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "vi-VN")
    lang.set(qn("w:eastAsia"), "vi-VN")
    normal.element.get_or_add_rPr().append(lang)


def _run(paragraph, text, *, bold=False, italic=False, underline=False, size=None, highlight=False):
    run = paragraph.add_run(text)
    run.bold, run.italic, run.underline = bold or None, italic or None, underline or None
    if size:
        run.font.size = Pt(size)
    if highlight:
        run.font.highlight_color = WD_COLOR_INDEX.YELLOW
    return run


def _para(container, text="", *, align=None, space_after=0, **run_options):
    paragraph = container.add_paragraph()
    if align is not None:
        paragraph.alignment = align
    paragraph.paragraph_format.space_after = Pt(space_after)
    if text:
        _run(paragraph, text, **run_options)
    return paragraph


def _no_borders(table):
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    table._tbl.tblPr.append(borders)


def _fixed_width(table, width):
    """The table's own width in twips (python-docx leaves it “auto”, which LibreOffice
    narrows to the text width minus its own margins)."""
    tbl_w = table._tbl.tblPr.find(qn("w:tblW"))
    if tbl_w is None:
        tbl_w = OxmlElement("w:tblW")
        table._tbl.tblPr.append(tbl_w)
    tbl_w.set(qn("w:type"), "dxa")
    tbl_w.set(qn("w:w"), str(int(width.twips)))


def _no_cell_margins(table):
    margins = OxmlElement("w:tblCellMar")
    for edge in ("left", "right"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:w"), "0")
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    table._tbl.tblPr.append(margins)


def _layout_table(document, rows, left_mm, total_mm=TEXT_WIDTH_MM):
    """A borderless two-column table, `rows` rows, fixed widths (Word and LibreOffice)."""
    table = document.add_table(rows=rows, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _no_borders(table)
    _no_cell_margins(table)
    widths = (Mm(left_mm), Mm(total_mm - left_mm))
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width  # the grid: LibreOffice lays out by it, Word by the cells
    _fixed_width(table, Mm(total_mm))
    cells = []
    for row in table.rows:
        row_cells = row.cells
        for cell, width in zip(row_cells, widths, strict=True):
            cell.width = width
        cells.append(row_cells)
    return table, cells


def _cell_text(cell, text, **options):
    paragraph = cell.paragraphs[0]
    paragraph.alignment = CENTER
    if text:
        _run(paragraph, text, **options)
    return paragraph


_FONT_FILES = {
    (False, False): "LiberationSerif-Regular.ttf",
    (True, False): "LiberationSerif-Bold.ttf",
    (False, True): "LiberationSerif-Italic.ttf",
}
_FONT_DIR = "/usr/share/fonts/truetype/liberation"


def text_mm(text: str, size: float, *, bold=False, italic=False) -> float:
    """The printed width of a line in Times New Roman (Liberation Serif has its metrics);
    an estimate when the font is not installed."""
    try:
        from PIL import ImageFont

        font = ImageFont.truetype(f"{_FONT_DIR}/{_FONT_FILES[(bold, italic)]}", int(size * 10))
        return font.getlength(text) / 10 / 72 * 25.4
    except (ImportError, OSError):
        return len(text) * size * (0.26 if text.isupper() else 0.2)


AIR_MM = 4  # the header's cells have no margins: a little air instead
# Capitals with Vietnamese marks print about 12% wider in Word and LibreOffice than the
# font's advance widths say (measured on the PDF): allow for it.
CAPITALS_FACTOR = 1.12
HEADER_WIDTH_MM = TEXT_WIDTH_MM + 10  # HD 36 headers may reach 5 mm into each margin


def header_left_mm(lines: list[tuple[str, dict]], date: str) -> float:
    """Wide enough that no left line wraps, leaving the rest to the title and date."""
    widest = max(
        text_mm(t, o.get("size", 14), bold=bool(o.get("bold"))) * CAPITALS_FACTOR for t, o in lines
    )
    party = text_mm("ĐẢNG CỘNG SẢN VIỆT NAM", 15, bold=True) * CAPITALS_FACTOR + AIR_MM
    left = max(HEADER_LEFT_MM, widest + AIR_MM)
    return min(left, HEADER_WIDTH_MM - party)


def _header(document, content: ReportContent):
    left = []
    if content.superior:
        left.append((content.superior, {"size": 14}))
    left += [
        (content.issuer, {"bold": True, "size": 14}),
        ("*", {"size": 14}),
        (content.number_line, {"size": 14}),
    ]
    left_mm = header_left_mm(left, content.place_date)
    _table, cells = _layout_table(document, len(left), left_mm, HEADER_WIDTH_MM)
    for (text, options), (cell, _right) in zip(left, cells, strict=True):
        _cell_text(cell, text, **options)
    _cell_text(cells[0][1], "ĐẢNG CỘNG SẢN VIỆT NAM", bold=True, underline=True, size=15)
    # The date sits on the “Số” line: the last row, whatever the rows above hold.
    _cell_text(cells[-1][1], content.place_date, italic=True, size=14)
    _para(document, space_after=6)
    _para(document, content.title, align=CENTER, bold=True, size=16)
    _para(document, content.subtitle, align=CENTER, bold=True, size=14)
    _para(document, "-----", align=CENTER, space_after=12)


def _body_paragraph(document, text, *, indent=True, **run_options):
    paragraph = _para(document, align=WD_ALIGN_PARAGRAPH.JUSTIFY, space_after=6)
    fmt = paragraph.paragraph_format
    fmt.first_line_indent = Mm(10) if indent else None
    fmt.line_spacing = 1.2
    _run(paragraph, text, **run_options)
    return paragraph


def _repeat_header_row(row):
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(repeat)


def _table(document, rows: list[list[str]]):
    """A grid table filled row by row (each row's cells read once: python-docx's
    table.cell(r, c) rebuilds the whole grid on every call)."""
    columns = len(rows[0])
    table = document.add_table(rows=len(rows), cols=columns)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    rest = max(1, columns - 2)
    widths = [Mm(10), Mm(TEXT_WIDTH_MM - 10 - 28 * rest), *[Mm(28)] * rest][:columns]
    for column, width in zip(table.columns, widths, strict=False):
        column.width = width
    last = len(rows) - 1
    for r, (row, values) in enumerate(zip(table.rows, rows, strict=True)):
        bold = r == 0 or r == last
        for c, (cell, value) in enumerate(zip(row.cells, values, strict=True)):
            cell.width = widths[c]
            paragraph = cell.paragraphs[0]
            if r and c == 1:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
            elif r and c > 1:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            else:
                paragraph.alignment = CENTER
            _run(paragraph, value, bold=bold, size=12)
    _repeat_header_row(table.rows[0])  # the header row repeats on every page
    _para(document, space_after=6)


def _block(document, block: Block):
    if block.kind in ("heading1", "heading2", "heading3"):
        heading = _body_paragraph(
            document,
            block.text,
            bold=block.kind != "heading3",
            italic=block.kind == "heading3",
            indent=block.kind != "heading1",
        )
        heading.paragraph_format.keep_with_next = True  # never a heading alone at a page foot
    elif block.kind == "placeholder":
        _body_paragraph(document, block.text, italic=True, highlight=True)
    elif block.kind == "caption":
        caption = _para(document, block.text, align=CENTER, bold=True, size=13, space_after=6)
        caption.paragraph_format.keep_with_next = True  # a table's title stays with it
    elif block.kind == "note":
        _para(
            document,
            block.text,
            align=WD_ALIGN_PARAGRAPH.JUSTIFY,
            italic=True,
            size=12,
            space_after=12,
        )
    elif block.kind == "table" and block.rows:
        _table(document, block.rows)
    elif block.kind == "chart" and block.image:
        paragraph = _para(document, align=CENTER, space_after=6)
        paragraph.add_run().add_picture(io.BytesIO(block.image), width=Mm(160))
    else:
        _body_paragraph(document, block.text)


def _closing(document, content: ReportContent):
    _para(document, space_after=6)
    _table, cells = _layout_table(document, 1, 80)
    left, right = cells[0]
    label = left.paragraphs[0]
    _run(label, "Nơi nhận:", underline=True, size=14)
    recipients = [r.strip().rstrip(",.") for r in content.recipients if r.strip()]
    for index, recipient in enumerate(recipients):
        end = "." if index == len(recipients) - 1 else ","
        _para(left, f"- {recipient}{end}", size=12)
    _cell_text(right, content.signer_for, bold=True, size=14)
    _para(right, content.signer_title, align=CENTER, bold=True, size=14)
    for _ in range(4):
        _para(right)
    _para(right, content.signer_name, align=CENTER, bold=True, size=14)
    # Recipients and signature stay on one page.
    cant_split = OxmlElement("w:cantSplit")
    cant_split.set(qn("w:val"), "true")
    _table.rows[0]._tr.get_or_add_trPr().append(cant_split)


def _appendix(document, content: ReportContent):
    if not content.appendix:
        return
    title = _para(document, align=CENTER)
    title.add_run().add_break(WD_BREAK.PAGE)
    _run(title, content.appendix_title, bold=True, size=14)
    _para(document, content.appendix_note, align=CENTER, italic=True, size=14, space_after=12)
    for block in content.appendix:
        _block(document, block)


def _field(paragraph, instruction):
    run = paragraph.add_run()
    run.font.size = Pt(14)
    for kind, text in (("begin", None), (None, instruction), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


def _box(paragraph):
    borders = OxmlElement("w:pBdr")
    for edge in ("top", "left", "bottom", "right"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "single")
        element.set(qn("w:sz"), "6")
        element.set(qn("w:space"), "2")
        element.set(qn("w:color"), "auto")
        borders.append(element)
    paragraph._p.get_or_add_pPr().append(borders)


def _page_furniture(document, content: ReportContent):
    """The page number, centred at the top from page 2; “DỰ THẢO” on page 1 of a draft."""
    section = document.sections[0]
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = CENTER
    _field(paragraph, "PAGE")
    if content.draft:
        mark = section.first_page_header.paragraphs[0]
        mark.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        mark.paragraph_format.left_indent = Mm(TEXT_WIDTH_MM - 32)
        mark.paragraph_format.right_indent = Mm(0)
        _run(mark, "DỰ THẢO", bold=True, size=14)
        _box(mark)


def _properties(document, content: ReportContent, now: dt.datetime | None):
    now = (now or dt.datetime.now(dt.UTC)).replace(microsecond=0)
    properties = document.core_properties
    properties.title = f"{content.title} {content.subtitle}"
    properties.subject = content.subtitle
    properties.author = content.author or content.issuer
    properties.last_modified_by = content.author or content.issuer
    properties.created = now
    properties.modified = now
    properties.revision = 1
    properties.language = "vi-VN"
    properties.comments = ""
    properties.keywords = "báo cáo tổng kết"


def render(content: ReportContent, *, now: dt.datetime | None = None) -> bytes:
    document = Document()
    _page_and_styles(document)
    # python-docx's template starts with one empty paragraph; drop it so the header is first.
    for paragraph in list(document.paragraphs):
        paragraph._element.getparent().remove(paragraph._element)
    _header(document, content)
    for block in content.blocks:
        _block(document, block)
    _closing(document, content)
    _appendix(document, content)
    _page_furniture(document, content)
    _properties(document, content, now)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def read_text(data: bytes) -> str:
    """Every paragraph of the document, tables included, one per line (for tests)."""
    document = Document(io.BytesIO(data))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            seen = []
            for cell in row.cells:
                if cell._tc not in seen:
                    seen.append(cell._tc)
                    lines.append(cell.text)
    return "\n".join(lines)
