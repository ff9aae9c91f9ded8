"""Reporting verbs: periods, assignments, and the life of a submission.

    (none) --save_draft--> draft --submit--> submitted --approve--> approved (locked)
                                   ^                 |                    |
                                   +----submit---- returned <--return-----+
                                                     ^                    |
                                                     +------reopen--------+

Values are updated in place; each change is kept with who, when and which way (history).
The person who sent a report cannot approve it when the form says so (the default).

Every verb checks the actor's right on the unit (orgs.access), runs in one transaction,
and writes an audit event; the event trail is the submission's history.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from tuyengiao.core import audit
from tuyengiao.core.actors import as_user
from tuyengiao.core.errors import DomainError, NotAllowed, ValidationFailed
from tuyengiao.core.models import AuditEvent
from tuyengiao.orgs import access
from tuyengiao.orgs.choices import UnitKind
from tuyengiao.orgs.models import OrgUnit

from . import fast_insert, history, outliers, rules, totals
from .choices import PeriodType, SubmissionStatus, ValuePath
from .models import Assignment, Form, Period, Submission, in_subtree

S = SubmissionStatus
EDITABLE = (S.DRAFT, S.RETURNED)
STATUS_WORDS = {
    S.DRAFT: "đang là bản nháp",
    S.SUBMITTED: "đã gửi",
    S.RETURNED: "đã bị trả lại",
    S.APPROVED: "đã được duyệt",
}


# --- look-ups -------------------------------------------------------------------------------


def get_form(code: str) -> Form:
    try:
        return Form.objects.get(code=code)
    except Form.DoesNotExist as exc:
        raise DomainError(f"Không có biểu mẫu mã «{code}».", field="form") from exc


def get_period(code: str) -> Period:
    try:
        return Period.objects.get(code=code)
    except Period.DoesNotExist as exc:
        raise DomainError(f"Không có kỳ báo cáo «{code}».", field="period") from exc


def get_or_create_period(code: str) -> Period:
    """The period for a calendar code (2022, 2022H1, 2022Q3, 2022-03), created on first use."""
    existing = Period.objects.filter(code=(code or "").strip()).first()
    if existing:
        return existing
    period = Period.parse_code(code)
    period.save()
    return period


@transaction.atomic
def create_campaign_period(code: str, name: str, start: dt.date, end: dt.date, *, actor) -> Period:
    """A dated campaign period (the study-campaigns app opens one per campaign)."""
    code = (code or "").strip()
    if not code or len(code) > 40:
        raise DomainError("Mã đợt phải có từ 1 đến 40 ký tự.", field="code")
    if end < start:
        raise DomainError(
            f"Ngày kết thúc {end:%d/%m/%Y} trước ngày bắt đầu {start:%d/%m/%Y}.", field="end"
        )
    try:
        Period.parse_code(code)
    except DomainError:
        pass
    else:
        raise DomainError(f"Mã «{code}» là mã kỳ theo lịch, không dùng cho một đợt.", field="code")
    period, created = Period.objects.get_or_create(
        code=code,
        defaults={"type": PeriodType.CAMPAIGN, "start": start, "end": end, "name": name},
    )
    if not created and (period.start, period.end) != (start, end):
        raise DomainError(f"Đợt «{code}» đã có với thời gian khác.", field="code")
    if created:
        audit.record(actor, "period.create", period, unit=None)
    return period


def resolve_period(form: Form, code: str) -> Period:
    """The collection period of `form` named by `code` (ADR 0007): the period itself, or,
    for a calendar year the form was not assigned for, the one campaign of that form
    whose period ends in that year (`rollup --period 2022` keeps answering the 2022
    campaign). Several campaigns in that year: a message naming them."""
    period = Period.objects.filter(code=(code or "").strip()).first()
    if period is None:
        try:
            period = Period.parse_code(code)  # unsaved: a year nobody reported on as such
        except DomainError:
            return get_period(code)
    if period.type != PeriodType.YEAR:
        return period
    if period.pk and Assignment.objects.filter(form=form, period=period).exists():
        return period
    campaigns = list(
        Period.objects.filter(
            type=PeriodType.CAMPAIGN,
            end__year=period.end.year,
            pk__in=Assignment.objects.filter(form=form).values("period_id"),
        ).order_by("code")
    )
    if len(campaigns) == 1:
        return campaigns[0]
    if campaigns:
        codes = ", ".join(p.code for p in campaigns)
        raise DomainError(
            f"Năm {period.code} biểu mẫu «{form.code}» có {len(campaigns)} đợt ({codes}): "
            "hãy chọn một đợt.",
            field="period",
        )
    return period if period.pk else get_period(code)


def campaign_collection(code: str) -> tuple[Form, Period]:
    """The form and period of a campaign's own collection, by the campaign's code."""
    period = Period.objects.filter(code=(code or "").strip(), type=PeriodType.CAMPAIGN).first()
    form_ids = (
        set(Assignment.objects.filter(period=period).values_list("form_id", flat=True))
        if period
        else set()
    )
    if len(form_ids) != 1:
        raise DomainError(f"Không có đợt mã «{code}».", field="campaign")
    return Form.objects.get(pk=form_ids.pop()), period


def expected_units(form: Form, root: OrgUnit, period: Period):
    """Units of `root`'s subtree assigned the form for the period and valid on its last day."""
    return (
        OrgUnit.objects.filter(in_subtree("", root))
        .valid_on(period.reference_date)
        .filter(pk__in=Assignment.objects.filter(form=form, period=period).values("unit_id"))
    )


