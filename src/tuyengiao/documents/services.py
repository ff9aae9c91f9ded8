"""Document verbs: register, edit, link, unlink. Rules live here, views stay thin."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import replace

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Count, Max
from django.db.models.functions import ExtractYear
from django.utils import timezone

from tuyengiao.core import audit
from tuyengiao.core.bounds import MIN_YEAR
from tuyengiao.core.errors import DomainError, NotAllowed
from tuyengiao.core.text import format_date, format_number
from tuyengiao.orgs import access

from . import numbers, uploads
from .choices import Classification, LinkKind
from .models import (
    Document,
    DocumentIssuer,
    DocumentLink,
    DocumentType,
    Issuer,
    is_cleared,
    level,
)

HIDDEN_IN_AUDIT = "(trích yếu văn bản mật — không ghi vào nhật ký)"

TITLE_MAX = 2000  # as the form and the model


def known_types() -> dict[str, str]:
    return dict(DocumentType.objects.values_list("code", "name"))


def known_issuers() -> dict[str, str]:
    return dict(Issuer.objects.values_list("code", "name"))


def parse(text: str) -> numbers.ParsedNumber:
    """Parse against the editable tables (an unknown code gives a warning, not an error)."""
    return numbers.parse_number(text, types=known_types(), issuers=known_issuers())


def parse_summary(text: str) -> dict:
    """What `documents parse --json` and the API print."""
    parsed = parse(text)
    return {
        "sequence": parsed.sequence,
        "sequence_text": parsed.sequence_text,
        "type": parsed.type_code,
        "type_name": known_types().get(parsed.type_code, ""),
        "issuers": list(parsed.issuers),
        "warnings": list(parsed.warnings),
    }


def find_duplicate(parsed, unit, signed_on: dt.date, exclude_pk=None) -> Document | None:
    """Numbering runs per type and issuer through a committee's term, not per year."""
    duplicates = Document.objects.filter(
        issuing_unit=unit,
        type_code=parsed.type_code,
        issuer_codes=parsed.issuer_codes,
        sequence=parsed.sequence,
        term_start_year=numbers.term_start_year(signed_on),
    )
    if exclude_pk:
        duplicates = duplicates.exclude(pk=exclude_pk)
    return duplicates.first()


def next_free_number(parsed, duplicate: Document) -> str:
    """The number after the highest one of the same type, issuer and term: 12-KH/QU."""
    highest = (
        Document.objects.filter(
            issuing_unit_id=duplicate.issuing_unit_id,
            type_code=parsed.type_code,
            issuer_codes=parsed.issuer_codes,
            term_start_year=duplicate.term_start_year,
        ).aggregate(m=Max("sequence"))["m"]
        or 0
    )
    width = len(parsed.sequence_text)
    return numbers.format_number(
        replace(parsed, sequence=highest + 1, sequence_text=f"{highest + 1:0{width}d}")
    )


def duplicate_message(parsed, duplicate: Document) -> str:
    return (
        f"Số, ký hiệu «{parsed.text}» đã được dùng cho văn bản ngày "
        f"{format_date(duplicate.signed_on)} của cùng đơn vị ban hành trong nhiệm kỳ "
        f"{duplicate.term_label}: số thứ tự chạy liên tục theo loại văn bản trong cả nhiệm kỳ. "
        f"Số tiếp theo còn trống: «{next_free_number(parsed, duplicate)}»."
    )


def check_may_change(actor, unit) -> None:
    if unit is None:
        if not actor.is_superuser:
            raise NotAllowed(
                "Chỉ quản trị hệ thống được ghi văn bản của cơ quan Trung ương (không thuộc "
                "cây đơn vị).",
                field="issuing_unit",
            )
    elif not access.can(actor, access.CHANGE, unit):
        raise NotAllowed(
            f"Bạn không có quyền ghi văn bản của đơn vị «{unit}».", field="issuing_unit"
        )


def title_problem(title: str) -> str | None:
    """What is wrong with a title, the same for the form, the import and the API."""
    if not title:
        return "Trích yếu không được để trống."
    if len(title) > TITLE_MAX:
        return (
            f"Trích yếu dài {format_number(len(title))} ký tự, "
            f"tối đa {format_number(TITLE_MAX)} ký tự."
        )
    return None


def date_problem(signed_on: dt.date | None) -> str | None:
    if signed_on is None:
        return "Ngày ban hành không được để trống."
    if signed_on > timezone.localdate():
        return f"Ngày ban hành {format_date(signed_on)} ở tương lai."
    if signed_on.year < MIN_YEAR:
        return f"Ngày ban hành {signed_on:%d/%m/}{signed_on.year:04d} trước năm {MIN_YEAR}."
    return None


def registration_problem(registered_on: dt.date, signed_on: dt.date) -> str | None:
    """A document is entered in the register on or after the day it was signed, not later
    than today."""
    if registered_on > timezone.localdate():
        return f"«Ngày vào sổ»: «{format_date(registered_on)}» — ngày ở tương lai."
    if registered_on < signed_on:
        return (
            f"«Ngày vào sổ»: «{format_date(registered_on)}» — trước ngày ban hành "
            f"{format_date(signed_on)}; văn bản chỉ vào sổ từ ngày ban hành trở đi."
        )
    return None


