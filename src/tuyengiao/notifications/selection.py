"""What the reminders read from other apps, in one place: the reporting engine's
"who still owes what" and the conference tasks' deadlines. When the engine's models move
(collections), only this module follows."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse

from tuyengiao.orgs import access
from tuyengiao.orgs.models import Membership, OrgUnit

# A report counts as sent once it is submitted or approved; a returned one is owed again.
DONE_STATUSES = ("submitted", "approved")


@dataclass(frozen=True)
class Pending:
    """A unit that owes a form for a period."""

    unit: OrgUnit
    form: object
    period: object
    deadline: dt.date

    def days_late(self, on: dt.date) -> int:
        return (on - self.deadline).days

    @property
    def path(self) -> str:
        return submission_path(self.form, self.period, self.unit)


def submission_path(form, period, unit) -> str:
    """The page where the unit enters its figures."""
    return reverse("reporting:submission", args=[form.code, period.code, unit.code])


def assignments_of_event(event):
    """The assignments a «form.assign» audit event made: its form, period and subtree."""
    from tuyengiao.reporting.models import Assignment

    period = event.data.get("period")
    if not event.unit_id or not period:
        return []
    return list(
        Assignment.objects.filter(
            access.subtree_q(event.unit.path, "unit"),
            form_id=event.object_id,
            period__code=period,
        ).select_related("form", "period", "unit")
    )


def pending_assignments(*, units=None, forms=None) -> list[Pending]:
    """Every assignment whose unit existed at the period's end and has not sent its report."""
    from tuyengiao.reporting.models import Assignment, Submission

    done = Submission.objects.filter(
        form=OuterRef("form"),
        period=OuterRef("period"),
        unit=OuterRef("unit"),
        status__in=DONE_STATUSES,
    )
    rows = (
        Assignment.objects.filter(~Exists(done))
        .select_related("unit", "form", "period")
        .order_by("deadline", "form__code", "unit__sort_name", "unit__code")
    )
    if units is not None:
        rows = rows.filter(unit__in=units)
    if forms is not None:
        rows = rows.filter(form__in=forms)
    return [
        Pending(a.unit, a.form, a.period, a.deadline)
        for a in rows
        if a.unit.is_valid_on(a.period.end)
    ]


def reporters_of(unit: OrgUnit):
    """Active users who report for the unit itself (not those of units above it)."""
    roles = [role for role, actions in access.ROLE_ACTIONS.items() if access.REPORT in actions]
    return _users_with(Q(memberships__unit=unit, memberships__role__in=roles))


def reporters_by_unit(units) -> dict:
    """{unit id: [active users who report for it]}, a query per 5.000 units (SQLite takes
    32.766 parameters at most; a national run owes more units than that)."""
    roles = [role for role, actions in access.ROLE_ACTIONS.items() if access.REPORT in actions]
    ids = sorted({u.pk for u in units})
    result: dict = {}
    for start in range(0, len(ids), 5000):
        for membership in (
            Membership.objects.filter(
                unit__in=ids[start : start + 5000], role__in=roles, user__is_active=True
            )
            .select_related("user")
            .order_by("user__username")
        ):
            users = result.setdefault(membership.unit_id, [])
            if membership.user not in users:
                users.append(membership.user)
    return result


def members_of(unit: OrgUnit):
    return _users_with(Q(memberships__unit=unit))


def approvers_of(unit: OrgUnit):
    """Active users who may approve the unit's reports: approvers of it or of a unit above."""
    roles = [role for role, actions in access.ROLE_ACTIONS.items() if access.APPROVE in actions]
    holders = Membership.objects.filter(
        role__in=roles, unit__path__in=unit.ancestor_paths()
    ).exclude(role__in=access.OWN_UNIT_ONLY_ROLES)
    return _users_with(Q(pk__in=holders.values("user_id")))


def _users_with(condition: Q):
    return (
        get_user_model().objects.filter(condition, is_active=True).distinct().order_by("username")
    )


def open_tasks_due_between(first: dt.date, last: dt.date):
    from tuyengiao.meetings.models import Task

    return (
        Task.objects.open()
        .filter(due_date__gte=first, due_date__lte=last)
        .select_related("unit")
        .order_by("due_date", "pk")
    )


def overdue_tasks(on: dt.date):
    """The tasks overdue on `on`, by the tasks' own rule (meetings' `Task.objects.overdue`)."""
    from tuyengiao.meetings.models import Task

    return Task.objects.overdue(on).select_related("unit").order_by("due_date", "pk")
