"""Figures are updated in place, and every change of one is kept (old, new, who, when, which
way): the answer to "who changed 6.513 to 6.600". Used by every write of values (web, API,
Excel, demo), one batch of statements however many units."""

from __future__ import annotations

from decimal import Decimal

from django.utils import timezone

from .choices import ChangeContext, SubmissionStatus, ValuePath
from .models import Value, ValueChange


def _context(submission) -> str:
    if submission.status != SubmissionStatus.RETURNED:
        return ChangeContext.NONE
    return ChangeContext.REOPEN if submission.reopened else ChangeContext.RETURN


def _same(value: Value, number: Decimal | None, text: str) -> bool:
    return value.number == number and (value.text or "") == (text or "")


def store(items, spec, *, actor, path: str = ValuePath.WEB) -> int:
    """`items`: [(submission, rules.Checked)]. Insert, update or delete each submission's
    values to match the checked ones, and write one ValueChange per figure that changed.
    Returns the number of changes."""
    submissions = [submission for submission, _ in items]
    existing = {
        (v.submission_id, v.field_id): v for v in Value.objects.filter(submission__in=submissions)
    }
    now = timezone.now()
    user = actor if getattr(actor, "pk", None) else None
    created, updated, deleted, changes = [], [], [], []
    for submission, checked in items:
        context = _context(submission)
        for code, clean in checked.values.items():
            field = spec.by_code[code]
            old = existing.get((submission.pk, field.pk))
            if old is None and clean.is_empty:
                continue
            if old is not None and _same(old, clean.number, clean.text):
                continue
            change = ValueChange(
                submission=submission, field=field, actor=user, at=now, path=path,
                context=context, new_number=clean.number, new_text=clean.text or "",
            )  # fmt: skip
            if old is not None:
                change.old_number, change.old_text = old.number, old.text or ""
            changes.append(change)
            if old is None:
                created.append(
                    Value(
                        submission=submission, field=field, number=clean.number, text=clean.text
                    )  # fmt: skip
                )
            elif clean.is_empty:
                deleted.append(old.pk)
            else:
                old.number, old.text = clean.number, clean.text
                updated.append(old)
    if deleted:
        Value.objects.filter(pk__in=deleted).delete()
    Value.objects.bulk_create(created, batch_size=2000)
    Value.objects.bulk_update(updated, ["number", "text"], batch_size=2000)
    ValueChange.objects.bulk_create(changes, batch_size=2000)
    return len(changes)


def changes_for(submission):
    """The submission's figure changes, newest first, with field and person."""
    return submission.value_changes.select_related("field", "actor").order_by("-at", "-id")


def figures(submission) -> dict[str, str]:
    """{field code: value as text} of a submission, for before/after in the audit trail."""
    result = {}
    for value in submission.values.select_related("field"):
        number = value.number
        result[value.field.code] = value.text if number is None else format(number.normalize(), "f")
    return result
