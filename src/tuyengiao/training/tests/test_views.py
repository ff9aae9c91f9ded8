import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tuyengiao.core.models import AuditEvent
from tuyengiao.core.testing import assert_hidden_from, status_of
from tuyengiao.orgs.models import OrgUnit
from tuyengiao.training.models import TrainingClass, TrainingKind

pytestmark = pytest.mark.django_db


def form_data(**overrides):
    data = {
        "kind": TrainingKind.objects.get(code="dang-vien-moi").pk,
        "name": "Lớp đảng viên mới phường Bến Nghé 2024",
        "unit": OrgUnit.objects.get(code="DU-BEN-NGHE").pk,
        "start_date": "2024-04-01",
        "end_date": "2024-04-05",
        "place": "Hội trường phường",
        "target_group": "Đảng viên mới",
        "planned": 30,
        "attended": 29,
        "completed": 29,
        "excellent": 9,
        "good": 15,
        "passed": 5,
        "failed": 0,
    }
    data.update(overrides)
    return data


def test_sibling_ward_reporter_gets_404_on_every_url_and_endpoint_of_a_ben_nghe_class(
    client, outsider, ben_nghe_class
):
    pk = ben_nghe_class.pk
    for url in [
        reverse("training:detail", args=[pk]),
        reverse("training:edit", args=[pk]),
        f"/api/training/classes/{pk}/",
        reverse("training:summary") + "?unit=DU-BEN-NGHE&year=2023",
        "/api/training/summary/?unit=DU-BEN-NGHE&year=2023",
    ]:
        assert_hidden_from(client, outsider, url)
    assert_hidden_from(client, outsider, reverse("training:edit", args=[pk]), "post", **form_data())
    assert_hidden_from(client, outsider, reverse("training:create"), "post", **form_data())


def test_ward_users_see_their_own_class_in_lists_api_and_export_but_not_the_siblings(
    client, reporter, ben_nghe_class, ben_thanh_class
):
    client.force_login(reporter)
    page = client.get(reverse("training:list")).content.decode()
    assert "Lớp nhận thức về Đảng Bến Nghé" in page and "Bến Thành" not in page
    assert "Lớp bồi dưỡng chính trị hè" not in page  # district classes are not the ward's
    names = [c["name"] for c in client.get("/api/training/classes/").json()["results"]]
    assert names == ["Lớp nhận thức về Đảng Bến Nghé"]
    sheet = load_workbook(io.BytesIO(client.get(reverse("training:export")).content)).active
    assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] == names
    assert client.get(reverse("training:detail", args=[ben_nghe_class.pk])).status_code == 200


def test_reporter_may_read_but_not_edit_the_own_ward_class(client, reporter, ben_nghe_class):
    assert status_of(client, reporter, reverse("training:edit", args=[ben_nghe_class.pk])) == 403
    assert status_of(client, reporter, reverse("training:create")) == 403


@pytest.mark.parametrize(
    ("role", "expected"), [("specialist", 200), ("viewer", 200), ("approver", 200)]
)
def test_district_users_see_ward_classes(client, request, role, expected, ben_nghe_class):
    user = request.getfixturevalue(role)
    assert status_of(client, user, reverse("training:detail", args=[ben_nghe_class.pk])) == expected


def test_anonymous_users_are_sent_to_login(client):
    response = client.get(reverse("training:list"))
    assert response.status_code == 302 and response.url.startswith("/login/")


def test_specialist_creates_a_ward_class_with_audit_and_history(client, specialist):
    client.force_login(specialist)
    response = client.post(reverse("training:create"), form_data())
    created = TrainingClass.objects.get(name="Lớp đảng viên mới phường Bến Nghé 2024")
    assert response.status_code == 302 and response.url == reverse(
        "training:detail", args=[created.pk]
    )
    assert AuditEvent.objects.filter(
        verb="training_class.create", object_id=str(created.pk)
    ).exists()
    assert created.history.count() == 1


