"""Figures are updated in place, and every change of one is kept (old, new, who, when, which
way): the answer to "who changed 6.513 to 6.600". Used by every write of values (web, API,
Excel, demo), one batch of statements however many units."""

from __future__ import annotations

from decimal import Decimal

from django.utils import timezone

from . import fast_insert
from .choices import ChangeContext, SubmissionStatus, ValuePath
from .models import Value, ValueChange


def _context(submission) -> str:
    if submission.status != SubmissionStatus.RETURNED:
        return ChangeContext.NONE
    return ChangeContext.REOPEN if submission.reopened else ChangeContext.RETURN


def _same(value: Value, number: Decimal | None, text: str) -> bool:
    return value.number == number and (value.text or "") == (text or "")


def existing_values(submissions) -> dict:
    """{(submission id, field id): Value} of the submissions that are already stored."""
    ids = [s.pk for s in submissions if s.pk]
    if not ids:
        return {}
    return {(v.submission_id, v.field_id): v for v in Value.objects.filter(submission_id__in=ids)}


def store(items, spec, *, actor, path: str = ValuePath.WEB, existing=None) -> int:
    """`items`: [(submission, rules.Checked)]. Insert, update or delete each submission's
    values to match the checked ones, and write one ValueChange per figure that changed:
    one upsert of the values, one insert of the changes (and a delete for emptied ones),
    however many units. `existing`: the values already read by the caller. Returns the
    number of changes."""
    if existing is None:
        existing = existing_values([submission for submission, _ in items])
    now = fast_insert.stamp(timezone.now())
    user_id = actor.pk if getattr(actor, "pk", None) else None
    upserts, deleted, changes = [], [], []  # rows as tuples: no model object per figure
    for submission, checked in items:
        context = _context(submission)
        for code, clean in checked.values.items():
            field_id = spec.by_code[code].pk
            old = existing.get((submission.pk, field_id))
            if old is None and clean.is_empty:
                continue
            if old is not None and _same(old, clean.number, clean.text):
                continue
            text = clean.text or ""
            changes.append(
                (
                    submission.pk,
                    field_id,
                    None if old is None else old.number,
                    clean.number,
                    "" if old is None else old.text or "",
                    text,
                    user_id,
                    now,
                    path,
                    context,
                )
            )
            if old is not None and clean.is_empty:
                deleted.append(old.pk)
            else:
                upserts.append((submission.pk, field_id, clean.number, text))
    if deleted:
        Value.objects.filter(pk__in=deleted).delete()
    # issue 17: new and changed figures in one upsert, their history in one insert
    fast_insert.insert_rows(
        Value,
        VALUE_COLUMNS,
        upserts,
        conflict=("submission_id", "field_id"),
        update=("number", "text"),
    )
    fast_insert.insert_rows(ValueChange, CHANGE_COLUMNS, changes)
    return len(changes)


VALUE_COLUMNS = ("submission_id", "field_id", "number", "text")
CHANGE_COLUMNS = (
    "submission_id",
    "field_id",
    "old_number",
    "new_number",
    "old_text",
    "new_text",
    "actor_id",
    "at",
    "path",
    "context",
)


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
