"""Review verbs: return, approve (one or two levels), reopen, approve all.

    submitted --approve--> approved                       (a one-level form)
    submitted --approve (level 1: the unit's leader)--> submitted, approved_level 1
              --approve (level 2: from above)--------> approved, approved_level 2

The person who sent a report approves it at no level, and on a two-level form the two
levels are two people, when the form says so (the default). Return and reopen send the
report back to the unit and clear its approvals.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from tuyengiao.core import audit
from tuyengiao.core.actors import as_user
from tuyengiao.core.errors import DomainError, NotAllowed, ValidationFailed
from tuyengiao.orgs import access

from . import history, rules, totals
from .choices import SubmissionStatus
from .models import Submission, in_subtree
from .services import STATUS_WORDS, stored_values

S = SubmissionStatus


def _words(status) -> str:
    return STATUS_WORDS[status]


def is_own(submission: Submission, actor) -> bool:
    """The actor sent this report and its form wants someone else to approve it."""
    return bool(
        submission.form.approver_must_differ
        and submission.submitted_by_id is not None
        and submission.submitted_by_id == getattr(actor, "pk", None)
    )


def approves_from_above(actor, unit) -> bool:
    """The actor holds the approve right on a unit above `unit` (the district for a ward)."""
    if getattr(actor, "is_superuser", False) and actor.is_active:
        return True
    return any(
        access.APPROVE in access.ROLE_ACTIONS.get(m.role, ())
        and m.unit.contains(unit)
        and m.unit.pk != unit.pk
        for m in access.memberships(actor)
    )


def next_level(submission: Submission) -> int:
    return submission.approved_level + 1


def refusal(submission: Submission, actor) -> DomainError | None:
    """Why `actor` may not approve the submitted report at its next level, or None."""
    unit, form = submission.unit, submission.form
    if not access.can(actor, access.APPROVE, unit):
        return NotAllowed(f"Bạn không có quyền duyệt báo cáo của «{unit}».")
    if submission.status != S.SUBMITTED:
        return DomainError(
            f"Chỉ duyệt được báo cáo đã gửi; báo cáo của «{unit}» {_words(submission.status)}."
        )
    if is_own(submission, actor):
        return NotAllowed(
            f"Bạn đã gửi báo cáo của «{unit}» nên không tự duyệt được: biểu mẫu "
            f"«{form.code}» yêu cầu người duyệt khác người gửi."
        )
    if form.approval_levels == 2 and next_level(submission) == 2:
        if not approves_from_above(actor, unit):
            return NotAllowed(
                f"Duyệt cấp 2 báo cáo của «{unit}» cần người có quyền duyệt ở đơn vị cấp trên."
            )
        if form.approver_must_differ and submission.first_approved_by_id == actor.pk:
            return NotAllowed(f"Bạn đã duyệt cấp 1 báo cáo của «{unit}»; cấp 2 phải là người khác.")
    return None


def returns_for(actor, unit) -> bool:
    """Who may send a unit's report back: its approvers and its specialists."""
    return access.can(actor, access.APPROVE, unit) or access.can(actor, access.CHANGE, unit)


# The review policy: what the pages and the API offer a user on one report. The verbs
# below enforce the same rules; these say it before the user tries.


def may_approve(actor, submission: Submission | None) -> bool:
    """The report is submitted and the actor may approve it at its next level now."""
    return submission is not None and refusal(submission, actor) is None


def may_return(actor, submission: Submission | None) -> bool:
    """The report is submitted and the actor approves or follows its unit."""
    return (
        submission is not None
        and submission.status == S.SUBMITTED
        and returns_for(actor, submission.unit)
    )


def may_reopen(actor, submission: Submission | None) -> bool:
    """The report is approved and the actor approves its unit."""
    return (
        submission is not None
        and submission.status == S.APPROVED
        and access.can(actor, access.APPROVE, submission.unit)
    )


def review_actions(actor, submission: Submission | None) -> dict:
    """The review card of the report's page: may_approve, may_return, may_reopen, and for
    an approver of the unit facing a submitted report, whether it is their own, why they
    may not approve it (None when they may) and at which level they would."""
    result = {
        "may_approve": False,
        "may_return": may_return(actor, submission),
        "may_reopen": may_reopen(actor, submission),
        "own_report": False,
        "approval_refused": None,
    }
    if (
        submission is not None
        and submission.status == S.SUBMITTED
        and access.can(actor, access.APPROVE, submission.unit)
    ):
        problem = refusal(submission, actor)
        result |= {
            "may_approve": problem is None,
            "own_report": is_own(submission, actor),
            "approval_refused": problem.message if problem else None,
            "next_level": next_level(submission),
        }
    return result


def _approve_one(submission: Submission, actor, now, **data) -> None:
    level = next_level(submission)
    if level >= submission.form.approval_levels:
        submission.status = S.APPROVED
        submission.approved_by, submission.approved_at = as_user(actor), now
    else:
        submission.first_approved_by, submission.first_approved_at = as_user(actor), now
    submission.approved_level = level
    submission.save()
    audit.record(actor, "submission.approve", submission, level=level, **data)


