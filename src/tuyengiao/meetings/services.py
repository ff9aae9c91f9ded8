"""Conference and task verbs. Rules (dates, who may do what, status moves) live here."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from tuyengiao.core import audit
from tuyengiao.core.errors import DomainError, NotAllowed
from tuyengiao.core.text import format_date
from tuyengiao.orgs import access

from .choices import TASK_TRANSITIONS, ConferenceKind, TaskStatus
from .models import Conclusion, Conference, Delegate, Presentation, ProgressNote, Task

CONFERENCE_FIELDS = ("kind", "title", "date", "place", "unit")
NO_CREATE = "Bạn không có quyền tạo hội nghị của đơn vị «{unit}»."
NO_EDIT = "Bạn không có quyền sửa hội nghị của đơn vị «{unit}»."
NO_MOVE = "Bạn không có quyền chuyển hội nghị sang của đơn vị «{unit}»."
NO_ASSIGN = "Bạn không có quyền giao nhiệm vụ từ hội nghị của đơn vị «{unit}»."
NO_EDIT_TASK = "Bạn không có quyền sửa nhiệm vụ của đơn vị «{unit}»."


def _require_text(value: str, label: str, field: str, max_length: int) -> str:
    value = (value or "").strip()
    if not value:
        raise DomainError(f"{label}: không được để trống.", field=field)
    if len(value) > max_length:
        raise DomainError(
            f"{label}: dài {len(value)} ký tự, tối đa {max_length} ký tự.", field=field
        )
    return value


def _check_conference(data: dict) -> None:
    if data["kind"] not in ConferenceKind.values:
        raise DomainError(f"Loại hội nghị «{data['kind']}» không hợp lệ.", field="kind")
    data["title"] = _require_text(data["title"], "Tên hội nghị", "title", 500)
    unit, date = data["unit"], data["date"]
    if date > timezone.localdate() + dt.timedelta(days=366):
        raise DomainError(
            f"Ngày hội nghị {format_date(date)}: không được quá một năm sau hôm nay.", field="date"
        )
    if not unit.is_valid_on(date):
        raise DomainError(
            f"Đơn vị chủ trì «{unit}» không có hiệu lực vào ngày hội nghị {format_date(date)}.",
            field="unit",
        )


@transaction.atomic
def create_conference(*, actor, **data) -> Conference:
    access.require(actor, access.CHANGE, data["unit"], NO_CREATE)
    _check_conference(data)
    conference = Conference.objects.create(**{k: data[k] for k in (*CONFERENCE_FIELDS,)})
    audit.record(actor, "conference.create", conference)
    return conference


@transaction.atomic
def update_conference(conference: Conference, *, actor, **data) -> Conference:
    access.require(actor, access.CHANGE, conference.unit, NO_EDIT)
    access.require(actor, access.CHANGE, data["unit"], NO_MOVE)
    _check_conference(data)
    for task in Task.objects.filter(conclusion__conference=conference):
        if task.due_date < data["date"]:
            raise DomainError(
                f"Ngày hội nghị {format_date(data['date'])}: nhiệm vụ «{task}» có hạn "
                f"{format_date(task.due_date)}, không được trước ngày hội nghị.",
                field="date",
            )
    changed = {k: str(data[k]) for k in CONFERENCE_FIELDS if getattr(conference, k) != data[k]}
    for key in CONFERENCE_FIELDS:
        setattr(conference, key, data[key])
    conference.save()
    audit.record(actor, "conference.update", conference, changed=changed)
    return conference


def _next_order(queryset) -> int:
    return (queryset.aggregate(m=Max("order"))["m"] or 0) + 1


@transaction.atomic
def add_delegate(conference, *, actor, name, title="", unit_name="") -> Delegate:
    access.require(actor, access.CHANGE, conference.unit, NO_EDIT)
    delegate = Delegate.objects.create(
        conference=conference,
        name=_require_text(name, "Họ và tên đại biểu", "name", 200),
        title=(title or "").strip()[:500],
        unit_name=(unit_name or "").strip()[:300],
        order=_next_order(conference.delegates),
    )
    audit.record(actor, "conference.delegate_add", conference, name=delegate.name)
    return delegate


@transaction.atomic
def add_presentation(conference, *, actor, unit, title) -> Presentation:
    access.require(actor, access.CHANGE, conference.unit, NO_EDIT)
    presentation = Presentation.objects.create(
        conference=conference,
        unit=unit,
        title=_require_text(title, "Nội dung tham luận", "title", 500),
        order=_next_order(conference.presentations),
    )
    audit.record(actor, "conference.presentation_add", conference, unit=conference.unit)
    return presentation


@transaction.atomic
def add_conclusion(conference, *, actor, text) -> Conclusion:
    access.require(actor, access.CHANGE, conference.unit, NO_EDIT)
    conclusion = Conclusion.objects.create(
        conference=conference,
        text=_require_text(text, "Nội dung kết luận", "text", 5000),
        order=_next_order(conference.conclusions),
    )
    audit.record(actor, "conference.conclusion_add", conference, order=conclusion.order)
    return conclusion


@transaction.atomic
def remove_item(item, *, actor) -> None:
    """Remove a delegate, presentation or conclusion (a conclusion only while it has no task)."""
    conference = item.conference
    access.require(actor, access.CHANGE, conference.unit, NO_EDIT)
    if isinstance(item, Conclusion) and item.tasks.exists():
        raise DomainError(
            f"Kết luận số {item.order} đã giao {item.tasks.count()} nhiệm vụ, không xóa được."
        )
    label = str(item)
    item.delete()
    audit.record(actor, f"conference.{item._meta.model_name}_remove", conference, item=label)


ITEM_FIELDS = {
    Delegate: ("name", "title", "unit_name", "order"),
    Presentation: ("unit_id", "title", "order"),
    Conclusion: ("text", "order"),
}


def snapshot(item) -> dict:
    """What `restore_item` needs to put a removed item back in its place (core.undo)."""
    return {name: getattr(item, name) for name in ITEM_FIELDS[type(item)]}


@transaction.atomic
def restore_item(conference, kind: str, data: dict, *, actor):
    """Undo of `remove_item`: the delegate, presentation or conclusion comes back where it was."""
    access.require(actor, access.CHANGE, conference.unit, NO_EDIT)
    model = {"delegate": Delegate, "presentation": Presentation, "conclusion": Conclusion}[kind]
    fields = {name: data[name] for name in ITEM_FIELDS[model]}
    item = model.objects.create(conference=conference, **fields)
    audit.record(actor, f"conference.{kind}_restore", conference, item=str(item))
    return item


def _check_task(conclusion: Conclusion, unit, title: str, due_date: dt.date, actor) -> str:
    conference = conclusion.conference
    title = _require_text(title, "Tên nhiệm vụ", "title", 500)
    if not access.can(actor, access.CHANGE, unit):
        raise DomainError(
            f"Đơn vị thực hiện «{unit}»: nằm ngoài phạm vi đơn vị bạn được giao việc.",
            field="unit",
        )
    if not unit.is_valid_on(conference.date):
        raise DomainError(
            f"Đơn vị thực hiện «{unit}» không có hiệu lực vào ngày hội nghị "
            f"{format_date(conference.date)}.",
            field="unit",
        )
    if due_date < conference.date:
        raise DomainError(
            f"Hạn hoàn thành {format_date(due_date)}: không được trước ngày hội nghị "
            f"{format_date(conference.date)}.",
            field="due_date",
        )
    return title


@transaction.atomic
def create_task_from_conclusion(
    conclusion: Conclusion, *, actor, unit, title: str, due_date: dt.date, illustrative=False
) -> Task:
    """A conclusion becomes one task per assignee unit; call once for each unit."""
    access.require(actor, access.CHANGE, conclusion.conference.unit, NO_ASSIGN)
    title = _check_task(conclusion, unit, title, due_date, actor)
    task = Task.objects.create(
        conclusion=conclusion, unit=unit, title=title, due_date=due_date, illustrative=illustrative
    )
    audit.record(
        actor, "task.create", task, conclusion=conclusion.pk, due_date=due_date, unit_code=unit.code
    )
    return task


@transaction.atomic
def create_tasks_from_conclusion(
    conclusion: Conclusion, *, actor, units, title: str, due_date: dt.date
) -> list[Task]:
    """One task per unit, all or none: a refusal for one unit saves no task."""
    return [
        create_task_from_conclusion(
            conclusion, actor=actor, unit=unit, title=title, due_date=due_date
        )
        for unit in dict.fromkeys(units)  # once each, in the order chosen
    ]


@transaction.atomic
def update_task(task: Task, *, actor, unit, title: str, due_date: dt.date) -> Task:
    access.require(actor, access.CHANGE, task.conference.unit, NO_EDIT_TASK)
    task.title = _check_task(task.conclusion, unit, title, due_date, actor)
    changed = {"unit": unit.code, "due_date": due_date} if task.unit_id != unit.pk else {}
    task.unit, task.due_date = unit, due_date
    task.save()
    audit.record(actor, "task.update", task, due_date=due_date, **changed)
    return task


def can_follow_up(user, task: Task) -> bool:
    """Progress notes and status: the assignee unit's reporters, or the host unit's specialists."""
    return access.can(user, access.REPORT, task.unit) or access.can(
        user, access.CHANGE, task.conference.unit
    )


def can_manage(user, task: Task) -> bool:
    return access.can(user, access.CHANGE, task.conference.unit)


@transaction.atomic
def change_task_status(task: Task, *, actor, status: str, date: dt.date | None = None) -> Task:
    if not can_follow_up(actor, task):
        raise NotAllowed(f"Bạn không có quyền cập nhật nhiệm vụ «{task}».")
    task = Task.objects.select_for_update().get(pk=task.pk)
    if status == task.status:
        return task
    if status not in TaskStatus.values:
        raise DomainError(f"Trạng thái «{status}» không hợp lệ.", field="status")
    if status not in TASK_TRANSITIONS[TaskStatus(task.status)]:
        raise DomainError(
            f"Trạng thái: không chuyển được từ «{task.get_status_display()}» sang "
            f"«{TaskStatus(status).label}».",
            field="status",
        )
    previous = task.status
    task.status = status
    task.done_on = (date or timezone.localdate()) if status == TaskStatus.DONE else None
    task.save()
    audit.record(actor, "task.status", task, previous=previous, status=status)
    return task


@transaction.atomic
def add_progress_note(task: Task, *, actor, text: str, date: dt.date) -> ProgressNote:
    if not can_follow_up(actor, task):
        raise NotAllowed(f"Bạn không có quyền cập nhật nhiệm vụ «{task}».")
    text = _require_text(text, "Nội dung tiến độ", "text", 5000)
    today = timezone.localdate()
    if date > today:
        raise DomainError(
            f"Ngày cập nhật {format_date(date)}: không được sau hôm nay ({format_date(today)}).",
            field="date",
        )
    if date < task.conference.date:
        raise DomainError(
            f"Ngày cập nhật {format_date(date)}: không được trước ngày hội nghị "
            f"{format_date(task.conference.date)}.",
            field="date",
        )
    note = ProgressNote.objects.create(task=task, text=text, date=date, author=actor)
    audit.record(actor, "task.progress", task, date=date)
    return note


@transaction.atomic
def record_progress(task: Task, *, actor, text: str, date: dt.date, status: str) -> Task:
    """The follow-up form: a note and, if chosen, a new status, saved together or not at all."""
    add_progress_note(task, actor=actor, text=text, date=date)
    return change_task_status(task, actor=actor, status=status, date=date)