def deadline_for(form: Form, period: Period) -> dt.date:
    return period.end + dt.timedelta(days=form.deadline_days)


# --- assignment -----------------------------------------------------------------------------


@transaction.atomic
def assign_form(
    form: Form,
    root_unit: OrgUnit,
    period: Period,
    *,
    actor,
    deadline: dt.date | None = None,
    kind: str | None = UnitKind.GRASSROOTS,
    units=None,
) -> int:
    """Assign the form for the period to the units of a subtree (of `kind`, or all; or the
    chosen `units` of that subtree) in one step. Units already assigned keep their
    assignment. Returns the number of new ones. A campaign period takes any form: it is
    the campaign's own collection (ADR 0007)."""
    if not access.can(actor, access.CHANGE, root_unit):
        raise NotAllowed(f"Bạn không có quyền giao biểu mẫu cho «{root_unit}».")
    if form.period_type != period.type and period.type != PeriodType.CAMPAIGN:
        raise DomainError(
            f"Biểu mẫu «{form.code}» báo cáo theo {form.get_period_type_display().lower()}, "
            f"kỳ «{period.code}» là {period.get_type_display().lower()}.",
            field="period",
        )
    chosen = units
    units = OrgUnit.objects.filter(in_subtree("", root_unit)).valid_on(period.reference_date)
    if chosen is not None:
        wanted = {getattr(u, "pk", u) for u in chosen}
        units = units.filter(pk__in=wanted)
        if units.count() != len(wanted):
            raise DomainError(
                f"Có đơn vị được chọn không thuộc «{root_unit}» hoặc không còn hiệu lực "
                f"ngày {period.reference_date:%d/%m/%Y}.",
                field="units",
            )
    elif kind:
        units = units.filter(kind=kind)
    deadline = deadline or deadline_for(form, period)
    already = set(
        Assignment.objects.filter(form=form, period=period, unit__in=units).values_list(
            "unit_id", flat=True
        )
    )
    new = [
        Assignment(form=form, unit_id=unit_id, period=period, deadline=deadline)
        for unit_id in units.values_list("pk", flat=True)
        if unit_id not in already
    ]
    bulk_create_with_history(new, Assignment, batch_size=2000, default_user=as_user(actor))
    totals.refresh_units(form, period, [a.unit_id for a in new])
    audit.record(
        actor, "form.assign", form, unit=root_unit, period=period.code, kind=kind, count=len(new)
    )
    return len(new)


# --- the life of a submission ---------------------------------------------------------------


def _check_can_report(actor, form, unit, period) -> Assignment:
    if not access.can(actor, access.REPORT, unit):
        raise NotAllowed(f"Bạn không có quyền báo cáo cho «{unit}».")
    assignment = Assignment.objects.filter(form=form, unit=unit, period=period).first()
    if assignment is None:
        raise DomainError(f"«{unit}» không được giao biểu mẫu «{form.code}» cho kỳ {period.code}.")
    return assignment


