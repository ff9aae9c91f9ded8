import datetime as dt

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.utils.dateparse import parse_date

from . import access, services
from .access import memberships
from .models import OrgUnit


def _date_param(request) -> dt.date | None:
    value = (request.GET.get("date") or "").strip()
    try:
        return dt.datetime.strptime(value, "%d/%m/%Y").date()  # as the box shows it
    except ValueError:
        pass
    try:
        return parse_date(value)
    except ValueError:
        return None


@login_required
def tree(request):
    """The user's units, or search results across everything the user may see."""
    visible = OrgUnit.objects.visible_to(request.user)
    date = _date_param(request)
    if date:
        visible = visible.valid_on(date)
    query = request.GET.get("q", "").strip()
    if query:
        results = visible.search(query).vi_ordered()
        page = Paginator(results, 50).get_page(request.GET.get("page"))
        roots = None
    else:
        page = None
        root_paths = {m.unit.path for m in memberships(request.user)}
        if request.user.is_superuser:
            roots = list(visible.filter(depth=1).vi_ordered())
        else:
            roots = [u for u in visible.filter(path__in=root_paths).vi_ordered()]
    context = {
        "query": query,
        "page": page,
        "roots": roots,
        "date": date,
        "can_import": access.has_role_action(request.user, access.ADMIN),
    }
    template = "orgs/_results.html" if request.htmx else "orgs/tree.html"
    return render(request, template, context)


@login_required
def detail(request, code):
    unit = get_object_or_404(OrgUnit.objects.visible_to(request.user), code=code)
    date = _date_param(request)
    children = OrgUnit.objects.visible_to(request.user).children_of(unit)
    if date:
        children = children.valid_on(date)
    children = children.vi_ordered()
    ancestors = OrgUnit.objects.visible_to(request.user).filter(
        path__in=unit.ancestor_paths(include_self=False)
    )
    successors, predecessors = services.successors_of(unit), services.predecessors_of(unit)
    # Lineage may cross into units the reader cannot open (a 2025 ward under the city):
    # named for everyone, linked only for those who may open it.
    openable = set(
        OrgUnit.objects.visible_to(request.user)
        .filter(pk__in=[u.pk for u in successors + predecessors])
        .values_list("pk", flat=True)
    )
    return render(
        request,
        "orgs/detail.html",
        {
            "unit": unit,
            "children": Paginator(children, 100).get_page(request.GET.get("page")),
            "ancestors": ancestors,
            "successors": successors,
            "predecessors": predecessors,
            "openable": openable,
            "date": date,
            "can_admin": access.can(request.user, access.ADMIN, unit),
        },
    )
