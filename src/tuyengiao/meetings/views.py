"""Conference and task pages, made with the record-page kit (core.records): every object
comes from `visible_to`; the work is in services."""

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from tuyengiao.core import records, undo
from tuyengiao.core.xlsx import Column
from tuyengiao.orgs import access

from . import services
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
from .models import Conclusion, Conference, Delegate, Presentation, Task, overdue_q


class ConferenceList(records.RecordList):
    model = Conference
    select_related = ("unit",)
    filterset_class = ConferenceFilter
    template_name = "meetings/conference_list.html"
    export_filename, export_title = "hoi-nghi.xlsx", "Hội nghị"
    export_columns = [
        Column("Ngày", 12, "date"),
        Column("Loại", 14, lambda c: c.get_kind_display()),
        Column("Tên hội nghị", 60, "title"),
        Column("Địa điểm", 30, "place"),
        Column("Đơn vị chủ trì", 30, "unit.name"),
        Column("Số kết luận", 10, "n_conclusions"),
        Column("Số nhiệm vụ", 10, "n_tasks"),
    ]

    def records(self, queryset):
        return queryset.annotate(
            n_conclusions=Count("conclusions", distinct=True),
            n_tasks=Count("conclusions__tasks", distinct=True),
        ).order_by("-date", "-id")


class ConferenceDetail(records.RecordDetail):
    model = Conference
    select_related = ("unit",)
    template_name = "meetings/conference_detail.html"
    context_object_name = "conference"

    def extra_context(self, conference):
        tasks = list(
            Task.objects.visible_to(self.request.user)
            .filter(conclusion__conference=conference)
            .select_related("unit")
        )
        context = {
            "delegates": conference.delegates.all(),
            "presentations": conference.presentations.select_related("unit"),
            "conclusions": [
                (c, [t for t in tasks if t.conclusion_id == c.pk])
                for c in conference.conclusions.all()
            ],
            "today": timezone.localdate(),
        }
        if self.may_change(conference):
            context |= {
                "delegate_form": DelegateForm(prefix="delegate"),
                "presentation_form": PresentationForm(
                    prefix="presentation", user=self.request.user
                ),
                "conclusion_form": ConclusionForm(prefix="conclusion"),
            }
        return context


class ConferenceEdit(records.RecordEdit):
    model = Conference
    form_class = ConferenceForm
    template_name = "meetings/conference_form.html"
    context_object_name = "conference"
    success_message = _("Conference saved.")

    def save(self, form, conference):
        data = {k: form.cleaned_data[k] for k in services.CONFERENCE_FIELDS}
        if conference is None:
            return services.create_conference(actor=self.request.user, **data)
        # A fresh copy: the ModelForm has already written the new values on `conference`,
        # and the service records what changed.
        fresh = Conference.objects.get(pk=conference.pk)
        return services.update_conference(fresh, actor=self.request.user, **data)


ITEM_FORMS = {
    "delegate": (DelegateForm, services.add_delegate),
    "presentation": (PresentationForm, services.add_presentation),
    "conclusion": (ConclusionForm, services.add_conclusion),
}
ITEM_MODELS = {"delegate": Delegate, "presentation": Presentation, "conclusion": Conclusion}


class ConferenceAdd(records.ItemAdd):
    model = Conference

    def get_form(self, conference):
        item = self.kwargs["item"]
        extra = {"user": self.request.user} if item == "presentation" else {}
        return ITEM_FORMS[item][0](self.request.POST, prefix=item, **extra)

    def save(self, form, conference):
        verb = ITEM_FORMS[self.kwargs["item"]][1]
        return verb(conference, actor=self.request.user, **form.cleaned_data)

    def message(self, form):
        return added_message(self.kwargs["item"], form.cleaned_data)

    def next_url(self, conference):
        return f"{conference.get_absolute_url()}#{self.kwargs['item']}s"


class ConferenceRemove(records.RecordRemove):
    model = Conference
    undo_action = "meetings.restore_item"

    def target(self, conference):
        item = self.kwargs["item"]
        return get_object_or_404(
            ITEM_MODELS[item], conference=conference, pk=self.kwargs["item_pk"]
        )

    def remove(self, obj):
        data = services.snapshot(obj)
        services.remove_item(obj, actor=self.request.user)
        return {"conference": obj.conference_id, "kind": self.kwargs["item"], "data": data}

    def question(self, obj):
        """The sentence of the «×» button's data-confirm (conference_detail.html)."""
        item = self.kwargs["item"]
        if item == "delegate":
            return _("Remove delegate «%(name)s»? You can undo it right after.") % {
                "name": obj.name
            }
        if item == "presentation":
            return _("Remove the presentation of «%(unit)s»? You can undo it right after.") % {
                "unit": obj.unit.name
            }
        return _("Remove conclusion %(order)s? You can undo it right after.") % {"order": obj.order}

    def message(self, obj):
        return removed_message(self.kwargs["item"], obj)

    def next_url(self, conference):
        return f"{conference.get_absolute_url()}#{self.kwargs['item']}s"


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


