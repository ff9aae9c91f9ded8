import datetime as dt
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tuyengiao.core.testing import assert_hidden_from, status_of
from tuyengiao.meetings.choices import TaskStatus
from tuyengiao.meetings.models import Conference, Task
from tuyengiao.orgs.models import OrgUnit

pytestmark = pytest.mark.django_db


def urls_of_ben_nghe_task(task):
    return [
        reverse("meetings:task", args=[task.pk]),
        reverse("meetings:task_edit", args=[task.pk]),
        f"/api/tasks/{task.pk}/",
    ]


def urls_of_conference(conference):
    conclusion = conference.conclusions.first()
    return [
        reverse("meetings:detail", args=[conference.pk]),
        reverse("meetings:edit", args=[conference.pk]),
        reverse("meetings:task_create", args=[conclusion.pk]),
        f"/api/conferences/{conference.pk}/",
    ]


def test_the_sibling_ward_reporter_gets_404_on_every_ben_nghe_task_url(
    client, outsider, ben_nghe_task
):
    for url in urls_of_ben_nghe_task(ben_nghe_task):
        assert_hidden_from(client, outsider, url)
    assert_hidden_from(
        client,
        outsider,
        reverse("meetings:task", args=[ben_nghe_task.pk]),
        "post",
        date="2024-01-01",
        text="x",
        status="done",
    )
    assert_hidden_from(
        client,
        outsider,
        f"/api/tasks/{ben_nghe_task.pk}/progress/",
        "post",
        date="2024-01-01",
        text="x",
        status="done",
    )
    ben_nghe_task.refresh_from_db()
    assert ben_nghe_task.status == TaskStatus.IN_PROGRESS


def test_ward_reporters_get_404_on_the_district_conference_and_its_forms(
    client, reporter, outsider, conference
):
    conclusion = conference.conclusions.first()
    posts = [
        (
            reverse("meetings:add_item", args=[conference.pk, "conclusion"]),
            {"conclusion-text": "x"},
        ),
        (reverse("meetings:remove_item", args=[conference.pk, "conclusion", conclusion.pk]), {}),
        (reverse("meetings:edit", args=[conference.pk]), {"title": "x"}),
    ]
    for user in (reporter, outsider):
        for url in urls_of_conference(conference):
            assert_hidden_from(client, user, url)
        for url, data in posts:
            assert_hidden_from(client, user, url, "post", **(data or {"x": "1"}))
    assert conference.conclusions.count() == 9


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("admin", 200),
        ("specialist", 200),
        ("approver", 200),
        ("viewer", 200),
        ("reporter", 200),
        ("outsider", 404),
    ],
)
def test_permission_matrix_for_the_ben_nghe_task_page(
    client, request, ben_nghe_task, role, expected
):
    user = request.getfixturevalue(role)
    assert status_of(client, user, reverse("meetings:task", args=[ben_nghe_task.pk])) == expected


def test_the_reporter_sees_only_the_own_units_tasks_in_the_list_and_api(
    client, reporter, ben_nghe_task, ben_thanh_task
):
    client.force_login(reporter)
    page = client.get(reverse("meetings:tasks")).content.decode()
    assert ben_nghe_task.title in page and ben_thanh_task.title not in page
    api = client.get("/api/tasks/").json()["results"]
    assert {t["unit"] for t in api} == {"DU-BEN-NGHE"}


def test_the_reporter_sees_the_units_open_tasks_on_the_home_page(client, reporter, ben_nghe_task):
    client.force_login(reporter)
    page = client.get("/").content.decode()
    assert 'data-testid="panel-my-tasks"' in page
    assert ben_nghe_task.title in page
    assert "quá hạn" in page
    assert 'data-testid="panel-overdue-tasks"' not in page


def test_the_specialist_sees_the_overdue_count_on_the_home_page(client, specialist):
    overdue = Task.objects.overdue().count()
    client.force_login(specialist)
    page = client.get("/").content.decode()
    assert 'data-testid="panel-overdue-tasks"' in page
    assert f'data-testid="overdue-count">{overdue}<' in page


def test_the_overdue_filter_lists_only_late_open_tasks(client, specialist):
    client.force_login(specialist)
    response = client.get(reverse("meetings:tasks"), {"status": "overdue"})
    listed = {t.pk for t in response.context["page"]}
    assert listed == set(Task.objects.overdue().values_list("pk", flat=True))
    assert listed and all(t.status != TaskStatus.DONE for t in response.context["page"])


