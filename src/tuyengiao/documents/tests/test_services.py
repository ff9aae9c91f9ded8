import datetime as dt

import pytest

from tuyengiao.core.errors import DomainError, NotAllowed
from tuyengiao.documents import services
from tuyengiao.documents.choices import Classification, LinkKind
from tuyengiao.documents.models import Document, DocumentIssuer, DocumentLink
from tuyengiao.orgs.models import OrgUnit

from .conftest import pdf_file, upload

pytestmark = pytest.mark.django_db


def register(actor, unit, number="900-KH/QU", signed_on=dt.date(2022, 6, 1), **extra):
    return services.register_document(
        actor=actor,
        number_text=number,
        signed_on=signed_on,
        title=extra.pop("title", "Kế hoạch tuyên truyền thử nghiệm"),
        issuing_unit=unit,
        **extra,
    )


def test_the_demo_district_issued_667_documents_in_2022(district):
    assert services.issued_count(district, 2022) == 667


def test_registering_keeps_the_number_as_written_and_its_joint_issuers(specialist, district):
    document, warnings = register(specialist, district, "05-QC/BTCTU-BDVTU")

    assert document.number_text == "05-QC/BTCTU-BDVTU"
    assert (document.sequence, document.sequence_text, document.type_code) == (5, "05", "QC")
    links = DocumentIssuer.objects.filter(document=document).order_by("position")
    assert [link.issuer.code for link in links] == ["BTCTU", "BDVTU"]
    assert document.term_start_year == 2020
    assert warnings == []


def test_an_unknown_issuer_is_registered_with_a_warning(specialist, district):
    document, warnings = register(specialist, district, "03-KH/XYZQU")

    assert document.pk and document.issuer_codes == "XYZQU"
    assert "«XYZQU» chưa có trong danh mục" in warnings[0]


def test_a_duplicate_number_in_the_same_term_is_an_error_even_in_another_year(specialist, district):
    with pytest.raises(DomainError) as error:
        register(specialist, district, "5-KH/QU", signed_on=dt.date(2023, 2, 1))

    assert "«5-KH/QU» đã được dùng" in error.value.message
    assert "nhiệm kỳ 2020–2025" in error.value.message


def test_the_same_number_in_the_next_term_or_another_unit_is_allowed(specialist, district):
    ward = OrgUnit.objects.get(code="DU-BEN-NGHE")

    register(specialist, district, "05-KH/QU", signed_on=dt.date(2025, 8, 1))
    register(specialist, ward, "05-KH/QU", signed_on=dt.date(2022, 3, 1))

    assert Document.objects.filter(number_text="05-KH/QU").count() == 3


def test_a_reporter_cannot_register_documents(reporter):
    ward = OrgUnit.objects.get(code="DU-BEN-NGHE")

    with pytest.raises(NotAllowed):
        register(reporter, ward)


def test_a_classified_document_keeps_no_file(specialist, district):
    with pytest.raises(DomainError) as error:
        register(specialist, district, classification=Classification.CONFIDENTIAL, file=pdf_file())

    assert "không lưu tệp" in error.value.message
    assert not Document.objects.filter(number_text="900-KH/QU").exists()


@pytest.mark.parametrize(
    ("name", "data", "says"),
    [
        ("ke-hoach.pdf", b"MZ\x90\x00 not a pdf", "không phải PDF hoặc Word"),
        ("ke-hoach.docx", b"PK\x03\x04 broken zip", "không phải PDF hoặc Word"),
        ("ke-hoach.pdf", b"", "trống"),
    ],
)
def test_an_attachment_is_checked_by_its_content(specialist, district, name, data, says):
    with pytest.raises(DomainError) as error:
        register(specialist, district, file=upload(name, data))

    assert says in error.value.message


def test_an_oversized_attachment_is_refused(specialist, district, settings):
    settings.MAX_UPLOAD_MB = 1
    big = upload("big.pdf", b"%PDF-1.4\n" + b"0" * (1024 * 1024 + 10))

    with pytest.raises(DomainError) as error:
        register(specialist, district, file=big)

    assert "vượt giới hạn 1 MB" in error.value.message


def test_a_pdf_attachment_is_stored(specialist, district):
    document, _ = register(specialist, district, file=pdf_file())

    assert document.file_name == "ke-hoach.pdf"
    assert document.file.read().startswith(b"%PDF")


def test_raising_a_document_to_secret_deletes_its_file(specialist, district):
    document, _ = register(specialist, district, file=pdf_file())

    services.update_document(
        document,
        actor=specialist,
        number_text=document.number_text,
        signed_on=document.signed_on,
        title=document.title,
        classification=Classification.SECRET,
    )

    document.refresh_from_db()
    assert not document.file and document.file_name == ""


def test_linking_twice_or_to_itself_is_refused(specialist, document):
    plan, project = document("05-KH/QU"), document("05-ĐA/TU")

    with pytest.raises(DomainError, match="đã có"):
        services.link_documents(
            actor=specialist, source=plan, target=project, kind=LinkKind.IMPLEMENTS
        )
    with pytest.raises(DomainError, match="chính nó"):
        services.link_documents(actor=specialist, source=plan, target=plan, kind=LinkKind.GUIDES)
    assert DocumentLink.objects.filter(source=plan).count() == 1


def _zip(names):
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            archive.writestr(name, "<x/>")
    return buffer.getvalue()


def test_a_word_file_is_recognised_by_its_content_not_its_name(specialist, district):
    document, _ = register(
        specialist, district, file=upload("Kế hoạch.bin", _zip(["word/document.xml"]))
    )

    assert document.file_name == "Kế hoạch.docx"


def test_a_workbook_renamed_docx_is_refused(specialist, district):
    with pytest.raises(DomainError, match="không phải PDF hoặc Word"):
        register(specialist, district, file=upload("ke-hoach.docx", _zip(["xl/workbook.xml"])))


def test_a_duplicate_number_suggests_the_next_free_one(specialist, district):
    # given 900-KH/QU and 901-KH/QU in the term
    register(specialist, district, number="900-KH/QU")
    register(specialist, district, number="901-KH/QU")
    # when 900 is typed again
    with pytest.raises(DomainError) as error:
        register(specialist, district, number="900-KH/QU", signed_on=dt.date(2023, 3, 1))
    # then the message offers the number after the highest of the term
    assert error.value.message.endswith("Số tiếp theo còn trống: «902-KH/QU».")