def _locked_submission(form, unit, period) -> Submission | None:
    # The assignment row is the lock (on PostgreSQL; SQLite's IMMEDIATE transactions already
    # run one writer at a time): it exists before the submission does, so two first saves
    # of one unit wait for each other instead of both inserting.
    Assignment.objects.select_for_update().filter(form=form, unit=unit, period=period).first()
    return (
        Submission.objects.select_for_update()
        .filter(form=form, unit=unit, period=period)
        # the audit row names them: no three look-ups per save
        .select_related("form", "unit", "period")
        .first()
    )


def _checked_or_raise(spec: rules.FormSpec, raw: dict) -> rules.Checked:
    checked = rules.check(spec, raw)
    if checked.errors:
        raise ValidationFailed(checked.errors)
    return checked


def _warn_outliers(checked: rules.Checked, form, unit, period) -> dict:
    """Add the figures' range and change-since-last-period warnings (never errors)."""
    numbers = {c: v.number for c, v in checked.values.items() if v.number is not None}
    for code, messages in outliers.warnings_for(form, unit, period, numbers).items():
        checked.warnings.setdefault(code, []).extend(messages)
    return checked.warnings


@transaction.atomic
def save_draft(
    form: Form, unit: OrgUnit, period: Period, values: dict, *, actor, path=ValuePath.WEB
) -> Submission:
    """Check every field and rule; save all values as a draft, or nothing (ValidationFailed
    with {field_code: [Vietnamese messages]}). The result carries `.warnings`."""
    _check_can_report(actor, form, unit, period)
    submission = _locked_submission(form, unit, period)
    if submission is not None and submission.status not in EDITABLE:
        raise DomainError(
            f"Báo cáo của «{unit}» {STATUS_WORDS[submission.status]}, không sửa được."
        )
    spec = rules.FormSpec(form)
    checked = _checked_or_raise(spec, values)
    if submission is None:
        submission = Submission.objects.create(form=form, unit=unit, period=period)
    else:
        submission.save(update_fields=["updated_at"])
    changed = history.store([(submission, checked)], spec, actor=actor, path=path)
    audit.record(actor, "submission.save_draft", submission, path=path, changed=changed)
    submission.warnings = _warn_outliers(checked, form, unit, period)
    return submission


def stored_values(submission: Submission) -> dict:
    """{field_code: raw value} as stored, for re-checking and for filling forms."""
    result = {}
    for value in submission.values.select_related("field"):
        result[value.field.code] = value.number if value.field.is_numeric else value.text
    return result


@transaction.atomic
def submit(
    form: Form,
    unit: OrgUnit,
    period: Period,
    values: dict | None = None,
    *,
    actor,
    path=ValuePath.WEB,
) -> Submission:
    """Send the unit's report: with `values`, save them first; without, send the draft.
    Forms that need no approval are approved by the act of sending."""
    if values is not None:
        save_draft(form, unit, period, values, actor=actor, path=path)
    else:
        _check_can_report(actor, form, unit, period)
    submission = _locked_submission(form, unit, period)
    if submission is None:
        raise DomainError(f"«{unit}» chưa nhập số liệu cho biểu mẫu «{form.code}».")
    if submission.status not in EDITABLE:
        raise DomainError(
            f"Báo cáo của «{unit}» {STATUS_WORDS[submission.status]}, không gửi lại được."
        )
    checked = _checked_or_raise(rules.FormSpec(form), stored_values(submission))
    after_reopen = submission.reopened
    _mark_sent(submission, form, actor, timezone.now())
    audit.record(
        actor, "submission.submit", submission, path=path, after_reopen=after_reopen,
        figures=history.figures(submission),
    )  # fmt: skip
    submission.warnings = _warn_outliers(checked, form, unit, period)
    return submission