@pytest.mark.parametrize("query", ["khong gian van hoa", "KHÔNG GIAN VĂN HÓA", "ben nghe"])
def test_task_search_is_accent_insensitive(client, specialist, ben_nghe_task, query):
    client.force_login(specialist)
    response = client.get(reverse("meetings:tasks"), {"q": query})
    assert ben_nghe_task in list(response.context["page"])


def test_conference_search_is_accent_insensitive(client, specialist, conference):
    client.force_login(specialist)
    response = client.get(reverse("meetings:list"), {"q": "tong ket cong tac tuyen giao"})
    assert list(response.context["page"]) == [conference]


def test_the_task_export_is_an_xlsx_with_vietnamese_headers_and_real_dates(client, specialist):
    client.force_login(specialist)
    response = client.get(reverse("meetings:tasks"), {"export": "xlsx", "unit": "DU-BEN-NGHE"})
    sheet = load_workbook(BytesIO(response.content)).active
    assert [c.value for c in sheet[1]][:4] == [
        "Nhiệm vụ",
        "Đơn vị thực hiện",
        "Hạn hoàn thành",
        "Trạng thái",
    ]
    assert sheet.max_row == 3
    assert isinstance(sheet["C2"].value, dt.datetime)


def test_the_conference_export_counts_conclusions_and_tasks(client, specialist):
    client.force_login(specialist)
    response = client.get(reverse("meetings:list"), {"export": "xlsx"})
    sheet = load_workbook(BytesIO(response.content)).active
    assert sheet["F2"].value == 9 and sheet["G2"].value == 10


def test_a_specialist_creates_a_conference_through_the_form(client, specialist):
    client.force_login(specialist)
    response = client.post(
        reverse("meetings:create"),
        {
            "kind": "thematic",
            "title": "Hội nghị chuyên đề Nghị quyết 35",
            "date": "2024-04-02",
            "place": "Quận ủy",
            "unit": OrgUnit.objects.get(code="QU-Q1").pk,
        },
    )
    conference = Conference.objects.get(title="Hội nghị chuyên đề Nghị quyết 35")
    assert response.status_code == 302 and response.url == conference.get_absolute_url()


def test_a_bad_due_date_is_shown_on_the_task_form_and_nothing_is_saved(
    client, specialist, conference
):
    conclusion = conference.conclusions.first()
    client.force_login(specialist)
    count = Task.objects.count()
    response = client.post(
        reverse("meetings:task_create", args=[conclusion.pk]),
        {
            "title": "Nhiệm vụ",
            "unit": OrgUnit.objects.get(code="DU-BEN-NGHE").pk,
            "due_date": "2022-12-31",
        },
    )
    assert response.status_code == 200
    assert "Hạn hoàn thành 31/12/2022: không được trước ngày hội nghị 10/02/2023" in (
        response.content.decode()
    )
    assert Task.objects.count() == count


def test_a_garbage_date_gives_a_form_error_not_a_server_error(client, reporter, ben_nghe_task):
    client.force_login(reporter)
    response = client.post(
        reverse("meetings:task", args=[ben_nghe_task.pk]),
        {"date": "31/31/2024", "text": "x", "status": "done"},
    )
    assert response.status_code == 200
    assert "«Ngày»: «31/31/2024» — không phải là ngày hợp lệ" in response.content.decode()


def test_the_api_records_progress_with_the_same_rules(client, reporter, ben_nghe_task):
    client.force_login(reporter)
    url = f"/api/tasks/{ben_nghe_task.pk}/progress/"
    bad = client.post(url, {"date": "2099-01-01", "text": "x", "status": "done"})
    assert bad.status_code == 400 and "không được sau hôm nay" in bad.json()["errors"]["date"][0]
    good = client.post(url, {"date": "2024-01-02", "text": "Xong", "status": "done"})
    assert good.status_code == 200 and good.json()["status"] == "done"
    assert good.json()["overdue"] is False


def test_the_ben_nghe_reporter_may_follow_up_but_not_edit_the_task(client, reporter, ben_nghe_task):
    assert (
        status_of(client, reporter, reverse("meetings:task_edit", args=[ben_nghe_task.pk])) == 404
    )
    client.force_login(reporter)
    page = client.get(reverse("meetings:task", args=[ben_nghe_task.pk])).content.decode()
    assert 'data-testid="progress-form"' in page


