import datetime as dt

import pytest
from django.db.models import Count
from hypothesis import given
from hypothesis import strategies as st

from tuyengiao.core.errors import DomainError, NotAllowed
from tuyengiao.core.models import AuditEvent
from tuyengiao.meetings import services
from tuyengiao.meetings.choices import ConferenceKind, TaskStatus
from tuyengiao.meetings.models import Conference, Task, overdue_q
from tuyengiao.orgs.models import OrgUnit

pytestmark = pytest.mark.django_db


def unit(code):
    return OrgUnit.objects.get(code=code)


def new_conference(actor, **overrides):
    data = dict(
        kind=ConferenceKind.THEMATIC,
        title="Hội nghị chuyên đề thử",
        date=dt.date(2024, 3, 1),
        place="Hội trường",
        unit=unit("QU-Q1"),
    )
    return services.create_conference(actor=actor, **(data | overrides))


def test_the_demo_conference_has_the_seed_delegates_presentations_and_tasks(conference):
    names = [d.name for d in conference.delegates.all()]
    assert names[0] == "Nguyễn Thanh Đoàn" and "Tô Thị Bích Châu" in names
    assert conference.presentations.count() == 5
    tasks = Task.objects.filter(conclusion__conference=conference)
    assert {t.due_date.year for t in tasks} == {2023}
    assert tasks.filter(status=TaskStatus.DONE).exists()
    assert tasks.overdue().filter(unit__code="DU-BEN-NGHE").exists()


def test_a_task_is_overdue_when_not_done_and_its_due_date_has_passed(ben_nghe_task):
    due = ben_nghe_task.due_date
    assert not ben_nghe_task.is_overdue(today=due)
    assert ben_nghe_task.is_overdue(today=due + dt.timedelta(days=1))
    assert Task.objects.overdue(today=due + dt.timedelta(days=1)).filter(pk=ben_nghe_task.pk)
    assert not Task.objects.overdue(today=due).filter(pk=ben_nghe_task.pk)


def test_a_done_task_is_never_overdue(ben_nghe_task, reporter):
    services.change_task_status(ben_nghe_task, actor=reporter, status=TaskStatus.DONE)
    ben_nghe_task.refresh_from_db()
    assert ben_nghe_task.done_on is not None
    assert not ben_nghe_task.is_overdue(today=dt.date(2030, 1, 1))
    assert not Task.objects.overdue(today=dt.date(2030, 1, 1)).filter(pk=ben_nghe_task.pk)


@given(
    status=st.sampled_from(TaskStatus.values),
    due=st.dates(dt.date(2020, 1, 1), dt.date(2030, 1, 1)),
    today=st.dates(dt.date(2020, 1, 1), dt.date(2030, 1, 1)),
)
def test_overdue_property_matches_the_overdue_query_rule(status, due, today):
    task = Task(status=status, due_date=due)
    assert task.is_overdue(today) == (status != TaskStatus.DONE and due < today)


def test_the_overdue_query_the_counts_and_each_task_agree_on_every_day():
    tasks = list(Task.objects.all())
    days = sorted({t.due_date for t in tasks})
    for day in [days[0] - dt.timedelta(days=1), *days, days[-1] + dt.timedelta(days=1)]:
        by_rule = {t.pk for t in tasks if t.is_overdue(day)}
        assert set(Task.objects.overdue(day).values_list("pk", flat=True)) == by_rule
        counted = Task.objects.aggregate(n=Count("pk", filter=overdue_q(day)))["n"]
        assert counted == len(by_rule)
    assert 0 < len({t.pk for t in tasks if t.is_overdue(days[-1])}) < len(tasks)


def test_ben_nghe_reporter_records_progress_and_finishes_the_task(ben_nghe_task, reporter):
    services.record_progress(
        ben_nghe_task,
        actor=reporter,
        text="Đã hoàn thành, khánh thành ngày 19/5.",
        date=dt.date(2024, 5, 19),
        status=TaskStatus.DONE,
    )
    ben_nghe_task.refresh_from_db()
    assert ben_nghe_task.status == TaskStatus.DONE
    assert ben_nghe_task.done_on == dt.date(2024, 5, 19)
    assert ben_nghe_task.notes.filter(author=reporter).count() == 1
    verbs = set(
        AuditEvent.objects.filter(
            object_id=str(ben_nghe_task.pk), object_type="meetings.task"
        ).values_list("verb", flat=True)
    )
    assert {"task.progress", "task.status"} <= verbs


def test_the_sibling_ward_reporter_may_not_touch_ben_nghe_tasks(ben_nghe_task, outsider):
    with pytest.raises(NotAllowed):
        services.add_progress_note(
            ben_nghe_task, actor=outsider, text="x", date=dt.date(2024, 1, 1)
        )
    with pytest.raises(NotAllowed):
        services.change_task_status(ben_nghe_task, actor=outsider, status=TaskStatus.DONE)


def test_a_viewer_may_not_change_a_task(ben_nghe_task, viewer):
    with pytest.raises(NotAllowed):
        services.change_task_status(ben_nghe_task, actor=viewer, status=TaskStatus.DONE)


def test_a_done_task_cannot_go_back_to_not_started(ben_nghe_task, reporter):
    services.change_task_status(ben_nghe_task, actor=reporter, status=TaskStatus.DONE)
    with pytest.raises(DomainError, match="không chuyển được từ «Hoàn thành» sang «Chưa thực"):
        services.change_task_status(ben_nghe_task, actor=reporter, status=TaskStatus.NOT_STARTED)
    reopened = services.change_task_status(
        ben_nghe_task, actor=reporter, status=TaskStatus.IN_PROGRESS
    )
    assert reopened.done_on is None