def _validate(
    parsed, *, title, signed_on, classification, unit, exclude_pk=None, registered_on=None
):
    problem = title_problem((title or "").strip())
    if problem:
        raise DomainError(problem, field="title")
    problem = date_problem(signed_on)
    if problem:
        raise DomainError(problem, field="signed_on")
    problem = registered_on and registration_problem(registered_on, signed_on)
    if problem:
        raise DomainError(problem, field="registered_on")
    if classification not in Classification.values:
        raise DomainError(f"Độ mật «{classification}» không hợp lệ.", field="classification")
    if unit is not None:
        # Numbers run per issuing unit: lock it so that two registrations of one number
        # cannot both pass the check (PostgreSQL; SQLite writes one transaction at a time).
        type(unit).objects.select_for_update().filter(pk=unit.pk).first()
    duplicate = find_duplicate(parsed, unit, signed_on, exclude_pk)
    if duplicate is not None:
        raise DomainError(duplicate_message(parsed, duplicate), field="number_text")


def apply_number(document: Document, parsed, types: dict | None = None) -> None:
    """Copy the parsed number onto the document; `types` (code → DocumentType) saves queries."""
    document.number_text = parsed.text
    document.sequence = parsed.sequence
    document.sequence_text = parsed.sequence_text
    document.type_code = parsed.type_code
    document.doc_type = (
        types.get(parsed.type_code)
        if types is not None
        else DocumentType.objects.filter(code=parsed.type_code).first()
    )
    document.issuer_codes = parsed.issuer_codes


def set_issuers(document: Document, parsed) -> None:
    DocumentIssuer.objects.filter(document=document).delete()
    known = {i.code: i for i in Issuer.objects.filter(code__in=parsed.issuers)}
    DocumentIssuer.objects.bulk_create(
        DocumentIssuer(document=document, issuer=known[code], position=index)
        for index, code in enumerate(parsed.issuers)
        if code in known
    )


def _attach(document: Document, upload) -> None:
    if document.is_classified:
        raise DomainError(
            "Văn bản có độ mật từ «Mật» trở lên chỉ lưu thông tin, không lưu tệp đính kèm.",
            field="file",
        )
    data, kind = uploads.check_attachment(upload)
    base = os.path.splitext(os.path.basename(upload.name))[0][:80] or "van-ban"
    document.file_name = f"{base}.{kind}"
    document.file.save(document.file_name, ContentFile(data), save=False)


@transaction.atomic
def register_document(
    *,
    actor,
    number_text: str,
    signed_on: dt.date,
    title: str,
    issuing_unit,
    classification: str = Classification.ORDINARY,
    file=None,
    illustrative: bool = False,
    registered_on: dt.date | None = None,
) -> tuple[Document, list[str]]:
    """Register a document; returns it with the parser's warnings (unknown type/issuer).
    `registered_on` (the day it entered the register) defaults to today."""
    check_may_change(actor, issuing_unit)
    parsed = parse(number_text)
    registered_on = registered_on or timezone.localdate()
    _validate(
        parsed,
        title=title,
        signed_on=signed_on,
        classification=classification,
        unit=issuing_unit,
        registered_on=registered_on,
    )
    document = Document(
        signed_on=signed_on,
        registered_on=registered_on,
        title=title.strip(),
        issuing_unit=issuing_unit,
        classification=classification,
        illustrative=illustrative,
    )
    apply_number(document, parsed)
    if file:
        _attach(document, file)
    document.save()
    set_issuers(document, parsed)
    audit.record(actor, "document.register", document, unit=issuing_unit)
    return document, list(parsed.warnings)


def _snapshot(document: Document) -> dict:
    """What the audit trail compares before and after an edit, as a person reads it."""
    return {
        "number_text": document.number_text,
        "signed_on": format_date(document.signed_on),
        "registered_on": format_date(document.registered_on),
        "classification": Classification(document.classification).label,
        "title": document.title,
        "file_name": document.file_name,
    }


def _check_clearance(document: Document, *, actor, title, classification, reason) -> str:
    """Without clearance: a classified title is not changed, a classification not lowered."""
    cleared = is_cleared(actor)  # SYSTEM (demo loader, data migrations) is cleared
    if title is None:
        title = document.title
    elif document.is_classified and not cleared and title.strip() != document.title:
        raise NotAllowed(
            f"Văn bản «{document.number_text}» có độ mật "
            f"«{Classification(document.classification).label}»: chỉ người được phép đọc văn "
            "bản mật mới được sửa trích yếu.",
            field="title",
        )
    if classification in Classification.values and level(classification) < level(
        document.classification
    ):
        old, new = (Classification(c).label for c in (document.classification, classification))
        if not cleared:
            raise NotAllowed(
                f"Độ mật «{new}»: chỉ người được phép đọc văn bản mật mới được hạ độ mật của "
                f"văn bản «{document.number_text}» (đang là «{old}»).",
                field="classification",
            )
        if not (reason or "").strip():
            raise DomainError(
                f"Lý do hạ độ mật: phải ghi lý do khi hạ độ mật từ «{old}» xuống «{new}».",
                field="lowering_reason",
            )
    return title