def _mark_sent(submission: Submission, form: Form, actor, now) -> None:
    submission.status = S.SUBMITTED
    submission.submitted_by, submission.submitted_at = as_user(actor), now
    submission.first_submitted_at = submission.first_submitted_at or now
    submission.reopened = False
    submission.approved_by, submission.approved_at = None, None
    submission.approved_level, submission.first_approved_by = 0, None
    submission.first_approved_at = None
    if not form.approval_required:
        submission.status = S.APPROVED
        submission.approved_by, submission.approved_at = as_user(actor), now
        submission.approved_level = form.approval_levels
    submission.save()


@transaction.atomic
def save_many(
    form: Form,
    period: Period,
    rows: dict[OrgUnit, dict],
    *,
    actor,
    submit: bool = False,
    path=ValuePath.SYSTEM,
) -> list[Submission]:
    """Save (and with `submit`, send) many units' reports at once: every unit and value is
    checked first, and nothing is saved unless all pass (ValidationFailed listing each
    problem as «unit»: message). Statements are per batch, not per unit (Excel import,
    demo data)."""
    spec = rules.FormSpec(form)
    problems: list[str] = []
    assigned = set(
        Assignment.objects.filter(form=form, period=period, unit__in=list(rows)).values_list(
            "unit_id", flat=True
        )
    )
    existing = {
        s.unit_id: s
        for s in Submission.objects.select_for_update().filter(
            form=form, period=period, unit__in=list(rows)
        )
    }
    checked_by_unit = {}
    for unit, raw in rows.items():
        if not access.can(actor, access.REPORT, unit):
            problems.append(f"Bạn không có quyền báo cáo cho «{unit}».")
            continue
        if unit.pk not in assigned:
            problems.append(f"«{unit}» không được giao biểu mẫu «{form.code}» kỳ {period.code}.")
            continue
        current = existing.get(unit.pk)
        if current is not None and current.status not in EDITABLE:
            problems.append(f"Báo cáo của «{unit}» {STATUS_WORDS[current.status]}, không sửa được.")
            continue
        checked = rules.check(spec, raw)
        for messages in checked.errors.values():
            problems.extend(f"«{unit}»: {message}" for message in messages)
        checked_by_unit[unit] = checked
    if problems:
        raise ValidationFailed(problems)
    now = timezone.now()
    new = [
        Submission(form=form, unit=unit, period=period) for unit in rows if unit.pk not in existing
    ]
    bulk_create_with_history(new, Submission, batch_size=1000, default_user=as_user(actor))
    submissions = list(
        Submission.objects.filter(form=form, period=period, unit__in=list(rows)).select_related(
            "unit", "form", "period"
        )
    )
    history.store(
        [(sub, checked_by_unit[sub.unit]) for sub in submissions], spec, actor=actor, path=path
    )
    if submit:
        for sub in submissions:
            sub.status = S.SUBMITTED
            sub.submitted_by, sub.submitted_at = as_user(actor), now
            sub.first_submitted_at = sub.first_submitted_at or now
            sub.reopened = False
            sub.approved_level, sub.first_approved_by, sub.first_approved_at = 0, None, None
            if not form.approval_required:
                sub.status = S.APPROVED
                sub.approved_by, sub.approved_at = as_user(actor), now
                sub.approved_level = form.approval_levels
        bulk_update_with_history(
            submissions,
            Submission,
            ["status", "submitted_by", "submitted_at", "first_submitted_at", "reopened",
             "approved_by", "approved_at", "approved_level", "first_approved_by",
             "first_approved_at"],
            batch_size=1000,
            default_user=as_user(actor),
        )  # fmt: skip
        totals.refresh_units(form, period, [sub.unit_id for sub in submissions])
    verb = "submission.submit" if submit else "submission.save_draft"
    _record_many(actor, verb, submissions, path=path)
    return submissions


def _record_many(actor, verb: str, submissions, **data) -> None:
    fast_insert.insert(  # issue 17: no per-object SQL compilation
        [
            AuditEvent(
                actor=actor if getattr(actor, "pk", None) else None,
                verb=verb,
                object_type=Submission._meta.label_lower,
                object_id=str(sub.pk),
                object_repr=str(sub)[:300],
                unit=sub.unit,
                data=data,
            )
            for sub in submissions
        ],
        batch_size=1000,
    )
