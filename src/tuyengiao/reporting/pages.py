"""Shared look-ups for the reporting pages: every page starts from what the user may see."""

from __future__ import annotations

from django.db.models import Count, Min
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from tuyengiao.core.errors import DomainError
from tuyengiao.orgs import access
from tuyengiao.orgs.models import OrgUnit

from . import services, timeliness
from .choices import NOT_STARTED, REPORTED, SubmissionStatus
from .models import Assignment, Form, Period, Submission, in_subtree

S = SubmissionStatus
OVERDUE = "overdue"  # the board's filter: not sent and past the deadline


def form_and_period(form_code: str, period_code: str) -> tuple[Form, Period]:
    """The form and its collection period (a year code may name the year's one campaign)."""
    form = get_object_or_404(Form, code=form_code)
    try:
        return form, services.resolve_period(form, period_code)
    except DomainError as exc:
        raise Http404(exc.message) from exc


def visible_unit(user, code: str, action: str = access.VIEW) -> OrgUnit:
    return get_object_or_404(OrgUnit.objects.visible_to(user, action), code=code)


def assignment_or_404(user, form, period, unit) -> Assignment:
    assignment = (
        Assignment.objects.visible_to(user)
        .filter(form=form, period=period, unit=unit)
        .select_related("unit")
        .first()
    )
    if assignment is None:
        raise Http404
    return assignment


def default_root(user, form: Form, period: Period) -> OrgUnit | None:
    """The widest unit of the user's memberships that has this form to follow."""
    if user.is_superuser:
        candidates = list(OrgUnit.objects.filter(depth=1).order_by("path"))
    else:
        candidates = sorted(
            {m.unit for m in access.memberships(user)}, key=lambda u: (u.depth, u.path)
        )
    for unit in candidates:
        if services.expected_units(form, unit, period).exists():
            return unit
    return None


def rounds_for(user):
    """(form, period) pairs the user can see assignments of, with counts, newest first."""
    rows = (
        Assignment.objects.visible_to(user)
        .values("form_id", "period_id")
        .annotate(expected=Count("pk"), deadline=Min("deadline"))
        .order_by()
    )
    forms = Form.objects.in_bulk({r["form_id"] for r in rows})
    periods = Period.objects.in_bulk({r["period_id"] for r in rows})
    result = [{**r, "form": forms[r["form_id"]], "period": periods[r["period_id"]]} for r in rows]
    result.sort(key=lambda r: (-r["period"].end.toordinal(), r["form"].code))
    return result


def status_rows(user, form, period, root, status_filter: str | None = None):
    """Each expected unit of root's subtree the user may see, with its submission's state."""
    assignments = (
        Assignment.objects.visible_to(user)
        .filter(form=form, period=period, unit__in=services.expected_units(form, root, period))
        .select_related("unit")
        .order_by("unit__sort_name", "unit__code")
    )
    submissions = {
        s.unit_id: s
        for s in Submission.objects.visible_to(user)
        .filter(in_subtree("unit__", root), form=form, period=period)
        .select_related("form", "unit", "submitted_by", "approved_by")
    }
    today = timezone.localdate()
    rows = []
    for assignment in assignments:
        submission = submissions.get(assignment.unit_id)
        status = submission.status if submission else NOT_STARTED
        overdue = timeliness.is_overdue(assignment.deadline, status, today)
        if status_filter == OVERDUE:
            if not overdue:
                continue
        elif status_filter and status != status_filter:
            continue
        sent = submission if submission and submission.status in REPORTED else None
        rows.append(
            {
                "unit": assignment.unit,
                "deadline": assignment.deadline,
                "submission": submission,
                "status": status,
                "overdue": overdue,
                # Overdue: days since the deadline; sent: days late at the first sending.
                "days_late": timeliness.days_late(assignment.deadline, sent, today)
                if overdue or sent
                else 0,
                "timely": timeliness.mark(assignment.deadline, sent),
            }
        )
    if status_filter == OVERDUE:
        rows.sort(key=lambda r: -r["days_late"])
    return rows


def visible_ancestors(user, unit: OrgUnit):
    paths = unit.ancestor_paths(include_self=False)
    return OrgUnit.objects.visible_to(user).filter(path__in=paths).order_by("path")
