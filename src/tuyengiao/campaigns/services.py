"""Campaign verbs. Creating a campaign assigns its form to the target units in one step."""

from __future__ import annotations

import datetime as dt
import re

from django.db import transaction

from tuyengiao.core import access, audit
from tuyengiao.core.errors import DomainError, PermissionDenied
from tuyengiao.core.text import format_date
from tuyengiao.orgs.choices import UnitKind
from tuyengiao.reporting import services as reporting

from .models import StudyCampaign

CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$")


def _check(actor, unit, what: str) -> None:
    if actor is not None and not access.can(actor, access.CHANGE, unit):
        raise PermissionDenied(f"Bạn không có quyền {what} «{unit}».", field="target_unit")


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
    period,
    documents=(),
    target_kind: str = UnitKind.GRASSROOTS,
    illustrative: bool = False,
) -> tuple[StudyCampaign, int]:
    """Create the campaign and assign `form` for `period` to the target units (returns the
    campaign and the number of new assignments)."""
    _check(actor, organising_unit, "mở đợt học tập cho")
    _check(actor, target_unit, "giao báo cáo cho")
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
    if not target_unit.path.startswith(organising_unit.path):
        raise DomainError(
            f"Đơn vị «{target_unit}» không thuộc đơn vị tổ chức «{organising_unit}».",
            field="target_unit",
        )
    campaign = StudyCampaign.objects.create(
        code=code,
        name=name.strip(),
        organising_unit=organising_unit,
        target_unit=target_unit,
        target_kind=target_kind,
        starts_on=starts_on,
        ends_on=ends_on,
        form=form,
        period=period,
        illustrative=illustrative,
    )
    campaign.documents.set(documents)
    # The reporting engine checks the form's period type and the actor's right.
    assigned = reporting.assign_form(
        form, target_unit, period, actor=actor, kind=target_kind or None
    )
    audit.record(
        actor, "campaign.create", campaign, unit=organising_unit, form=form.code,
        period=period.code, assigned=assigned, documents=[d.number_text for d in documents],
    )  # fmt: skip
    return campaign, assigned


def expected_count(campaign: StudyCampaign) -> int:
    return reporting.expected_units(campaign.form, campaign.target_unit, campaign.period).count()


def root_for(user, campaign: StudyCampaign, code: str | None = None):
    """The unit whose figures `user` sees: `code` if given, else the target unit, else the
    user's own unit inside the target subtree; None when the user may see none of them."""
    from tuyengiao.orgs.models import OrgUnit

    visible = OrgUnit.objects.visible_to(user).subtree_of(campaign.target_unit)
    if code:
        return visible.filter(code=code).first()
    root = visible.filter(pk=campaign.target_unit_id).first()
    return root or visible.order_by("depth", "sort_name").first()
