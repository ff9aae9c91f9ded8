"""Every API refusal has one JSON shape, {"detail": str, "errors": {field: [str]}}, whichever
layer refused: a service's DomainError or NotAllowed, DRF's validation or authentication, a
404, the login lockout. The endpoints only call services; core.api_errors maps."""

import pytest
from rest_framework.exceptions import NotFound
from rest_framework.test import APIClient

from tuyengiao.core.api_errors import exception_handler
from tuyengiao.core.errors import DomainError, NotAllowed, ValidationFailed
from tuyengiao.meetings.models import Task
from tuyengiao.outreach.models import Channel
from tuyengiao.training.models import TrainingClass

pytestmark = pytest.mark.django_db


def _shaped(response, status: int) -> dict:
    assert response.status_code == status, response.content
    body = response.json()
    assert set(body) == {"detail", "errors"}, body
    assert isinstance(body["detail"], str) and body["detail"]
    assert isinstance(body["errors"], dict)
    return body


def _api(user=None) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


@pytest.mark.parametrize(
    ("error", "status", "errors"),
    [
        (
            DomainError("Năm «1800» ngoài khoảng.", field="year"),
            400,
            {"year": ["Năm «1800» ngoài khoảng."]},
        ),
        (NotAllowed("Bạn không có quyền."), 403, {}),
        (ValidationFailed(["Dòng 2: thiếu mã."]), 400, {"non_field_errors": ["Dòng 2: thiếu mã."]}),
        (ValidationFailed({"planned": ["Phải là số."]}), 400, {"planned": ["Phải là số."]}),
        (NotFound("Không tìm thấy đơn vị «X»."), 404, {}),
    ],
)
def test_the_handler_maps_each_kind_of_error_to_one_shape(error, status, errors):
    response = exception_handler(error, {})

    assert response.status_code == status
    assert set(response.data) == {"detail", "errors"}
    assert response.data["errors"] == errors
    expected = error.message if isinstance(error, DomainError) else str(error.detail)
    assert response.data["detail"] == expected


def test_a_service_refusal_in_the_tasks_api_is_a_403_and_a_rule_a_400_naming_the_field(
    viewer, reporter
):
    task = Task.objects.get(unit__code="DU-BEN-NGHE", title__contains="không gian văn hóa")
    url = f"/api/tasks/{task.pk}/progress/"
    data = {"date": "2024-01-02", "text": "Xong", "status": "done"}

    refused = _shaped(_api(viewer).post(url, data), 403)
    late = _shaped(_api(reporter).post(url, {**data, "date": "2099-01-01"}), 400)

    assert "không có quyền cập nhật nhiệm vụ" in refused["detail"]
    assert "không được sau hôm nay" in late["errors"]["date"][0]


def test_a_training_class_outside_the_users_rights_is_refused_by_the_service(viewer):
    training_class = TrainingClass.objects.visible_to(viewer).first()

    body = _shaped(
        _api(viewer).patch(f"/api/training/classes/{training_class.pk}/", {"planned": 5}), 403
    )

    assert body["detail"].startswith("Bạn không có quyền")
    training_class.refresh_from_db()
    assert training_class.planned != 5


def test_a_year_out_of_range_in_the_outreach_api_names_the_year(specialist):
    channel = Channel.objects.visible_to(specialist).first()

    body = _shaped(_api(specialist).get(f"/api/outreach/channels/{channel.pk}/years/1800/"), 400)

    assert "«1800»" in body["detail"] and body["errors"]["year"] == [body["detail"]]


def test_the_token_endpoint_refuses_in_the_same_shape(reporter):
    missing = _shaped(_api().post("/api/token/", {"username": "bennghe"}), 400)
    wrong = _shaped(_api().post("/api/token/", {"username": "bennghe", "password": "x"}), 400)

    assert "password" in missing["errors"]
    assert wrong["detail"] and wrong["errors"] == {}


def test_no_token_an_unknown_id_and_a_malformed_body_have_the_same_shape(reporter):
    _shaped(_api().get("/api/submissions/"), 401)
    _shaped(_api(reporter).get("/api/submissions/999999/"), 404)
    _shaped(_api(reporter).post("/api/submissions/", "[1", content_type="application/json"), 400)


def test_the_openapi_description_tells_integrators_the_shape(client, specialist):
    client.force_login(specialist)
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()

    assert '{"detail": ' in schema["info"]["description"]
    assert '"errors": {' in schema["info"]["description"]