def test_a_viewer_sees_the_task_but_cannot_record_progress(client, viewer, ben_nghe_task):
    client.force_login(viewer)
    url = reverse("meetings:task", args=[ben_nghe_task.pk])
    assert 'data-testid="progress-form"' not in client.get(url).content.decode()
    response = client.post(url, {"date": "2024-01-01", "text": "x", "status": "done"})
    assert response.status_code == 403
    ben_nghe_task.refresh_from_db()
    assert ben_nghe_task.status == TaskStatus.IN_PROGRESS


def test_editing_a_conference_records_what_changed(client, specialist, conference):
    from tuyengiao.core.models import AuditEvent

    client.force_login(specialist)
    response = client.post(
        reverse("meetings:edit", args=[conference.pk]),
        {
            "kind": conference.kind,
            "title": conference.title,
            "date": "2023-02-10",
            "place": "Nhà Văn hóa Thanh niên",
            "unit": conference.unit_id,
        },
    )
    assert response.status_code == 302
    event = AuditEvent.objects.filter(
        verb="conference.update", object_id=str(conference.pk)
    ).first()
    assert event.data["changed"] == {"place": "Nhà Văn hóa Thanh niên"}


def test_a_removed_delegate_and_conclusion_come_back_in_their_place(client, specialist, conference):
    from tuyengiao.meetings.models import Conclusion, Delegate

    client.force_login(specialist)
    delegate = conference.delegates.first()
    before = list(conference.delegates.values_list("name", "order"))
    page = client.get(conference.get_absolute_url()).content.decode()
    assert f"Xóa đại biểu «{delegate.name}»? Có thể hoàn tác ngay sau đó." in page
    url = reverse("meetings:remove_item", args=[conference.pk, "delegate", delegate.pk])
    page = client.post(url, {"confirmed": "1"}, follow=True).content.decode()
    assert f"Đã xóa đại biểu «{delegate.name}»." in page
    assert not Delegate.objects.filter(pk=delegate.pk).exists()
    token = page.split('name="token" value="')[1].split('"')[0]
    page = client.post(reverse("undo"), {"token": token}, follow=True).content.decode()
    assert "Đã khôi phục." in page
    assert list(conference.delegates.values_list("name", "order")) == before

    conclusion = Conclusion.objects.create(conference=conference, text="Kết luận thử", order=99)
    url = reverse("meetings:remove_item", args=[conference.pk, "conclusion", conclusion.pk])
    page = client.post(url, {"confirmed": "1"}, follow=True).content.decode()
    assert "Đã xóa kết luận số 99." in page
    token = page.split('name="token" value="')[1].split('"')[0]
    client.post(reverse("undo"), {"token": token})
    assert conference.conclusions.filter(text="Kết luận thử", order=99).exists()


def test_one_conclusion_is_assigned_to_several_units_at_once(client, specialist, conference):
    from tuyengiao.meetings.models import Conclusion
    from tuyengiao.orgs.models import OrgUnit

    conclusion = Conclusion.objects.create(conference=conference, text="Kết luận chung", order=98)
    wards = list(OrgUnit.objects.filter(code__in=["DU-BEN-NGHE", "DU-BEN-THANH", "DU-CAU-KHO"]))
    client.force_login(specialist)
    url = reverse("meetings:task_create", args=[conclusion.pk])
    data = {
        "title": "Tổ chức tuyên truyền kết luận",
        "unit": wards[0].pk,
        "also_units": [w.pk for w in wards],
        "due_date": "30/09/2023",
    }
    page = client.post(url, data, follow=True).content.decode()
    assert "Đã giao nhiệm vụ cho 3 đơn vị." in page
    assert sorted(conclusion.tasks.values_list("unit__code", flat=True)) == sorted(
        w.code for w in wards
    )


def test_a_refused_unit_saves_no_task_for_the_others(client, specialist, conference):
    from tuyengiao.meetings.models import Conclusion
    from tuyengiao.orgs.models import OrgUnit

    conclusion = Conclusion.objects.create(conference=conference, text="Kết luận chung", order=97)
    client.force_login(specialist)
    ward = OrgUnit.objects.get(code="DU-BEN-NGHE")
    data = {"title": "", "unit": ward.pk, "also_units": [ward.pk], "due_date": "30/09/2023"}
    client.post(reverse("meetings:task_create", args=[conclusion.pk]), data)
    assert not conclusion.tasks.exists()
