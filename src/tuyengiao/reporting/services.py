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
from dataclasses import dataclass
from dataclasses import field as dc_field

from django.db import transaction
from django.db.models import Q
from django.db.models import Value as DbValue
from django.db.models.functions import Coalesce
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from tuyengiao.core import audit
from tuyengiao.core.actors import as_user
from tuyengiao.core.errors import DomainError, NotAllowed, ValidationFailed
from tuyengiao.core.models import AuditEvent
from tuyengiao.orgs import access
from tuyengiao.orgs.choices import UnitKind
from tuyengiao.orgs.models import OrgUnit

from . import fast_insert, history, lock_row, outliers, rules, totals
from .choices import PeriodType, SubmissionStatus, ValuePath
from .models import Assignment, Form, Period, Submission, Value, in_subtree

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


NO_REPORT = "Bạn không có quyền báo cáo cho «{unit}»."


def _not_assigned(unit, form, period) -> DomainError:
    return DomainError(f"«{unit}» không được giao biểu mẫu «{form.code}» cho kỳ {period.code}.")


def _not_editable(unit, status) -> DomainError:
    return DomainError(f"Báo cáo của «{unit}» {STATUS_WORDS[status]}, không sửa được.")


def _locked(actor, form, unit, period) -> tuple[Submission | None, object]:
    """Check the actor's right, lock the unit's assignment and read its submission (None
    before the first save) and the form's `updated_at` (the spec cache's key), in one
    statement (issue 17).

    The assignment row is the lock (on PostgreSQL; SQLite's IMMEDIATE transactions already
    run one writer at a time): it exists before the submission does, so two first saves
    of one unit wait for each other instead of both inserting. A report leaves the
    editable states only by being sent (submit, save_many), which take this lock too; the
    review verbs lock the submission and act only on sent reports."""
    access.require(actor, access.REPORT, unit, NO_REPORT)
    row = lock_row.locked(form=form, period=period, unit=unit)
    if row is None:
        raise _not_assigned(unit, form, period)
    fresh_form, _period, _unit, submission = row
    if submission is not None:  # the caller's own objects
        cache = submission._state.fields_cache
        cache["form"], cache["period"], cache["unit"] = form, period, unit
    return submission, fresh_form.updated_at


def _checked_or_raise(spec: rules.FormSpec, raw: dict) -> rules.Checked:
    checked = rules.check(spec, raw)
    if checked.errors:
        raise ValidationFailed(checked.errors)
    return checked


def _values_and_previous(submission, spec, form, unit, period) -> tuple[dict, dict, str]:
    """The submission's stored values ({(submission id, field id): Value}) and the figures
    of the unit's previous period ({field code: number}, its label) for the change
    warnings: one statement, none when neither is needed."""
    wanted = Q(submission_id=submission.pk) if submission is not None else Q(pk__in=[])
    if spec.wants_previous:
        wanted |= Q(
            submission__form=form,
            submission__unit=unit,
            submission__status__in=outliers.PREVIOUS_STATUSES,
            submission__period__end__lt=period.start,
        )
    elif submission is None:
        return {}, {}, ""
    existing, earlier = {}, {}
    for pk, sub_id, field_id, number, text, end, code in Value.objects.filter(wanted).values_list(
        "pk",
        "submission_id",
        "field_id",
        "number",
        "text",
        "submission__period__end",
        "submission__period__code",
    ):
        if submission is not None and sub_id == submission.pk:
            existing[(sub_id, field_id)] = Value(
                pk=pk, submission_id=sub_id, field_id=field_id, number=number, text=text
            )
        else:
            earlier.setdefault((end, sub_id, code), {})[field_id] = number
    if not earlier:
        return existing, {}, ""
    # The latest earlier report (by the end of its period, then the newest), as
    # outliers.previous_submissions chooses it among the reports that have figures.
    end, sub_id, code = max(earlier)
    codes = {f.pk: f.code for f in spec.fields}
    before = {codes[f]: n for f, n in earlier[(end, sub_id, code)].items() if n is not None}
    return existing, before, f"kỳ trước ({code})"