class TaskView:
    model = Task
    select_related = ("unit", "conclusion__conference__unit")


class TaskCreate(TaskView, records.RecordEdit):
    """Tasks from a conclusion of a conference the user may change; one per unit chosen."""

    form_class = TaskForm
    template_name = "meetings/task_form.html"
    context_object_name = "task"

    def get_object(self, action=None):
        self.conclusion = get_object_or_404(
            Conclusion.objects.select_related("conference__unit"),
            pk=self.kwargs["conclusion_pk"],
            conference__in=Conference.objects.visible_to(self.request.user, access.CHANGE),
        )
        return None

    def get_form_kwargs(self, obj):
        return {"user": self.request.user, "many": True}

    def save(self, form, task):
        data = dict(form.cleaned_data)
        units = [data.pop("unit"), *data.pop("also_units", [])]
        return services.create_tasks_from_conclusion(
            self.conclusion, actor=self.request.user, units=units, **data
        )

    def get_success_message(self, created):
        if len(created) == 1:
            return _("Task assigned.")
        return _("Task assigned to %(n)s units.") % {"n": len(created)}

    def success_url(self, created):
        return f"{self.conclusion.conference.get_absolute_url()}#conclusions"

    def extra_context(self, task):
        return {"conclusion": self.conclusion}


class TaskEdit(TaskView, records.RecordEdit):
    form_class = TaskForm
    template_name = "meetings/task_form.html"
    context_object_name = "task"
    success_message = _("Task saved.")

    def get_object(self, action=None):
        task = super().get_object(action)
        if not services.can_manage(self.request.user, task):
            raise PermissionDenied
        return task

    def save(self, form, task):
        fresh = Task.objects.get(pk=task.pk)
        services.update_task(fresh, actor=self.request.user, **form.cleaned_data)
        return task

    def extra_context(self, task):
        return {"conclusion": task.conclusion}


class TaskList(TaskView, records.RecordList):
    filterset_class = TaskFilter
    template_name = "meetings/task_list.html"
    export_filename, export_title = "nhiem-vu.xlsx", "Nhiệm vụ"
    export_columns = [
        Column("Nhiệm vụ", 50, "title"),
        Column("Đơn vị thực hiện", 30, "unit.name"),
        Column("Hạn hoàn thành", 12, "due_date"),
        Column("Trạng thái", 16, lambda t: t.get_status_display()),
        Column("Quá hạn", 9, lambda t: "quá hạn" if t.is_overdue(timezone.localdate()) else ""),
        Column("Ngày hoàn thành", 12, "done_on"),
        Column("Hội nghị", 50, "conference.title"),
        Column("Ngày hội nghị", 12, "conference.date"),
    ]

    def extra_context(self, tasks):
        today = timezone.localdate()
        counts = tasks.aggregate(
            total=Count("pk"),
            done=Count("pk", filter=Q(status=TaskStatus.DONE)),
            overdue=Count("pk", filter=overdue_q(today)),
        )
        return {"counts": counts, "today": today}


class TaskDetail(TaskView, records.RecordEdit):
    """The task and, for who follows it up, the progress form (a service verb)."""

    action = access.VIEW
    form_class = ProgressForm
    template_name = "meetings/task_detail.html"
    context_object_name = "task"
    success_message = _("Progress recorded.")

    def get_object(self, action=None):
        task = records.RecordView.get_object(self, action)
        self.can_follow_up = services.can_follow_up(self.request.user, task)
        if self.request.method == "POST" and not self.can_follow_up:
            raise PermissionDenied
        return task

    def get_form_kwargs(self, task):
        return {"task": task}

    def save(self, form, task):
        services.record_progress(task, actor=self.request.user, **form.cleaned_data)
        return task

    def success_url(self, task):
        return task.get_absolute_url()

    def extra_context(self, task):
        return {
            "form": self.form if self.can_follow_up else None,
            "notes": task.notes.select_related("author"),
            "can_manage": services.can_manage(self.request.user, task),
            "history": task.history.select_related("history_user")[:20],
            "today": timezone.localdate(),
        }
