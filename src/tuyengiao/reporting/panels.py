"""Home panel: the forms the reporter's own units still have to send, with deadlines."""

from django.db.models import Exists, OuterRef
from django.utils import timezone

from tuyengiao.orgs import access
from tuyengiao.orgs.choices import Role

from .choices import NOT_STARTED, SubmissionStatus
from .models import Assignment, Submission
from .timeliness import is_overdue

LIMIT = 8


def forms_due(request):
    units = [m.unit_id for m in access.memberships(request.user) if m.role == Role.REPORTER]
    if not units:
        return None
    done = Submission.objects.filter(
        form=OuterRef("form"),
        period=OuterRef("period"),
        unit=OuterRef("unit"),
        status__in=[SubmissionStatus.SUBMITTED, SubmissionStatus.APPROVED],
    )
    status = Submission.objects.filter(
        form=OuterRef("form"), period=OuterRef("period"), unit=OuterRef("unit")
    ).values("status")[:1]
    due = (
        Assignment.objects.visible_to(request.user, access.REPORT)
        .filter(unit_id__in=units)
        .exclude(Exists(done))
        .annotate(status=status.values("status"))
        .select_related("form", "period", "unit")
        .order_by("deadline", "form__code")
    )
    today = timezone.localdate()
    items = [
        {
            "assignment": a,
            "status": a.status or NOT_STARTED,
            "overdue": is_overdue(a.deadline, a.status, today),
        }
        for a in due[:LIMIT]
    ]
    return {
        "template": "reporting/panel_forms_due.html",
        "context": {"items": items, "count": due.count()},
    }


def follow_up(request):
    """For specialists and approvers: the rounds not yet fully approved in their units."""
    user = request.user
    if not (
        access.has_role_action(user, access.CHANGE) or access.has_role_action(user, access.APPROVE)
    ):
        return None
    from . import pages
    from .rollup import completeness

    items = []
    for item in pages.rounds_for(user)[:LIMIT]:
        root = pages.default_root(user, item["form"], item["period"])
        if root is None or not (
            access.can(user, access.CHANGE, root) or access.can(user, access.APPROVE, root)
        ):
            continue
        counts = completeness(item["form"], root, item["period"])
        if counts.expected and counts.approved == counts.expected:
            continue
        items.append(
            {**item, "root": root, "counts": counts, "waiting": counts.submitted - counts.approved}
        )
    if not items:
        return None
    return {"template": "reporting/panel_follow_up.html", "context": {"items": items}}


def approval_queue(request):
    """For approvers: the reports waiting for them, oldest first, and the year-end report."""
    user = request.user
    if not access.has_role_action(user, access.APPROVE):
        return None
    from .review import refusal

    waiting = (
        Submission.objects.visible_to(user, access.APPROVE)
        .filter(status=SubmissionStatus.SUBMITTED)
        .select_related("form", "period", "unit")
        .order_by("submitted_at", "pk")
    )
    items = [s for s in waiting[: LIMIT * 4] if refusal(s, user) is None][:LIMIT]
    from .panel_rates import with_rates

    with_rates(items)
    roots = [
        m.unit
        for m in access.memberships(user)
        if access.APPROVE in access.ROLE_ACTIONS.get(m.role, ())
    ]
    from tuyengiao.reports.panels import report_year as year_of

    report_year = year_of(roots[0]) if roots else timezone.localdate().year - 1
    return {
        "template": "reporting/panel_approval_queue.html",
        "context": {
            "items": items,
            "count": waiting.count(),
            "root": roots[0] if roots else None,
            "report_year": report_year,
        },
    }


def returned(request):
    """For reporters: reports sent back to their units, with the reason to act on."""
    units = [m.unit_id for m in access.memberships(request.user) if m.role == Role.REPORTER]
    if not units:
        return None
    items = list(
        Submission.objects.visible_to(request.user, access.REPORT)
        .filter(unit_id__in=units, status=SubmissionStatus.RETURNED)
        .select_related("form", "period", "unit")
        .order_by("-updated_at")[:LIMIT]
    )
    if not items:
        return None
    return {"template": "reporting/panel_returned.html", "context": {"items": items}}
