"""Campaign verbs. A campaign is its own collection (ADR 0007): creating one opens a period
of type "campaign" whose code is the campaign's code, and assigns the form for that period
to the target units in one step. Two campaigns never share a submission."""

from __future__ import annotations

import datetime as dt
import re

from django.db import transaction

from tuyengiao.core import audit
from tuyengiao.core.errors import DomainError
from tuyengiao.core.text import format_date
from tuyengiao.orgs import access
from tuyengiao.orgs.choices import UnitKind
from tuyengiao.reporting import services as reporting

from .models import StudyCampaign

CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$")
NO_ORGANISE = "Bạn không có quyền mở đợt học tập cho «{unit}»."
NO_TARGET = "Bạn không có quyền giao báo cáo cho «{unit}»."
NUMBER_SEPARATORS = re.compile(r"[,;\n]+")


@transaction.atomic
def create_campaign(
    *,
    actor,
    code: str,
    name: str,
    organising_unit,
    target_unit,
    starts_on: dt.date,
    ends_on: dt.date,
    form,
    period=None,
    documents=(),
    target_kind: str = UnitKind.GRASSROOTS,
    units=None,
    deadline: dt.date | None = None,
    illustrative: bool = False,
    document_numbers: str = "",
) -> tuple[StudyCampaign, int]:
    """Create the campaign with its own period (`period`, the calendar period it reports
    on, is recorded in the audit trail only) and assign `form` for it to the target units:
    those of `target_kind` in the target subtree, or the `units` chosen one by one.
    The documents studied are `documents`, and those whose numbers are typed in
    `document_numbers` (see `documents_numbered`). Nothing is kept when any step fails.
    Returns the campaign and the number of assignments."""
    if document_numbers:
        documents = [*documents, *documents_numbered(document_numbers, actor=actor)]
    access.require(actor, access.CHANGE, organising_unit, NO_ORGANISE, field="target_unit")
    access.require(actor, access.CHANGE, target_unit, NO_TARGET, field="target_unit")
    code = (code or "").strip()
    if not CODE.match(code):
        raise DomainError(
            f"Mã đợt «{code}» chỉ gồm chữ không dấu, chữ số, «-», «_» hoặc «.», tối đa 40 ký tự.",
            field="code",
        )
    if StudyCampaign.objects.filter(code=code).exists():
        raise DomainError(f"Mã đợt «{code}» đã được dùng.", field="code")
    if not (name or "").strip():
        raise DomainError("Tên đợt học tập không được để trống.", field="name")
    if ends_on < starts_on:
        raise DomainError(
            f"Ngày kết thúc {format_date(ends_on)} trước ngày bắt đầu {format_date(starts_on)}.",
            field="ends_on",
        )
    if not organising_unit.contains(target_unit):
        raise DomainError(
            f"Đơn vị «{target_unit}» không thuộc đơn vị tổ chức «{organising_unit}».",
            field="target_unit",
        )
    own = reporting.create_campaign_period(
        code, name.strip()[:255], starts_on, ends_on, actor=actor
    )
    if own.assignments.exists():
        raise DomainError(f"Mã đợt «{code}» đã được dùng.", field="code")
    campaign = StudyCampaign.objects.create(
        code=code,
        name=name.strip(),
        organising_unit=organising_unit,
        target_unit=target_unit,
        target_kind=target_kind,
        starts_on=starts_on,
        ends_on=ends_on,
        form=form,
        period=own,
        illustrative=illustrative,
    )
    campaign.documents.set(documents)
    # The reporting engine checks the actor's right and that chosen units are in the subtree.
    assigned = reporting.assign_form(
        form,
        target_unit,
        own,
        actor=actor,
        kind=target_kind or None,
        units=units,
        deadline=deadline,
    )
    if not assigned:
        raise DomainError(
            f"Không có đơn vị nào để giao trong «{target_unit}» vào ngày {format_date(ends_on)}.",
            field="target_unit",
        )
    audit.record(
        actor,
        "campaign.create",
        campaign,
        unit=organising_unit,
        form=form.code,
        period=period.code if period else own.code,
        assigned=assigned,
        documents=[d.number_text for d in documents],
    )
    return campaign, assigned