@transaction.atomic
def approve(submission: Submission, *, actor) -> Submission:
    """Approve a submitted report at its next level; at the last level its data is locked."""
    if not access.can(actor, access.APPROVE, submission.unit):
        raise NotAllowed(f"Bạn không có quyền duyệt báo cáo của «{submission.unit}».")
    submission = (
        Submission.objects.select_for_update().select_related("form", "unit").get(pk=submission.pk)
    )
    problem = refusal(submission, actor)
    if problem is not None:
        raise problem
    rules_result = rules.check(rules.FormSpec(submission.form), stored_values(submission))
    if rules_result.errors:
        raise ValidationFailed(rules_result.errors)
    _approve_one(submission, actor, timezone.now(), figures=history.figures(submission))
    return submission


def _clear_approvals(submission: Submission) -> None:
    submission.approved_by, submission.approved_at = None, None
    submission.approved_level, submission.first_approved_by = 0, None
    submission.first_approved_at = None


@transaction.atomic
def return_submission(submission: Submission, reason: str, *, actor) -> Submission:
    """Send a submitted report back to the unit with a reason it will read."""
    reason = (reason or "").strip()
    unit = submission.unit
    if not returns_for(actor, unit):
        raise NotAllowed(f"Bạn không có quyền trả lại báo cáo của «{unit}».")
    if not reason:
        raise DomainError("Cần ghi lý do trả lại báo cáo.", field="reason")
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    if submission.status != S.SUBMITTED:
        raise DomainError(
            f"Chỉ trả lại được báo cáo đã gửi; báo cáo của «{unit}» {_words(submission.status)}."
        )
    submission.status = S.RETURNED
    submission.returned_reason = reason[:2000]
    _clear_approvals(submission)
    submission.save()
    audit.record(actor, "submission.return", submission, reason=submission.returned_reason)
    return submission


@transaction.atomic
def reopen(submission: Submission, reason: str, *, actor) -> Submission:
    """Unlock an approved report for correction: it goes back to the unit as returned,
    with the reason; the figures at the moment of reopening are kept in the trail, and
    the corrections that follow are marked as made after a reopen."""
    reason = (reason or "").strip()
    unit = submission.unit
    if not access.can(actor, access.APPROVE, unit):
        raise NotAllowed(f"Bạn không có quyền mở lại báo cáo của «{unit}».")
    if not reason:
        raise DomainError("Cần ghi lý do mở lại báo cáo.", field="reason")
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    if submission.status != S.APPROVED:
        raise DomainError(
            f"Chỉ mở lại được báo cáo đã duyệt; báo cáo của «{unit}» {_words(submission.status)}."
        )
    submission.status = S.RETURNED
    submission.reopened = True
    submission.returned_reason = reason[:2000]
    _clear_approvals(submission)
    submission.save()
    audit.record(
        actor,
        "submission.reopen",
        submission,
        reason=submission.returned_reason,
        figures=history.figures(submission),
    )
    return submission


@transaction.atomic
@totals.batched  # one refresh of the kept totals at the end, not one per report
def approve_all_valid(form, root_unit, period, *, actor, approved_ids: list | None = None) -> int:
    """Approve, at its next level, every submitted report of the subtree that the actor
    may approve and that still passes every check. The others stay as they are (a rule
    changed since, one's own report, a level for someone else). Returns the number; the
    ids go to `approved_ids` when given (the page offers to undo the batch)."""
    if not access.can(actor, access.APPROVE, root_unit):
        raise NotAllowed(f"Bạn không có quyền duyệt báo cáo của «{root_unit}».")
    spec = rules.FormSpec(form)
    pending = (
        Submission.objects.visible_to(actor, access.APPROVE)
        .filter(in_subtree("unit__", root_unit), form=form, period=period, status=S.SUBMITTED)
        # form and period too: str(submission) names them in each audit row.
        .select_related("unit", "form", "period")
        .prefetch_related("values__field")
    )
    now = timezone.now()
    approved = 0
    for submission in pending:
        if refusal(submission, actor) is not None:
            continue
        values = list(submission.values.all())
        raw = {v.field.code: v.number if v.field.is_numeric else v.text for v in values}
        if rules.check(spec, raw).errors:
            continue
        figures = {
            v.field.code: v.text if v.number is None else format(v.number.normalize(), "f")
            for v in values
        }
        _approve_one(submission, actor, now, batch=True, figures=figures)
        approved += 1
        if approved_ids is not None:
            approved_ids.append(submission.pk)
    return approved


@transaction.atomic
def undo_approvals(ids: list[int], *, actor) -> int:
    """Undo of `approve_all_valid`: each report goes back one level, to where this actor
    found it. A report someone else has moved on since (reopened, approved above) is left."""
    undone = 0
    pending = (
        Submission.objects.visible_to(actor, access.APPROVE)
        .select_for_update()
        .filter(pk__in=ids)
        .select_related("unit", "form", "period")
    )
    for submission in pending:
        if submission.status == S.APPROVED and submission.approved_by_id == actor.pk:
            submission.status = S.SUBMITTED
            submission.approved_by, submission.approved_at = None, None
        elif (
            submission.status == S.SUBMITTED
            and submission.approved_level == 1
            and submission.first_approved_by_id == actor.pk
        ):
            submission.first_approved_by, submission.first_approved_at = None, None
        else:
            continue
        submission.approved_level -= 1
        submission.save()
        audit.record(actor, "submission.approval_undone", submission)
        undone += 1
    return undone
