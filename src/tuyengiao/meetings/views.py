"""Conference and task pages. Every object comes from `visible_to`; the work is in services."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tuyengiao.core import undo
from tuyengiao.core.errors import DomainError
from tuyengiao.orgs import access

from . import services, xlsx
from .choices import TaskStatus
from .filters import ConferenceFilter, TaskFilter
from .forms import (
    ConclusionForm,
    ConferenceForm,
    DelegateForm,
    PresentationForm,
    ProgressForm,
    TaskForm,
)
from .models import Conclusion, Conference, Delegate, Presentation, Task


def attempt(form, call) -> bool:
    """Run a service; put its Vietnamese message on the form field it names."""
    try:
        call()
    except DomainError as error:
        field = error.field if error.field in form.fields else None
        form.add_error(field, error.message)
        return False
    return True


def _page(request, queryset, size=50):
    return Paginator(queryset, size).get_page(request.GET.get("page"))


def list_querystring(request) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    params.pop("export", None)
    return params.urlencode()


@login_required
def conference_list(request):
    base = Conference.objects.visible_to(request.user).select_related("unit")
    filterset = ConferenceFilter(request.GET, queryset=base, request=request)
    conferences = filterset.qs.annotate(
        n_conclusions=Count("conclusions", distinct=True),
        n_tasks=Count("conclusions__tasks", distinct=True),
    ).order_by("-date", "-id")
    if request.GET.get("export") == "xlsx":
        return xlsx.response(
            "hoi-nghi.xlsx",
            "Hội nghị",
            [
                "Ngày",
                "Loại",
                "Tên hội nghị",
                "Địa điểm",
                "Đơn vị chủ trì",
                "Số kết luận",
                "Số nhiệm vụ",
            ],  # fmt: skip
            (
                [
                    c.date,
                    c.get_kind_display(),
                    c.title,
                    c.place,
                    c.unit.name,
                    c.n_conclusions,
                    c.n_tasks,
                ]  # fmt: skip
                for c in conferences
            ),
            [12, 14, 60, 30, 30, 10, 10],
        )
    return render(
        request,
        "meetings/conference_list.html",
        {
            "filter": filterset,
            "page": _page(request, conferences),
            "querystring": list_querystring(request),
            "can_create": access.has_role_action(request.user, access.CHANGE),
        },
    )


@login_required
def conference_detail(request, pk):
    conference = get_object_or_404(
        Conference.objects.visible_to(request.user).select_related("unit"), pk=pk
    )
    can_change = access.can(request.user, access.CHANGE, conference.unit)
    tasks = list(
        Task.objects.visible_to(request.user)
        .filter(conclusion__conference=conference)
        .select_related("unit")
    )
    conclusions = [
        (c, [t for t in tasks if t.conclusion_id == c.pk]) for c in conference.conclusions.all()
    ]
    context = {
        "conference": conference,
        "delegates": conference.delegates.all(),
        "presentations": conference.presentations.select_related("unit"),
        "conclusions": conclusions,
        "can_change": can_change,
        "today": timezone.localdate(),
    }
    if can_change:
        context |= {
            "delegate_form": DelegateForm(prefix="delegate"),
            "presentation_form": PresentationForm(prefix="presentation", user=request.user),
            "conclusion_form": ConclusionForm(prefix="conclusion"),
        }
    return render(request, "meetings/conference_detail.html", context)


@login_required
def conference_edit(request, pk=None):
    conference = None
    if pk is not None:
        conference = get_object_or_404(
            Conference.objects.visible_to(request.user, access.CHANGE), pk=pk
        )
    elif not access.has_role_action(request.user, access.CHANGE):
        raise PermissionDenied
    form = ConferenceForm(request.POST or None, instance=conference, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = {k: form.cleaned_data[k] for k in services.CONFERENCE_FIELDS}
        result = {}

        def save():
            if conference is None:
                result["obj"] = services.create_conference(actor=request.user, **data)
            else:
                # A fresh copy: the ModelForm has already written the new values on `conference`,
                # and the service records what changed.
                fresh = Conference.objects.get(pk=conference.pk)
                result["obj"] = services.update_conference(fresh, actor=request.user, **data)

        if attempt(form, save):
            messages.success(request, _("Conference saved."))
            return redirect("meetings:detail", result["obj"].pk)
    return render(
        request, "meetings/conference_form.html", {"form": form, "conference": conference}
    )


ITEM_FORMS = {
    "delegate": (DelegateForm, services.add_delegate),
    "presentation": (PresentationForm, services.add_presentation),
    "conclusion": (ConclusionForm, services.add_conclusion),
}


@login_required
@require_POST
def conference_add(request, pk, item):
    conference = get_object_or_404(
        Conference.objects.visible_to(request.user, access.CHANGE), pk=pk
    )
    form_class, verb = ITEM_FORMS[item]
    extra = {"user": request.user} if item == "presentation" else {}
    form = form_class(request.POST, prefix=item, **extra)
    if form.is_valid() and attempt(
        form, lambda: verb(conference, actor=request.user, **form.cleaned_data)
    ):
        messages.success(request, added_message(item, form.cleaned_data))
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    return redirect(f"{conference.get_absolute_url()}#{item}s")


ITEM_MODELS = {"delegate": Delegate, "presentation": Presentation, "conclusion": Conclusion}


@login_required
@require_POST
def conference_remove(request, pk, item, item_pk):
    conference = get_object_or_404(
        Conference.objects.visible_to(request.user, access.CHANGE), pk=pk
    )
    obj = get_object_or_404(ITEM_MODELS[item], conference=conference, pk=item_pk)
    back = f"{conference.get_absolute_url()}#{item}s"
    data = services.snapshot(obj)
    try:
        services.remove_item(obj, actor=request.user)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect(back)
    undo.offer(
        request,
        removed_message(item, obj),
        action="meetings.restore_item",
        payload={"conference": conference.pk, "kind": item, "data": data},
        next_url=back,
    )
    return redirect(back)


def added_message(kind: str, data: dict) -> str:
    if kind == "delegate":
        return _("Delegate «%(name)s» added.") % {"name": data["name"].strip()}
    if kind == "presentation":
        return _("Presentation of «%(unit)s» added.") % {"unit": data["unit"]}
    return _("Conclusion added.")


def removed_message(kind: str, obj) -> str:
    if kind == "delegate":
        return _("Delegate «%(name)s» removed.") % {"name": obj.name}
    if kind == "presentation":
        return _("Presentation of «%(unit)s» removed.") % {"unit": obj.unit}
    return _("Conclusion %(order)s removed.") % {"order": obj.order}


@undo.register("meetings.restore_item")
def _restore_item(payload, *, actor) -> str:
    conference = get_object_or_404(
        Conference.objects.visible_to(actor, access.CHANGE), pk=payload["conference"]
    )
    services.restore_item(conference, payload["kind"], payload["data"], actor=actor)
    return _("Restored.")


@login_required
def task_create(request, conclusion_pk):
    conclusion = get_object_or_404(
        Conclusion.objects.select_related("conference__unit"),
        pk=conclusion_pk,
        conference__in=Conference.objects.visible_to(request.user, access.CHANGE),
    )
    form = TaskForm(request.POST or None, user=request.user, many=True)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        units = [data.pop("unit"), *data.pop("also_units", [])]
        created = []
        if attempt(
            form,
            lambda: created.extend(
                services.create_tasks_from_conclusion(
                    conclusion, actor=request.user, units=units, **data
                )
            ),
        ):
            if len(created) == 1:
                messages.success(request, _("Task assigned."))
            else:
                messages.success(request, _("Task assigned to %(n)s units.") % {"n": len(created)})
            return redirect(f"{conclusion.conference.get_absolute_url()}#conclusions")
    return render(
        request, "meetings/task_form.html", {"form": form, "conclusion": conclusion, "task": None}
    )


def _task_queryset(request, action=access.VIEW):
    return Task.objects.visible_to(request.user, action).select_related(
        "unit", "conclusion__conference__unit"
    )


@login_required
def task_edit(request, pk):
    task = get_object_or_404(_task_queryset(request, access.CHANGE), pk=pk)
    if not services.can_manage(request.user, task):
        raise PermissionDenied
    form = TaskForm(request.POST or None, instance=task, user=request.user)
    if request.method == "POST" and form.is_valid():
        if attempt(
            form,
            lambda: services.update_task(
                Task.objects.get(pk=task.pk), actor=request.user, **form.cleaned_data
            ),
        ):
            messages.success(request, _("Task saved."))
            return redirect("meetings:task", task.pk)
    return render(
        request,
        "meetings/task_form.html",
        {"form": form, "conclusion": task.conclusion, "task": task},
    )


TASK_HEADERS = ["Nhiệm vụ", "Đơn vị thực hiện", "Hạn hoàn thành", "Trạng thái", "Quá hạn",
                "Ngày hoàn thành", "Hội nghị", "Ngày hội nghị"]  # fmt: skip


@login_required
def task_list(request):
    filterset = TaskFilter(request.GET, queryset=_task_queryset(request), request=request)
    tasks = filterset.qs
    today = timezone.localdate()
    if request.GET.get("export") == "xlsx":
        rows = (
            [
                t.title,
                t.unit.name,
                t.due_date,
                t.get_status_display(),
                "quá hạn" if t.is_overdue(today) else "",
                t.done_on,
                t.conference.title,
                t.conference.date,
            ]  # fmt: skip
            for t in tasks
        )
        return xlsx.response(
            "nhiem-vu.xlsx", "Nhiệm vụ", TASK_HEADERS, rows, [50, 30, 12, 16, 9, 12, 50, 12]
        )
    counts = tasks.aggregate(
        total=Count("pk"),
        done=Count("pk", filter=Q(status=TaskStatus.DONE)),
        overdue=Count("pk", filter=~Q(status=TaskStatus.DONE) & Q(due_date__lt=today)),
    )
    return render(
        request,
        "meetings/task_list.html",
        {
            "filter": filterset,
            "page": _page(request, tasks),
            "counts": counts,
            "querystring": list_querystring(request),
            "today": today,
        },
    )


@login_required
def task_detail(request, pk):
    task = get_object_or_404(_task_queryset(request), pk=pk)
    can_follow_up = services.can_follow_up(request.user, task)
    form = ProgressForm(request.POST or None, task=task)
    if request.method == "POST":
        if not can_follow_up:
            raise PermissionDenied
        if form.is_valid() and attempt(
            form, lambda: services.record_progress(task, actor=request.user, **form.cleaned_data)
        ):
            messages.success(request, _("Progress recorded."))
            return redirect("meetings:task", task.pk)
    return render(
        request,
        "meetings/task_detail.html",
        {
            "task": task,
            "notes": task.notes.select_related("author"),
            "form": form if can_follow_up else None,
            "can_manage": services.can_manage(request.user, task),
            "history": task.history.select_related("history_user")[:20],
            "today": timezone.localdate(),
        },
    )
