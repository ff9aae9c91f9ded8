"""The register as .xlsx, in the columns the import reads back."""

from __future__ import annotations

from tuyengiao.core.xlsx import workbook_bytes

from .models import Classification

HIDDEN_TITLE = "(Văn bản mật — trích yếu không hiển thị)"
CLASSIFICATION_VI = {
    Classification.ORDINARY: "Thường",
    Classification.CONFIDENTIAL: "Mật",
    Classification.SECRET: "Tối mật",
    Classification.TOP_SECRET: "Tuyệt mật",
}
COLUMNS = [
    ("Số, ký hiệu", 16),
    ("Ngày ban hành", 14),
    ("Trích yếu", 70),
    ("Loại", 16),
    ("Độ mật", 10),
    ("Đơn vị ban hành", 30),
    ("Dữ liệu minh họa", 10),
]


def register_xlsx(documents) -> bytes:
    """`documents` must carry `shown_title` (DocumentQuerySet.with_titles_for)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = "Sổ văn bản"
    sheet.append([name for name, _ in COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for index, (_, width) in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    for document in documents.select_related("doc_type", "issuing_unit").iterator():
        sheet.append(
            [
                document.number_text,
                document.signed_on,
                document.shown_title or HIDDEN_TITLE,
                document.doc_type.name if document.doc_type else document.type_code,
                CLASSIFICATION_VI[document.classification],
                document.issuing_unit.name if document.issuing_unit else "Trung ương",
                "x" if document.illustrative else "",
            ]
        )
        sheet.cell(sheet.max_row, 2).number_format = "dd/mm/yyyy"
    sheet.freeze_panes = "A2"
    return workbook_bytes(book)
