"""Home-page panels: what the user's unit has to do, and what is late."""

from django.db.models import Count, Q

from tuyengiao.orgs import access
from tuyengiao.orgs.choices import Role

from .choices import TaskStatus
from .models import Task, overdue_q

LIMIT = 8


def my_tasks(request):
    """Open tasks assigned to the units the user belongs to (as reporter or specialist)."""
    units = [m.unit_id for m in access.memberships(request.user) if m.role != Role.VIEWER]
    if not units:
        return None
    tasks = (
        Task.objects.visible_to(request.user)
        .filter(unit_id__in=units)
        .open()
        .select_related("unit")
        .order_by("due_date", "id")
    )
    count = tasks.count()
    if not count and not any(m.role == Role.REPORTER for m in access.memberships(request.user)):
        return None
    return {
        "template": "meetings/panel_my_tasks.html",
        "context": {"tasks": tasks[:LIMIT], "count": count},
    }


def overdue_tasks(request):
    """For those who assign tasks (specialists): how many are late across their units."""
    if not access.has_role_action(request.user, access.CHANGE):
        return None
    counts = Task.objects.visible_to(request.user, access.CHANGE).aggregate(
        open=Count("pk", filter=~Q(status=TaskStatus.DONE)),
        overdue=Count("pk", filter=overdue_q()),
    )
    return {"template": "meetings/panel_overdue.html", "context": counts}
