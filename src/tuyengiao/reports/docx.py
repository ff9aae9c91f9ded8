"""Lay a ReportContent out as a Party document (HD 36-HD/VPTW) with python-docx.

A4; margins top 20, bottom 20, left 30, right 15 mm; Times New Roman 14 for the body, set
for the East Asian and complex scripts as well, or Word falls back to another font for
Vietnamese letters it classes differently. Header and signature blocks are borderless
tables, the way Party offices lay them out in Word.
"""

from __future__ import annotations

import io

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from .content import Block, ReportContent

FONT = "Times New Roman"
TEXT_WIDTH_MM = 210 - 30 - 15


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


def _two_columns(document, left_mm):
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _no_borders(table)
    widths = (Mm(left_mm), Mm(TEXT_WIDTH_MM - left_mm))
    for column, cell, width in zip(table.columns, table.rows[0].cells, widths, strict=True):
        column.width = width  # the grid: LibreOffice lays out by it, Word by the cells
        cell.width = width
    return table.rows[0].cells


def _first_paragraph(cell, text, **options):
    paragraph = cell.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(paragraph, text, **options)
    return paragraph


def _header(document, content: ReportContent):
    left, right = _two_columns(document, 88)
    _first_paragraph(left, content.superior, size=13)
    _para(left, content.issuer, align=WD_ALIGN_PARAGRAPH.CENTER, bold=True, size=14)
    _para(left, "*", align=WD_ALIGN_PARAGRAPH.CENTER)
    _para(left, content.number_line, align=WD_ALIGN_PARAGRAPH.CENTER)
    _first_paragraph(right, "ĐẢNG CỘNG SẢN VIỆT NAM", bold=True, underline=True, size=14)
    date = _para(right, content.place_date, align=WD_ALIGN_PARAGRAPH.CENTER, italic=True)
    date.paragraph_format.space_before = Pt(8)
    _para(document, space_after=6)
    _para(document, content.title, align=WD_ALIGN_PARAGRAPH.CENTER, bold=True, size=16)
    _para(document, content.subtitle, align=WD_ALIGN_PARAGRAPH.CENTER, bold=True)
    _para(document, "-----", align=WD_ALIGN_PARAGRAPH.CENTER, space_after=12)


def _body_paragraph(document, text, *, indent=True, **run_options):
    paragraph = _para(document, align=WD_ALIGN_PARAGRAPH.JUSTIFY, space_after=6)
    fmt = paragraph.paragraph_format
    fmt.first_line_indent = Mm(10) if indent else None
    fmt.line_spacing = 1.2
    _run(paragraph, text, **run_options)
    return paragraph


def _table(document, rows: list[list[str]]):
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    widths = [Mm(10), Mm(83), *[Mm(72 / max(1, len(rows[0]) - 2))] * (len(rows[0]) - 2)]
    for r, row in enumerate(rows):
        header_or_total = r == 0 or r == len(rows) - 1
        for column, width in zip(table.columns, widths, strict=False):
            column.width = width
        for c, value in enumerate(row):
            cell = table.cell(r, c)
            cell.width = widths[c] if c < len(widths) else Mm(20)
            paragraph = cell.paragraphs[0]
            paragraph.alignment = (
                WD_ALIGN_PARAGRAPH.LEFT if c == 1 and r else WD_ALIGN_PARAGRAPH.CENTER
            )
            if c > 1 and r:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            _run(paragraph, value, bold=header_or_total, size=12)
    # The header row repeats on every page the table runs over.
    header = table.rows[0]._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    header.append(repeat)
    _para(document, space_after=6)


def _block(document, block: Block):
    if block.kind in ("heading1", "heading2"):
        heading = _body_paragraph(document, block.text, bold=True, indent=block.kind == "heading2")
        heading.paragraph_format.keep_with_next = True  # never a heading alone at a page foot
    elif block.kind == "placeholder":
        _body_paragraph(document, block.text, italic=True, highlight=True)
    elif block.kind == "caption":
        caption = _para(document, block.text, align=WD_ALIGN_PARAGRAPH.CENTER, italic=True,
                        size=12, space_after=6)  # fmt: skip
        caption.paragraph_format.keep_with_next = True  # a table's title stays with it
    elif block.kind == "table" and block.rows:
        _table(document, block.rows)
    elif block.kind == "chart" and block.image:
        paragraph = _para(document, align=WD_ALIGN_PARAGRAPH.CENTER)
        paragraph.add_run().add_picture(io.BytesIO(block.image), width=Mm(150))
    else:
        _body_paragraph(document, block.text)


def _closing(document, content: ReportContent):
    _para(document, space_after=6)
    left, right = _two_columns(document, 80)
    label = left.paragraphs[0]
    _run(label, "Nơi nhận:", bold=True, italic=True, size=12)
    for recipient in content.recipients:
        _para(left, f"- {recipient},", size=12)
    last = left.paragraphs[-1]
    if last.runs:
        last.runs[0].text = last.runs[0].text.rstrip(",") + "."
    _first_paragraph(right, content.signer_for, bold=True)
    _para(right, content.signer_title, align=WD_ALIGN_PARAGRAPH.CENTER, bold=True)
    for _ in range(4):
        _para(right)
    _para(right, content.signer_name, align=WD_ALIGN_PARAGRAPH.CENTER, bold=True)
    # Recipients and signature stay on one page, and with the last lines of the body.
    row = left._tc.getparent()
    cant_split = OxmlElement("w:cantSplit")
    cant_split.set(qn("w:val"), "true")
    row.get_or_add_trPr().append(cant_split)


def _page_numbers(document):
    """The page number, centred in the header, from page 2 on (page 1 carries the header)."""
    section = document.sections[0]
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


def render(content: ReportContent) -> bytes:
    document = Document()
    _page_and_styles(document)
    # python-docx's template starts with one empty paragraph; drop it so the header is first.
    for paragraph in list(document.paragraphs):
        paragraph._element.getparent().remove(paragraph._element)
    _header(document, content)
    for block in content.blocks:
        _block(document, block)
    _closing(document, content)
    _page_numbers(document)
    document.core_properties.title = f"{content.title} {content.subtitle}"
    document.core_properties.language = "vi-VN"
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