def documents_numbered(text: str, *, actor) -> list:
    """The documents whose numbers are typed in `text` (separated by commas, semicolons or
    lines), looked up in the register as `actor` may see it. An unreadable number or one
    not found raises a DomainError on the field "documents"."""
    from tuyengiao.documents import services as documents
    from tuyengiao.documents.models import Document

    found, missing = [], []
    for number in filter(None, (n.strip() for n in NUMBER_SEPARATORS.split(text or ""))):
        try:
            parsed = documents.parse(number)
        except DomainError as exc:
            raise DomainError(exc.message, field="documents") from exc
        match = Document.objects.visible_to(actor).filter(number_text=parsed.text).first()
        (found.append(match) if match else missing.append(parsed.text))
    if missing:
        raise DomainError(
            f"Không tìm thấy văn bản {', '.join(missing)} trong sổ văn bản bạn xem được.",
            field="documents",
        )
    return found


@transaction.atomic
def open_campaign(*, actor, code: str, form, period, name: str, unit, **options):
    """`campaigns open`: create the campaign over `period`'s dates unless it exists.
    Opening the same code again changes nothing; a different form is refused."""
    existing = StudyCampaign.objects.filter(code=(code or "").strip()).first()
    if existing is not None:
        if existing.form_id != form.pk:
            raise DomainError(
                f"Mã đợt «{code}» đã dùng cho biểu mẫu «{existing.form.code}».", field="code"
            )
        return existing, 0
    return create_campaign(
        actor=actor,
        code=code,
        name=name,
        organising_unit=unit,
        target_unit=unit,
        starts_on=period.start,
        ends_on=period.end,
        form=form,
        period=period,
        **options,
    )


def counts(campaign: StudyCampaign) -> dict:
    """{"code", "form", "period", "expected", "submitted", "approved"} over the target unit."""
    from tuyengiao.reporting.rollup import completeness

    c = completeness(campaign.form, campaign.target_unit, campaign.period)
    return {
        "code": campaign.code,
        "form": campaign.form.code,
        "period": campaign.period.code,
        "expected": c.expected,
        "submitted": c.submitted,
        "approved": c.approved,
    }


def root_for(user, campaign: StudyCampaign, code: str | None = None):
    """The unit whose figures `user` sees: `code` if given, else the target unit, else the
    user's own unit inside the target subtree; None when the user may see none of them."""
    from tuyengiao.orgs.models import OrgUnit

    visible = OrgUnit.objects.visible_to(user).subtree_of(campaign.target_unit)
    if code:
        return visible.filter(code=code).first()
    root = visible.filter(pk=campaign.target_unit_id).first()
    return root or visible.order_by("depth", "sort_name").first()


def describe_collection(form, period, user) -> dict | None:
    """For the reporting pages: the campaign that owns this collection and the documents
    it studies (titles as the user may read them)."""
    from tuyengiao.documents.models import Document

    campaign = StudyCampaign.objects.filter(form=form, period=period).first()
    if campaign is None:
        return None
    documents = (
        Document.objects.visible_to(user)
        .with_titles_for(user)
        .filter(pk__in=campaign.documents.values("pk"))
        .order_by("signed_on")
    )
    return {
        "template": "campaigns/_collection.html",
        "context": {"campaign": campaign, "documents": list(documents)},
    }


def preview_units(target_unit, on: dt.date, *, kind=None, units=None) -> dict:
    """{"count", "names"}: the units a campaign would be assigned to, before saving."""
    from tuyengiao.orgs.models import OrgUnit

    chosen = OrgUnit.objects.filter(access.subtree_q(target_unit.path, "")).valid_on(on)
    if units is not None:
        chosen = chosen.filter(pk__in=[u.pk for u in units])
    elif kind:
        chosen = chosen.filter(kind=kind)
    names = list(chosen.vi_ordered().values_list("name", flat=True))
    outside = len(units) - len(names) if units is not None else 0
    return {
        "count": len(names),
        "names": names[:30],
        "more": max(0, len(names) - 30),
        "outside": outside,
    }
