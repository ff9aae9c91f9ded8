"""Demo reporting data: the form HT-NQ and an open 2023 round for the status board. The
seed's 2022 figures belong to the 2022 study campaign's own collection (ADR 0007): the
campaigns demo opens it and fills it with `fill_approved`.

The seed gives only District 1's totals (8.021 members, 6.970 required to study, 6.513
attended, 4.608 non-members, 51/51 organisations). Per-unit figures are illustrative:
spread deterministically (fixed seed) so that they add up exactly and keep every rule.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from tuyengiao.core.actors import is_system
from tuyengiao.core.models import AuditEvent
from tuyengiao.orgs.choices import UnitKind
from tuyengiao.orgs.models import OrgUnit

from . import review, services, totals
from .choices import Aggregation, FieldType, Operator, PeriodType, Rounding, Severity
from .models import Assignment, Field, Form, Indicator, Submission, ValidationRule, ValueChange

FORM_CODE = "HT-NQ"
DISTRICT = "QU-Q1"
SEED_2022 = {
    "members_total": 8021,
    "members_required": 6970,
    "members_attended": 6513,
    "non_members_attended": 4608,
}
FIELDS = [
    (
        "members_total",
        "Tổng số đảng viên",
        "Đảng viên của tổ chức cơ sở đảng tại thời điểm báo cáo.",
    ),
    (
        "members_required",
        "Số đảng viên phải học tập",
        "Trừ đảng viên được miễn sinh hoạt, ốm đau, đi công tác dài ngày.",
    ),
    ("members_attended", "Số đảng viên tham gia học tập", "Đảng viên đã dự học tập, quán triệt."),
    (
        "non_members_attended",
        "Số quần chúng, đoàn viên, hội viên tham gia",
        "Quần chúng, đoàn viên, hội viên dự học tập.",
    ),
]
RULES = [
    (
        "members_attended",
        Operator.LE,
        "members_required",
        "«{left_label}» ({left}) lớn hơn «{right_label}» ({right}).",
    ),
    (
        "members_required",
        Operator.LE,
        "members_total",
        "«{left_label}» ({left}) lớn hơn «{right_label}» ({right}).",
    ),
]
DESCRIPTION = (
    "Kết quả học tập, quán triệt nghị quyết của các tổ chức cơ sở đảng. "
    "Số liệu năm 2022 của từng đơn vị là số liệu minh họa: nguồn (báo cáo Hội nghị tổng kết "
    "công tác tuyên giáo năm 2022 của Quận ủy Quận 1) chỉ nêu tổng số toàn quận "
    "(8.021 / 6.970 / 6.513 đảng viên, 4.608 quần chúng, 51/51 tổ chức cơ sở đảng); "
    "số liệu năm 2023 là minh họa."
)


def ensure_form() -> Form:
    form, _ = Form.objects.get_or_create(
        code=FORM_CODE,
        defaults={
            "name": "Học tập, quán triệt nghị quyết",
            "period_type": PeriodType.YEAR,
            "deadline_days": 15,
            "approval_required": True,
            "description": DESCRIPTION,
            "owner": OrgUnit.objects.filter(code=DISTRICT).first(),  # Quận ủy's own form
        },
    )
    for order, (code, label, help_text) in enumerate(FIELDS, start=1):
        Field.objects.get_or_create(
            form=form,
            code=code,
            defaults={
                "label": label,
                "help": help_text,
                "type": FieldType.INTEGER,
                "required": True,
                "min_value": Decimal(0),
                "aggregation": Aggregation.SUM,
                "order": order,
            },
        )
    if not form.rules.exists():
        for order, (left, operator, right, message) in enumerate(RULES, start=1):
            ValidationRule.objects.create(
                form=form,
                left=left,
                operator=operator,
                right=right,
                severity=Severity.ERROR,
                message=message,
                order=order,
            )
    Indicator.objects.get_or_create(
        form=form,
        code="participation_rate",
        defaults={
            "name": "Tỷ lệ đảng viên tham gia học tập",
            "numerator": "members_attended",
            "denominator": "members_required",
            "factor": Decimal(100),
            "decimals": 2,
            "rounding": Rounding.TRUNCATE,
        },
    )
    return form


def allocate(total: int, weights: list[float], caps: list[int] | None = None) -> list[int]:
    """Split `total` into integers proportional to `weights` (largest remainder), none above
    its cap; the sum is exactly `total`."""
    scale = total / sum(weights)
    shares = [w * scale for w in weights]
    parts = [int(s) for s in shares]
    order = sorted(range(len(shares)), key=lambda i: (parts[i] - shares[i], i))
    for i in order[: total - sum(parts)]:
        parts[i] += 1
    if caps:
        excess = sum(max(0, p - c) for p, c in zip(parts, caps, strict=True))
        parts = [min(p, c) for p, c in zip(parts, caps, strict=True)]
        for i in sorted(range(len(parts)), key=lambda i: parts[i] - caps[i]):
            room = min(caps[i] - parts[i], excess)
            parts[i] += room
            excess -= room
    return parts


def spread(units: list[OrgUnit], totals: dict[str, int], seed: int) -> dict[str, dict]:
    """Per-unit figures summing exactly to `totals`, wards larger than offices and schools."""
    rng = random.Random(seed)
    size = [
        (rng.uniform(3.0, 5.0) if u.code.startswith("DU-") else rng.uniform(0.5, 1.6))
        for u in units
    ]
    total = allocate(totals["members_total"], size)
    required = allocate(
        totals["members_required"], [t * rng.uniform(0.8, 0.95) for t in total], total
    )
    attended = allocate(
        totals["members_attended"], [r * rng.uniform(0.88, 1.0) for r in required], required
    )
    non_members = allocate(
        totals["non_members_attended"], [s * rng.uniform(0.4, 1.2) for s in size]
    )
    return {
        unit.code: {
            "members_total": total[i],
            "members_required": required[i],
            "members_attended": attended[i],
            "non_members_attended": non_members[i],
        }
        for i, unit in enumerate(units)
    }


def _actors(actor):
    User = get_user_model()
    real_superuser = not is_system(actor) and getattr(actor, "is_superuser", False)
    admin = actor if real_superuser else User.objects.get(username="admin")
    approver = User.objects.filter(username="lanhdao").first() or admin
    return admin, approver


@transaction.atomic
def load(*, actor):
    form = ensure_form()
    district = OrgUnit.objects.get(code=DISTRICT)
    reporter, approver = _actors(actor)
    _year_2023(form, district, reporter, approver)


def _grassroots(form, district, period, reporter):
    services.assign_form(form, district, period, actor=reporter, kind=UnitKind.GRASSROOTS)
    units = OrgUnit.objects.filter(
        pk__in=Assignment.objects.filter(form=form, period=period).values("unit_id")
    )
    return sorted(units, key=lambda u: u.code)


def fill_approved(form, district, period, *, actor, totals=SEED_2022, seed=2022):
    """Every unit assigned `form` for `period` (a campaign's own period) reports and is
    approved, the figures summing exactly to `totals` (the seed's 2022 figures by default)."""
    reporter, approver = _actors(actor)
    units = _grassroots(form, district, period, reporter)
    if Submission.objects.filter(form=form, period=period).exists():
        return
    per_unit = spread(units, totals, seed=seed)
    services.save_many(
        form, period, {u: per_unit[u.code] for u in units}, actor=reporter, submit=True
    )
    review.approve_all_valid(form, district, period, actor=approver)
    _backdate(form, period)


# 2023: illustrative, still open. Bến Nghé has not started, so the browser journey can
# fill it in; the others are spread over every status the board shows.
TOTALS_2023 = {
    "members_total": 8146,
    "members_required": 7054,
    "members_attended": 6702,
    "non_members_attended": 4951,
}
NOT_STARTED_2023 = {"DU-BEN-NGHE", "DU-CAU-KHO", "CS-Q1-007", "CS-Q1-019", "CS-Q1-033"}
DRAFT_2023 = {"DU-BEN-THANH", "CS-Q1-011", "CS-Q1-025", "CS-Q1-038"}
SUBMITTED_2023 = {"DU-DA-KAO", "DU-TAN-DINH", "CS-Q1-002", "CS-Q1-015", "CS-Q1-029", "CS-Q1-040"}
RETURNED_2023 = {"CS-Q1-021": "Số đảng viên phải học tập chưa trừ đảng viên miễn sinh hoạt."}


def _year_2023(form, district, reporter, approver):
    fill_mixed(form, district, services.get_or_create_period("2023"), actor=reporter)


def fill_mixed(
    form,
    district,
    period,
    *,
    actor,
    totals=TOTALS_2023,
    seed=2023,
    approver=None,
    not_started=NOT_STARTED_2023,
    drafts=DRAFT_2023,
    submitted=SUBMITTED_2023,
    returned=RETURNED_2023,
    late=None,
    jumps=None,
):
    """An open round: Bến Nghé and a few others not started, the rest spread over every
    status the board shows."""
    reporter, default_approver = _actors(actor)
    approver = approver or default_approver
    units = _grassroots(form, district, period, reporter)
    if Submission.objects.filter(form=form, period=period).exists():
        return
    per_unit = spread(units, totals, seed=seed)
    for code, factors in (jumps or {}).items():  # figures an approver should look at twice
        for field_code, factor in factors.items():
            per_unit[code][field_code] = round(per_unit[code][field_code] * factor)
    waiting = submitted | set(returned)

    def rows(codes):
        return {u: per_unit[u.code] for u in units if u.code in codes}

    approved = {u.code for u in units} - not_started - drafts - waiting
    services.save_many(form, period, rows(approved), actor=reporter, submit=True)
    review.approve_all_valid(form, district, period, actor=approver)
    for submission in services.save_many(form, period, rows(waiting), actor=reporter, submit=True):
        if submission.unit.code in returned:
            reason = returned[submission.unit.code]
            review.return_submission(submission, reason, actor=reporter)
    services.save_many(form, period, rows(drafts), actor=reporter)
    _backdate(form, period, late or {})


def _backdate(form, period, late: dict[str, int] | None = None):
    """Demo events happened around the deadline, not on the day the demo was loaded; the
    units in `late` sent that many days after it."""
    late = late or {}
    deadline = period.end + dt.timedelta(days=form.deadline_days)
    tz = timezone.get_current_timezone()
    submissions = (
        Submission.objects.filter(form=form, period=period)
        .select_related("unit")
        .order_by("unit__code")
    )
    for index, sub in enumerate(submissions):
        day = deadline - dt.timedelta(days=12 - index % 12)
        if sub.unit.code in late:
            day = deadline + dt.timedelta(days=late[sub.unit.code])
        sent = dt.datetime.combine(day, dt.time(8 + index % 9, (7 * index) % 60), tzinfo=tz)
        if sub.submitted_at:
            sub.submitted_at = sub.first_submitted_at = sent
        if sub.approved_at:
            sub.approved_at = sent + dt.timedelta(days=3, hours=1)
        stamps = {
            "submission.save_draft": sent - dt.timedelta(hours=2),
            "submission.submit": sent,
            "submission.return": sent + dt.timedelta(days=2),
            "submission.approve": sent + dt.timedelta(days=3, hours=1),
        }
        for verb, at in stamps.items():
            AuditEvent.objects.filter(
                object_type="reporting.submission", object_id=str(sub.pk), verb=verb
            ).update(at=at)
        ValueChange.objects.filter(submission=sub).update(at=stamps["submission.save_draft"])
    Submission.objects.bulk_update(
        submissions, ["submitted_at", "first_submitted_at", "approved_at"]
    )
    totals.rebuild(form, period)  # the first sendings moved: on time counted again