@transaction.atomic
def update_document(
    document: Document,
    *,
    actor,
    number_text: str,
    signed_on: dt.date,
    title: str | None,
    classification: str,
    file=None,
    remove_file: bool = False,
    reason: str = "",
    registered_on: dt.date | None = None,
) -> list[str]:
    """Edit a document. `title=None` keeps it (the form hides a title the actor may not read).

    The audit row keeps each changed field before and after; a classified title is never
    written there (the trail is read by people without clearance).
    """
    check_may_change(actor, document.issuing_unit)
    title = _check_clearance(
        document, actor=actor, title=title, classification=classification, reason=reason
    )
    parsed = parse(number_text)
    registered_on = registered_on or document.registered_on  # None keeps it
    if registered_on == document.signed_on < signed_on:
        # "Entered the day it was signed" (every backfilled, imported and demo row) stays so
        # when the signing date is corrected to a later day; the audit row shows both.
        registered_on = signed_on
    _validate(
        parsed,
        title=title,
        signed_on=signed_on,
        classification=classification,
        unit=document.issuing_unit,
        exclude_pk=document.pk,
        registered_on=registered_on,
    )
    before, was_classified = _snapshot(document), document.is_classified
    apply_number(document, parsed)
    document.signed_on = signed_on
    document.registered_on = registered_on
    document.title = title.strip()
    document.classification = classification
    if (remove_file or document.is_classified) and document.file:
        # A document raised to Mật keeps metadata only: its file goes.
        document.file.delete(save=False)
        document.file_name = ""
    if file:
        _attach(document, file)
    document.save()
    set_issuers(document, parsed)
    changes = audit.changes(before, _snapshot(document))
    if "title" in changes and (was_classified or document.is_classified):
        changes["title"] = {"before": HIDDEN_IN_AUDIT, "after": HIDDEN_IN_AUDIT}
    extra = {"reason": reason.strip()} if reason and reason.strip() else {}
    audit.record(
        actor, "document.update", document, unit=document.issuing_unit, changes=changes, **extra
    )
    return list(parsed.warnings)


@transaction.atomic
def link_documents(*, actor, source: Document, target: Document, kind: str) -> DocumentLink:
    """source `kind` target, e.g. 05-KH/QU implements 05-ĐA/TU."""
    check_may_change(actor, source.issuing_unit)
    if kind not in LinkKind.values:
        raise DomainError(f"Quan hệ «{kind}» không hợp lệ.", field="kind")
    if source.pk == target.pk:
        raise DomainError("Không thể liên kết một văn bản với chính nó.", field="target")
    if DocumentLink.objects.filter(source=source, target=target, kind=kind).exists():
        raise DomainError(
            f"Liên kết «{source} {LinkKind(kind).label} {target}» đã có.", field="target"
        )
    link = DocumentLink.objects.create(source=source, target=target, kind=kind)
    audit.record(
        actor,
        "document.link",
        source,
        unit=source.issuing_unit,
        target=target.number_text,
        kind=kind,
    )
    return link


@transaction.atomic
def unlink_documents(*, actor, link: DocumentLink) -> None:
    check_may_change(actor, link.source.issuing_unit)
    audit.record(
        actor,
        "document.unlink",
        link.source,
        unit=link.source.issuing_unit,
        target=link.target.number_text,
        kind=link.kind,
    )
    link.delete()


def issued_count(unit, year: int) -> int:
    """Documents the unit itself issued (signed) in the year."""
    return Document.objects.filter(issuing_unit=unit, signed_on__year=year).count()


def counts_by_year_and_type(documents) -> list[dict]:
    """[{"year": 2022, "type_code": "KH", "type_name": …, "count": 120}, …] in SQL."""
    rows = (
        documents.annotate(year=ExtractYear("signed_on"))
        .values("year", "type_code", "doc_type__name")
        .annotate(count=Count("id"))
        .order_by("-year", "type_code")
    )
    return [
        {
            "year": row["year"],
            "type_code": row["type_code"],
            "type_name": row["doc_type__name"] or "",
            "count": row["count"],
        }
        for row in rows
    ]


def counts_by_year(documents, own=None) -> list[dict]:
    """Per year: count, and with `own` (a Q on the issuing unit) how many the user's own units
    issued and how many came from higher bodies (the register holds both: 671 = 667 + 4)."""
    extra = {"own": Count("id", filter=own)} if own is not None else {}
    rows = list(
        documents.annotate(year=ExtractYear("signed_on"))
        .values("year")
        .annotate(count=Count("id"), **extra)
        .order_by("-year")
    )
    for row in rows:
        if own is not None:
            row["higher"] = row["count"] - row["own"]
    return rows