def test_invalid_counts_give_vietnamese_messages_and_save_nothing(client, specialist):
    client.force_login(specialist)
    before = TrainingClass.objects.count()
    response = client.post(
        reverse("training:create"), form_data(attended=31, end_date="2024-03-30")
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Số học viên tham dự (31) phải nhỏ hơn hoặc bằng số học viên theo kế hoạch (30)." in page
    assert "Ngày kết thúc (30/03/2024) không được trước ngày bắt đầu (01/04/2024)." in page
    assert TrainingClass.objects.count() == before


def test_a_class_of_a_unit_closed_at_its_start_is_refused(client, specialist):
    client.force_login(specialist)
    page = client.post(
        reverse("training:create"), form_data(start_date="2026-01-05", end_date="2026-01-06")
    ).content.decode()
    assert "không có hiệu lực vào ngày bắt đầu (05/01/2026)" in page


def test_garbage_input_is_a_form_error_not_a_server_error(client, specialist):
    client.force_login(specialist)
    response = client.post(reverse("training:create"), form_data(planned="nhiều", start_date="x"))
    assert response.status_code == 200
    assert 'data-testid="error-planned"' in response.content.decode()


def test_editing_records_which_fields_changed(client, specialist, ben_nghe_class):
    client.force_login(specialist)
    url = reverse("training:edit", args=[ben_nghe_class.pk])
    data = form_data(
        kind=ben_nghe_class.kind.pk, start_date="2023-03-01", end_date="2023-03-03", planned=45
    )
    assert client.post(url, data).status_code == 302
    event = AuditEvent.objects.filter(verb="training_class.update").latest("at")
    assert "planned" in event.data["changed"]
    assert ben_nghe_class.history.count() == 2


@pytest.mark.parametrize("query", ["chinh tri he", "CHÍNH TRỊ HÈ", "Chinh Tri He"])
def test_search_is_accent_insensitive(client, specialist, query):
    client.force_login(specialist)
    page = client.get(reverse("training:list"), {"q": query, "year": 2022}).content.decode()
    assert page.count("Lớp bồi dưỡng chính trị hè 2022 — lớp") == 9
    assert "Lớp sơ cấp" not in page


def test_list_filters_by_kind_and_shows_the_filtered_totals(client, specialist):
    client.force_login(specialist)
    page = client.get(reverse("training:list"), {"kind": "chinh-tri-he", "year": 2022})
    text = page.content.decode()
    assert "kế hoạch 2.257, tham dự 2.249" in text


def test_yearly_summary_page_and_api_show_the_seed_rate(client, specialist):
    client.force_login(specialist)
    page = client.get(reverse("training:summary"), {"unit": "QU-Q1", "year": 2022}).content.decode()
    assert "99,64%" in page and "2.249" in page and "2.257" in page
    data = client.get("/api/training/summary/", {"unit": "QU-Q1", "year": 2022}).json()
    summer = next(k for k in data["kinds"] if k["kind"] == "chinh-tri-he")
    assert (summer["classes"], summer["attended"], summer["rate"]) == (9, 2249, "99.64")


def test_summary_export_stores_numbers_as_numbers(client, specialist):
    client.force_login(specialist)
    response = client.get(
        reverse("training:summary"), {"unit": "QU-Q1", "year": 2022, "format": "xlsx"}
    )
    workbook = load_workbook(io.BytesIO(response.content))
    rows = list(workbook["Tổng hợp theo loại"].iter_rows(min_row=2, values_only=True))
    summer = next(r for r in rows if r[0] == "Bồi dưỡng chính trị hè")
    assert summer[1:4] == (9, 2257, 2249) and float(summer[5]) == 99.64
    classes = workbook["Lớp bồi dưỡng"]
    assert classes["H2"].number_format == "#,##0" and isinstance(classes["H2"].value, int)


def test_only_administrators_edit_the_kinds(client, specialist, admin):
    assert status_of(client, specialist, reverse("training:kind_create")) == 403
    client.force_login(admin)
    response = client.post(
        reverse("training:kind_create"),
        {"code": "cap-uy", "name": "Bồi dưỡng cấp ủy viên", "decimals": 1, "rounding": "half_up"},
    )
    assert response.status_code == 302
    assert TrainingKind.objects.get(code="cap-uy").decimals == 1
    assert AuditEvent.objects.filter(verb="training_kind.create").exists()


@pytest.mark.parametrize(
    "query",
    [
        {"year": "99999999999999999999"},
        {"year": "abc"},
        {"unit": "NOPE", "kind": "zzz"},
        {"page": "x"},
    ],
)
def test_odd_query_strings_never_give_a_server_error(client, specialist, query):
    client.force_login(specialist)
    assert client.get(reverse("training:list"), query).status_code == 200
    assert client.get(reverse("training:export"), query).status_code == 200


def api_class(**overrides):
    data = form_data(kind="dang-vien-moi", unit="DU-BEN-NGHE")
    data.update(overrides)
    return data


def test_api_creates_a_class_through_the_service_rules(client, specialist):
    client.force_login(specialist)
    bad = client.post(
        "/api/training/classes/", api_class(attended=31), content_type="application/json"
    )
    assert bad.status_code == 400
    assert bad.json()["errors"]["attended"] == [
        "Số học viên tham dự (31) phải nhỏ hơn hoặc bằng số học viên theo kế hoạch (30)."
    ]
    good = client.post("/api/training/classes/", api_class(), content_type="application/json")
    assert good.status_code == 201 and good.json()["unit"] == "DU-BEN-NGHE"


def test_api_refuses_writes_outside_the_users_units(client, outsider, reporter, ben_nghe_class):
    client.force_login(outsider)
    created = client.post("/api/training/classes/", api_class(), content_type="application/json")
    assert created.status_code == 403
    url = f"/api/training/classes/{ben_nghe_class.pk}/"
    assert client.patch(url, {"planned": 99}, content_type="application/json").status_code == 404
    client.force_login(reporter)
    assert client.patch(url, {"planned": 99}, content_type="application/json").status_code == 403


def test_counts_are_read_the_vietnamese_way_and_a_decimal_is_named(client, specialist):
    # given a district specialist typing 1.250 the Vietnamese way
    client.force_login(specialist)
    data = form_data(planned="1.250", attended="1.200", completed="1 200", excellent="27,5")
    # when the class is saved with 27,5 in an integer count
    page = client.post(reverse("training:create"), data).content.decode()
    # then the field is named with the value typed, and nothing is saved
    assert "«Giỏi»: «27,5» — dấu phẩy ngăn phần thập phân nên được hiểu là 27,5" in page
    assert "Nhập một số tổng thể" not in page and 'type="number"' not in page
    assert not TrainingClass.objects.filter(name=data["name"]).exists()
    # and with the decimal fixed, 1.250 is one thousand two hundred and fifty
    data.update(excellent="9", good="1.186", passed="5", failed="0")
    assert client.post(reverse("training:create"), data).status_code == 302
    assert TrainingClass.objects.get(name=data["name"]).planned == 1250
