import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from tuyengiao.documents.models import Document

SECRET_TITLE = "Báo cáo công tác bảo vệ bí mật nhà nước năm 2022"


@pytest.fixture
def document():
    """Return a demo document by its number, e.g. document("05-KH/QU")."""

    def get(number):
        return Document.objects.get(number_text=number)

    return get


@pytest.fixture
def secret(document):
    return document("12-BC/QU")


@pytest.fixture
def ward_document(document):
    """A document of Đảng ủy phường Bến Nghé: hidden from the sibling ward Bến Thành."""
    return document("14-KH/ĐU")


def pdf_file(name="ke-hoach.pdf"):
    return SimpleUploadedFile(name, b"%PDF-1.4\n%test\n1 0 obj<<>>endobj\n%%EOF\n")


def xlsx_bytes(rows):
    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def upload(name, data):
    return SimpleUploadedFile(name, data)