def _save(actor, form, unit, period, values, path, locked=None):
    """save_draft's work, under the lock; (submission, checked, spec)."""
    submission, stamp = locked or _locked(actor, form, unit, period)
    if submission is not None and submission.status not in EDITABLE:
        raise _not_editable(unit, submission.status)
    spec = rules.FormSpec(form, stamp)
    checked = _checked_or_raise(spec, values)
    existing, before, label = _values_and_previous(submission, spec, form, unit, period)
    now = timezone.now()
    if submission is None:
        submission = Submission.objects.create(form=form, unit=unit, period=period)
    else:  # a touch, no history row: the figures' history is the ValueChange rows
        Submission.objects.filter(pk=submission.pk).update(updated_at=now)
        submission.updated_at = now
    changed = history.store(
        [(submission, checked)], spec, actor=actor, path=path, existing=existing
    )
    audit.record(actor, "submission.save_draft", submission, path=path, changed=changed)
    numbers = {c: v.number for c, v in checked.values.items() if v.number is not None}
    for code, messages in outliers.warnings_from(spec.fields, numbers, before, label).items():
        checked.warnings.setdefault(code, []).extend(messages)
    submission.warnings = checked.warnings
    # What is stored now, for the answer (the API's serializer reads it: no re-read).
    submission.values_now = {
        code: (clean.number if spec.by_code[code].is_numeric else clean.text)
        for code, clean in checked.values.items()
        if not clean.is_empty
    }
    return submission, checked, spec


@transaction.atomic
def save_draft(
    form: Form, unit: OrgUnit, period: Period, values: dict, *, actor, path=ValuePath.WEB
) -> Submission:
    """Check every field and rule; save all values as a draft, or nothing (ValidationFailed
    with {field_code: [Vietnamese messages]}). The result carries `.warnings`.
    Six statements when the draft exists (issue 17: reporting/tests/test_write_path.py)."""
    return _save(actor, form, unit, period, values, path)[0]


@transaction.atomic
def save_draft_by_code(
    form_code: str, period_code: str, unit_code: str, values: dict, *, actor, path=ValuePath.API
) -> Submission | None:
    """save_draft for the unit the actor sees under `unit_code`, assigned the form for
    exactly that period code: the look-up is the lock's own statement. None when there is
    no such assignment (the caller then looks each one up for its 404 or 400, and
    resolves a year code to its campaign)."""
    row = lock_row.locked(codes=(form_code, period_code, unit_code))
    # A unit outside the actor's scope is not there for them (as visible_to(actor)).
    if row is None or not access.can(actor, access.VIEW, row[2]):
        return None
    form, period, unit, submission = row
    access.require(actor, access.REPORT, unit, NO_REPORT)
    return _save(actor, form, unit, period, values, path, (submission, form.updated_at))[0]


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
        submission, checked, spec = _save(actor, form, unit, period, values, path)
        warnings = checked.warnings
    else:
        submission, stamp = _locked(actor, form, unit, period)
        spec = rules.FormSpec(form, stamp)
    if submission is None:
        raise DomainError(f"«{unit}» chưa nhập số liệu cho biểu mẫu «{form.code}».")
    if submission.status not in EDITABLE:
        raise DomainError(
            f"Báo cáo của «{unit}» {STATUS_WORDS[submission.status]}, không gửi lại được."
        )
    if values is None:
        existing, before, label = _values_and_previous(submission, spec, form, unit, period)
        by_id = {f.pk: f for f in spec.fields}
        submission.values_now = {
            by_id[field_id].code: (v.number if by_id[field_id].is_numeric else v.text)
            for (_s, field_id), v in existing.items()
        }
        checked = _checked_or_raise(spec, submission.values_now)
        numbers = {c: v.number for c, v in checked.values.items() if v.number is not None}
        warnings = checked.warnings
        for code, found in outliers.warnings_from(spec.fields, numbers, before, label).items():
            warnings.setdefault(code, []).extend(found)
    after_reopen = submission.reopened
    _mark_sent(submission, form, actor, timezone.now())
    audit.record(
        actor,
        "submission.submit",
        submission,
        path=path,
        after_reopen=after_reopen,
        figures=_figures(spec, submission.values_now),
    )
    submission.warnings = warnings
    return submission


def _figures(spec, values_now: dict) -> dict[str, str]:
    """As history.figures, from the values in hand: {field code: value as text}."""
    return {
        code: value if not spec.by_code[code].is_numeric else format(value.normalize(), "f")
        for code, value in values_now.items()
        if value is not None and value != ""
    }


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


@dataclass
class Batch:
    """Many units' reports read and checked under their locks, before anything is written
    (issue 17): `problems` says why a unit cannot be saved (a DomainError; a
    ValidationFailed with {field code: [messages]} for its figures), `checked` holds the
    clean figures of every other unit."""

    spec: rules.FormSpec
    units: dict[int, OrgUnit]
    problems: dict[int, DomainError] = dc_field(default_factory=dict)
    checked: dict[int, rules.Checked] = dc_field(default_factory=dict)
    submissions: dict[int, Submission] = dc_field(default_factory=dict)
    values: dict = dc_field(default_factory=dict)
    before: dict[int, tuple[dict, str]] = dc_field(default_factory=dict)

    @property
    def good(self) -> list[OrgUnit]:
        return [u for pk, u in self.units.items() if pk in self.checked]