def test_a_progress_note_dated_in_the_future_is_refused_and_nothing_is_saved(
    ben_nghe_task, reporter
):
    notes = ben_nghe_task.notes.count()
    with pytest.raises(DomainError, match="không được sau hôm nay") as error:
        services.record_progress(
            ben_nghe_task,
            actor=reporter,
            text="Sẽ xong",
            date=dt.date(2099, 1, 1),
            status=TaskStatus.DONE,
        )
    assert error.value.field == "date"
    ben_nghe_task.refresh_from_db()
    assert ben_nghe_task.status == TaskStatus.IN_PROGRESS
    assert ben_nghe_task.notes.count() == notes


def test_an_empty_progress_note_is_refused(ben_nghe_task, reporter):
    with pytest.raises(DomainError, match="Nội dung tiến độ: không được để trống"):
        services.add_progress_note(
            ben_nghe_task, actor=reporter, text="  ", date=dt.date(2024, 1, 1)
        )


def test_a_due_date_before_the_conference_is_refused(conference, specialist):
    conclusion = conference.conclusions.first()
    with pytest.raises(DomainError, match="Hạn hoàn thành 01/02/2023: không được trước") as error:
        services.create_task_from_conclusion(
            conclusion,
            actor=specialist,
            unit=unit("DU-BEN-NGHE"),
            title="Nhiệm vụ",
            due_date=dt.date(2023, 2, 1),
        )
    assert error.value.field == "due_date"


def test_a_task_for_a_unit_not_yet_open_on_the_conference_date_is_refused(admin):
    conference = new_conference(admin, unit=unit("QU-Q1"), date=dt.date(2024, 3, 1))
    conclusion = services.add_conclusion(conference, actor=admin, text="Kết luận")
    saigon = unit("DU-SAI-GON-2025")
    with pytest.raises(DomainError, match="«Đảng ủy phường Sài Gòn» không có hiệu lực"):
        services.create_task_from_conclusion(
            conclusion, actor=admin, unit=saigon, title="x", due_date=dt.date(2024, 6, 1)
        )


def test_a_task_for_a_unit_outside_the_specialists_scope_is_refused(specialist):
    conference = new_conference(specialist)
    conclusion = services.add_conclusion(conference, actor=specialist, text="Kết luận")
    with pytest.raises(DomainError, match="nằm ngoài phạm vi") as error:
        services.create_task_from_conclusion(
            conclusion,
            actor=specialist,
            unit=unit("TU-HCM"),
            title="x",
            due_date=dt.date(2024, 6, 1),
        )
    assert error.value.field == "unit"


def test_one_conclusion_becomes_tasks_for_several_units(specialist):
    conference = new_conference(specialist)
    conclusion = services.add_conclusion(conference, actor=specialist, text="Triển khai X")
    for code in ("DU-BEN-NGHE", "DU-TAN-DINH"):
        services.create_task_from_conclusion(
            conclusion, actor=specialist, unit=unit(code), title="X", due_date=dt.date(2024, 6, 1)
        )
    assert sorted(conclusion.tasks.values_list("unit__code", flat=True)) == [
        "DU-BEN-NGHE",
        "DU-TAN-DINH",
    ]


def test_a_reporter_cannot_create_conferences_or_tasks(reporter, conference):
    with pytest.raises(NotAllowed):
        new_conference(reporter, unit=unit("DU-BEN-NGHE"))
    with pytest.raises(NotAllowed):
        services.create_task_from_conclusion(
            conference.conclusions.first(),
            actor=reporter,
            unit=unit("DU-BEN-NGHE"),
            title="x",
            due_date=dt.date(2023, 6, 1),
        )


def test_a_conference_cannot_be_hosted_by_a_unit_closed_on_its_date(specialist):
    with pytest.raises(DomainError, match="không có hiệu lực vào ngày hội nghị 01/03/2026"):
        new_conference(specialist, date=dt.date(2026, 3, 1))
    assert not Conference.objects.filter(title="Hội nghị chuyên đề thử").exists()


def test_a_conclusion_with_tasks_cannot_be_removed(conference, specialist):
    conclusion = conference.conclusions.filter(tasks__isnull=False).first()
    with pytest.raises(DomainError, match="đã giao"):
        services.remove_item(conclusion, actor=specialist)


def test_moving_the_conference_after_a_task_due_date_is_refused(conference, specialist):
    data = {k: getattr(conference, k) for k in services.CONFERENCE_FIELDS}
    with pytest.raises(DomainError, match="không được trước ngày hội nghị"):
        services.update_conference(
            conference, actor=specialist, **(data | {"date": dt.date(2023, 12, 1)})
        )


def test_figures_list_the_2023_tasks_for_the_2022_report(conference):
    from tuyengiao.meetings.figures import year_figures

    figures = {f.id: f for f in year_figures(unit("QU-Q1"), 2022)}
    assert figures["tasks.next.count"].value == 10
    titles = [
        f.display for key, f in figures.items() if key.startswith("tasks.next.") and f.value is None
    ]
    assert any("Quy định 85-QĐ/TW" in t for t in titles)
    assert any("Nghị quyết 35" in t for t in titles)
    assert figures["tasks.next.count"].source["url"] == "/meetings/tasks/?year=2023"
    assert {f.section for f in figures.values()} == {"tasks"}


def test_loading_the_demo_twice_duplicates_nothing():
    from django.core.management import call_command

    from tuyengiao.awards.models import Commendation, Recipient
    from tuyengiao.meetings.models import ProgressNote
    from tuyengiao.targets.models import ManualValue, Target

    models = [Conference, Task, ProgressNote, Commendation, Recipient, Target, ManualValue]
    before = [m.objects.count() for m in models]
    call_command("demo", quiet=True)
    assert [m.objects.count() for m in models] == before
