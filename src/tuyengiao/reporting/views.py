"""Reporting pages: the list of forms, a unit's submission (data entry, read-only once sent,
return and approve), and the verbs of the status board. Each starts from visible_to."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tuyengiao.core import audit, confirm, undo
from tuyengiao.core.errors import DomainError, NotAllowed, ValidationFailed
from tuyengiao.core.text import format_number
from tuyengiao.orgs import access
from tuyengiao.orgs.choices import Role

from . import (
    collections,
    design,
    history,
    outliers,
    pages,
    review,
    rules,
    services,
    timeliness,
)
from .choices import NOT_STARTED, SubmissionStatus
from .forms import ReturnForm, SubmissionForm
from .models import Submission


@login_required
def form_list(request):
    rounds = pages.rounds_for(request.user)
    for item in rounds:
        item["root"] = pages.default_root(request.user, item["form"], item["period"])
        reporting_units = [
            m.unit
            for m in access.memberships(request.user)
            if m.role == Role.REPORTER and item["root"] and m.unit.path == item["root"].path
        ]
        item["own_unit"] = reporting_units[0] if reporting_units else None
    return render(
        request,
        "reporting/form_list.html",
        {"rounds": rounds, "may_design": design.may_design(request.user)},
    )


def _initial(submission) -> dict:
    if submission is None:
        return {}
    initial = {}
    for value in submission.values.select_related("field"):
        if value.field.is_numeric and value.number is not None:
            initial[value.field.code] = format_number(value.number.normalize())
        else:
            initial[value.field.code] = value.text
    return initial


@login_required
def submission_page(request, form_code, period_code, unit_code):
    form, period = pages.form_and_period(form_code, period_code)
    unit = pages.visible_unit(request.user, unit_code)
    assignment = pages.assignment_or_404(request.user, form, period, unit)
    submission = (
        Submission.objects.visible_to(request.user)
        .filter(form=form, period=period, unit=unit)
        .first()
    )
    may_report = access.can(request.user, access.REPORT, unit)
    editable = may_report and (submission is None or submission.status in services.EDITABLE)
    fields = list(form.fields.all())
    entry = SubmissionForm(
        fields, request.POST or None, initial=_initial(submission), read_only=not editable
    )
    warnings = {}
    if request.method == "POST":
        if not editable:
            raise PermissionDenied
        values = {spec.code: request.POST.get(spec.code, "") for spec in fields}
        try:
            if "submit" in request.POST:
                saved = services.submit(form, unit, period, values, actor=request.user)
                messages.success(request, _("The report was submitted."))
            else:
                saved = services.save_draft(form, unit, period, values, actor=request.user)
                messages.success(request, _("The draft was saved."))
            if not saved.warnings:
                return redirect(request.path)
            warnings = saved.warnings
            submission = saved
        except ValidationFailed as exc:
            for code, problems in exc.errors.items():
                for problem in problems:
                    entry.add_error(None if code == rules.GENERAL else code, problem)
                if code in entry.fields:
                    widget = entry.fields[code].widget
                    widget.attrs["class"] = widget.attrs.get("class", "") + " is-invalid"
                    widget.attrs["aria-describedby"] = f"error-{code}"
            messages.error(request, exc.message)
        except NotAllowed as exc:
            raise PermissionDenied(exc.message) from exc
        except DomainError as exc:
            messages.error(request, exc.message)
    context = {
        "form_obj": form,
        "period": period,
        "unit": unit,
        "assignment": assignment,
        "submission": submission,
        "status": submission.status if submission else NOT_STARTED,
        "entry": entry,
        "editable": editable,
        "warnings": warnings,
        "events": _trail(submission),
        **review.review_actions(request.user, submission),
        "changes": history.changes_for(submission) if submission else [],
        "comparison": outliers.side_by_side(submission) if submission else (None, []),
        "return_form": ReturnForm(),
        "about": collections.describe(form, period, request.user),
        "timely": timeliness.mark(assignment.deadline, submission),
        "days_late": timeliness.days_late(assignment.deadline, submission)
        if submission and submission.first_submitted_at
        else 0,
        "board_root": pages.default_root(request.user, form, period),
    }
    return render(request, "reporting/submission.html", context)


def _message(exc: DomainError) -> str:
    """The error with its details: a ValidationFailed names every field and rule."""
    errors = getattr(exc, "errors", None)
    if not errors:
        return exc.message
    items = errors if isinstance(errors, list) else [m for ms in errors.values() for m in ms]
    return f"{exc.message} " + " ".join(items)


def _trail(submission):
    if submission is None:
        return []
    labels = {
        "submission.save_draft": _("Draft saved"),
        "submission.submit": _("Submitted"),
        "submission.return": _("Returned to the unit"),
        "submission.approve": _("Approved"),
        "submission.reopen": _("Reopened for correction"),
    }
    return [(event, labels.get(event.verb, event.verb)) for event in audit.events_for(submission)]


def _submission_or_404(request, form_code, period_code, unit_code, action):
    form, period = pages.form_and_period(form_code, period_code)
    unit = pages.visible_unit(request.user, unit_code)
    submission = (
        Submission.objects.visible_to(request.user, action)
        .filter(form=form, period=period, unit=unit)
        .first()
    )
    if submission is None:
        raise Http404
    return submission


def _back(request, submission):
    fallback = reverse(
        "reporting:submission",
        args=[submission.form.code, submission.period.code, submission.unit.code],
    )
    target = request.POST.get("next") or fallback
    return redirect(target if target.startswith("/") and not target.startswith("//") else fallback)


@login_required
@require_POST
def return_view(request, form_code, period_code, unit_code):
    submission = _submission_or_404(request, form_code, period_code, unit_code, access.VIEW)
    form = ReturnForm(request.POST)
    reason = form.data.get("reason", "")
    try:
        review.return_submission(submission, reason, actor=request.user)
        messages.success(request, _("The report was returned to the unit."))
    except NotAllowed as exc:
        raise PermissionDenied(exc.message) from exc
    except DomainError as exc:
        messages.error(request, exc.message)
    return _back(request, submission)


@login_required
@require_POST
def approve_view(request, form_code, period_code, unit_code):
    submission = _submission_or_404(request, form_code, period_code, unit_code, access.APPROVE)
    try:
        review.approve(submission, actor=request.user)
        messages.success(request, _("The report was approved."))
    except DomainError as exc:
        messages.error(request, _message(exc))
    return _back(request, submission)


@login_required
@require_POST
def reopen_view(request, form_code, period_code, unit_code):
    submission = _submission_or_404(request, form_code, period_code, unit_code, access.APPROVE)
    try:
        review.reopen(submission, request.POST.get("reason", ""), actor=request.user)
        messages.success(request, _("The report was reopened and returned to the unit."))
    except DomainError as exc:
        messages.error(request, exc.message)
    return _back(request, submission)


def _approve_all_question(request, form_code, period_code, unit_code) -> str:
    # The status board's data-confirm (status_board.html): the same msgid and count.
    form, period = pages.form_and_period(form_code, period_code)
    unit = pages.visible_unit(request.user, unit_code, access.APPROVE)
    rows = pages.status_rows(request.user, form, period, unit)
    submitted = sum(1 for row in rows if row["status"] == SubmissionStatus.SUBMITTED)
    return _(
        "Approve %(n)s reports: every report submitted by the units of %(unit)s for %(period)s "
        "that passes all checks becomes approved and counts in the figures. "
        "You can undo it right after."
    ) % {"n": format_number(submitted), "unit": unit.name, "period": period.name}


@login_required
@require_POST
@confirm.asks(_approve_all_question)
def approve_all_view(request, form_code, period_code, unit_code):
    form, period = pages.form_and_period(form_code, period_code)
    unit = pages.visible_unit(request.user, unit_code, access.APPROVE)
    ids: list[int] = []
    back = reverse("reporting:status", args=[form.code, period.code, unit.code])
    try:
        count = review.approve_all_valid(form, unit, period, actor=request.user, approved_ids=ids)
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect(back)
    message = _("%(count)s reports approved.") % {"count": format_number(count)}
    if ids:
        undo.offer(
            request,
            message,
            action="reporting.undo_approvals",
            payload={"ids": ids},
            next_url=back,
        )
    else:
        messages.success(request, message)
    return redirect(back)


@undo.register("reporting.undo_approvals")
def _undo_approvals(payload, *, actor) -> str:
    count = review.undo_approvals(payload["ids"], actor=actor)
    return _("Approval undone: %(count)s reports are back to «submitted».") % {
        "count": format_number(count)
    }