def prepare(form, period, rows: dict, *, actor, checked: dict | None = None) -> Batch:
    """Lock the units' assignments and submissions and check every unit (its right, its
    assignment, its report's state, its figures — or take `checked`, {unit: Checked}
    already made by the caller): a few statements per 500 units, nothing written. Call it
    in the transaction that writes the batch (write_batch)."""
    spec = rules.FormSpec(form)
    batch = Batch(spec, {u.pk: u for u in rows})
    ids = list(batch.units)
    assigned, existing = set(), {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        assigned.update(
            Assignment.objects.select_for_update(of=("self",))
            .filter(form=form, period=period, unit_id__in=chunk)
            .values_list("unit_id", flat=True)
        )
        for sub in Submission.objects.select_for_update(of=("self",)).filter(
            form=form, period=period, unit_id__in=chunk
        ):
            existing[sub.unit_id] = sub
    given = {getattr(u, "pk", u): c for u, c in (checked or {}).items()}
    for unit, raw in rows.items():
        current = existing.get(unit.pk)
        if not access.can(actor, access.REPORT, unit):
            problem = NotAllowed(NO_REPORT.replace("{unit}", str(unit)))
        elif unit.pk not in assigned:
            problem = _not_assigned(unit, form, period)
        elif current is not None and current.status not in EDITABLE:
            problem = _not_editable(unit, current.status)
        else:
            result = given.get(unit.pk) or rules.check(spec, raw)
            problem = ValidationFailed(result.errors) if result.errors else None
            if problem is None:
                batch.checked[unit.pk] = result
        if problem is not None:
            batch.problems[unit.pk] = problem
        elif current is not None:
            current.form, current.unit, current.period = form, unit, period
            batch.submissions[unit.pk] = current
    batch.values = history.existing_values(batch.submissions.values())
    if spec.wants_previous and batch.checked:
        previous = outliers.previous_ids(form, period, list(batch.checked))
        numbers: dict = {}
        ids = [pk for pk, _code in previous.values()]
        for start in range(0, len(ids), 500):
            numbers.update(outliers.numbers_of(ids[start : start + 500]))
        for unit_id, (pk, code) in previous.items():
            batch.before[unit_id] = (numbers.get(pk, {}), f"kỳ trước ({code})")
    return batch


def write_batch(
    form, period, batch: Batch, *, actor, submit=False, path=ValuePath.SYSTEM, notify=False
) -> list[Submission]:
    """Write the checked units of `batch` (prepare, same transaction): new submissions,
    their values, history and audit rows, and with `submit` the sending and one refresh of
    the kept totals — a few statements per batch, however many units. With `notify` each
    sending is audited one by one, so the notifications follow as for a single submit."""
    units = batch.good
    if not units:
        return []
    now = timezone.now()
    user_id = actor.pk if getattr(actor, "pk", None) else None
    touched = [s.pk for s in batch.submissions.values() if s.unit_id in batch.checked]
    submissions = _create_missing(form, period, batch, units, now, user_id)
    for start in range(0, len(touched), 500):
        Submission.objects.filter(pk__in=touched[start : start + 500]).update(updated_at=now)
    history.store(
        [(sub, batch.checked[sub.unit_id]) for sub in submissions],
        batch.spec,
        actor=actor,
        path=path,
        existing=batch.values,
    )
    if submit:
        _send_many(form, period, submissions, actor, user_id, now)
        totals.refresh_units(
            form, period, [s.unit_id for s in submissions], paths=[u.path for u in units]
        )
    verb = "submission.submit" if submit else "submission.save_draft"
    if submit and notify:
        for sub in submissions:
            audit.record(actor, verb, sub, path=path, figures=history.figures(sub))
    else:
        _record_many(actor, verb, submissions, path=path)
    for sub in submissions:
        checked = batch.checked[sub.unit_id]
        numbers = {c: v.number for c, v in checked.values.items() if v.number is not None}
        before, label = batch.before.get(sub.unit_id, ({}, ""))
        for code, found in outliers.warnings_from(
            batch.spec.fields, numbers, before, label
        ).items():
            checked.warnings.setdefault(code, []).extend(found)
        sub.warnings = checked.warnings
    return submissions


def _attach(sub: Submission, form, unit, period) -> Submission:
    """The submission's form, unit and period as loaded objects (no look-up for str())."""
    cache = sub._state.fields_cache
    cache["form"], cache["unit"], cache["period"] = form, unit, period
    return sub


def _create_missing(form, period, batch, units, now, user_id) -> list[Submission]:
    """The batch's submissions in the order of `units`, the missing ones inserted with
    their history rows: one INSERT, one SELECT of their ids and one INSERT … SELECT of
    history per 500, no object compiled per row."""
    for unit in units:
        if unit.pk in batch.submissions:
            _attach(batch.submissions[unit.pk], form, unit, period)
    missing = [u for u in units if u.pk not in batch.submissions]
    if missing:
        stamp = fast_insert.stamp(now)
        fast_insert.insert_rows(
            Submission,
            NEW_SUBMISSION_COLUMNS,
            [(stamp, stamp, form.pk, u.pk, period.pk, S.DRAFT, 0, "", False) for u in missing],
        )
        ids = {}
        for start in range(0, len(missing), 500):
            chunk = [u.pk for u in missing[start : start + 500]]
            ids.update(
                Submission.objects.filter(form=form, period=period, unit_id__in=chunk)
                .order_by()
                .values_list("unit_id", "pk")
            )
        for unit in missing:
            sub = Submission(
                pk=ids[unit.pk],
                form_id=form.pk,
                unit_id=unit.pk,
                period_id=period.pk,
                created_at=now,
                updated_at=now,
            )
            sub._state.adding = False
            batch.submissions[unit.pk] = _attach(sub, form, unit, period)
        fast_insert.copy_history(Submission, list(ids.values()), "+", user_id, now)
    return [batch.submissions[u.pk] for u in units]


NEW_SUBMISSION_COLUMNS = (
    "created_at",
    "updated_at",
    "form_id",
    "unit_id",
    "period_id",
    "status",
    "approved_level",
    "returned_reason",
    "reopened",
)


def _send_many(form, period, submissions, actor, user_id, now) -> None:
    """Send them all (as _mark_sent, for many): one UPDATE and one history INSERT … SELECT
    per 500 reports."""
    approved = not form.approval_required
    change = {
        "status": S.APPROVED if approved else S.SUBMITTED,
        "submitted_by_id": user_id,
        "submitted_at": now,
        "reopened": False,
        "approved_by_id": user_id if approved else None,
        "approved_at": now if approved else None,
        "approved_level": form.approval_levels if approved else 0,
        "first_approved_by_id": None,
        "first_approved_at": None,
        "updated_at": now,
    }
    ids = [s.pk for s in submissions]
    for start in range(0, len(ids), 500):
        Submission.objects.filter(pk__in=ids[start : start + 500]).update(
            first_submitted_at=Coalesce("first_submitted_at", DbValue(now)), **change
        )
    for sub in submissions:
        for name, value in change.items():
            setattr(sub, name, value)
        sub.first_submitted_at = sub.first_submitted_at or now
    fast_insert.copy_history(Submission, ids, "~", user_id, now)


@transaction.atomic
def save_many(
    form: Form,
    period: Period,
    rows: dict[OrgUnit, dict],
    *,
    actor,
    submit: bool = False,
    path=ValuePath.SYSTEM,
    checked: dict | None = None,
) -> list[Submission]:
    """Save (and with `submit`, send) many units' reports at once: every unit and value is
    checked first, and nothing is saved unless all pass (ValidationFailed listing each
    problem as «unit»: message). Statements are per batch, not per unit (Excel import,
    demo data). `checked`: {unit: rules.Checked} the caller already made (the import)."""
    batch = prepare(form, period, rows, actor=actor, checked=checked)
    if batch.problems:
        problems: list[str] = []
        for unit_id, problem in batch.problems.items():
            unit = batch.units[unit_id]
            if isinstance(problem, ValidationFailed):
                problems += [f"«{unit}»: {m}" for ms in problem.errors.values() for m in ms]
            else:
                problems.append(problem.message)
        raise ValidationFailed(problems)
    return write_batch(form, period, batch, actor=actor, submit=submit, path=path)


def _record_many(actor, verb: str, submissions, **data) -> None:
    """One audit row per submission, one executemany (issue 17: no object per row)."""
    record_many(actor, verb, submissions, [data] * len(submissions))


def record_many(actor, verb: str, submissions, data: list[dict]) -> None:
    """Audit rows for many submissions (`data`: each one's), as core.audit.record writes
    them one by one; bulk paths notify nobody (see notifications.receivers)."""
    at = fast_insert.stamp(timezone.now())
    user_id = actor.pk if getattr(actor, "pk", None) else None
    label = Submission._meta.label_lower
    fast_insert.insert_rows(
        AuditEvent,
        ("at", "actor_id", "verb", "object_type", "object_id", "object_repr", "unit_id", "data"),
        [
            (
                at,
                user_id,
                verb,
                label,
                str(sub.pk),
                str(sub)[:300],
                sub.unit_id,
                fast_insert.json(AuditEvent, "data", item),
            )
            for sub, item in zip(submissions, data, strict=True)
        ],
    )
