"""Approve, return and reopen through the API: the pages' permissions, errors in JSON."""

import pytest
from rest_framework.test import APIClient

from tuyengiao.reporting.models import Submission, ValueChange
from tuyengiao.reporting.tests.excel_helpers import GOOD

pytestmark = pytest.mark.django_db
SUBMISSIONS = "/api/submissions/"
CAMPAIGN_2022 = "HT-TW456-2022"


def _as(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def _submission(code, period):
    return Submission.objects.get(form__code="HT-NQ", period__code=period, unit__code=code)


def _url(submission, verb):
    return f"{SUBMISSIONS}{submission.pk}/{verb}/"


def _sent_2023(reporter):
    client = _as(reporter)
    payload = {"form": "HT-NQ", "period": "2023", "unit": "DU-BEN-NGHE", "values": GOOD}
    created = client.post(SUBMISSIONS, payload, format="json").json()
    assert client.post(f"{SUBMISSIONS}{created['id']}/submit/").status_code == 200
    return Submission.objects.get(pk=created["id"])


def test_the_approver_returns_and_approves_through_the_api(reporter, approver):
    submission = _sent_2023(reporter)
    returned = _as(approver).post(_url(submission, "return"), {"reason": "Thiếu biên bản."})
    assert returned.status_code == 200, returned.content
    assert returned.json()["status"] == "returned"
    assert returned.json()["returned_reason"] == "Thiếu biên bản."
    _as(reporter).post(_url(submission, "submit"))
    approved = _as(approver).post(_url(submission, "approve"))
    assert approved.status_code == 200 and approved.json()["status"] == "approved"


def test_reopen_through_the_api_then_the_values_changed_by_api_are_in_the_history(
    reporter, approver
):
    submission = _submission("DU-BEN-NGHE", CAMPAIGN_2022)
    response = _as(approver).post(_url(submission, "reopen"), {"reason": "Đối chiếu lại."})
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "returned" and response.json()["reopened"] is True
    fixed = _as(reporter).patch(
        f"{SUBMISSIONS}{submission.pk}/", {"values": {"non_members_attended": 1}}, format="json"
    )
    assert fixed.status_code == 200, fixed.content
    change = ValueChange.objects.get(submission=submission, actor=reporter)
    assert (change.path, change.context, change.new_number) == ("api", "reopen", 1)
    history = _as(reporter).get(_url(submission, "history")).json()
    assert history[0]["field"] == "non_members_attended" and history[0]["new"] == 1
    assert history[0]["by"] == "bennghe" and history[0]["path"] == "api"


@pytest.mark.parametrize("verb", ["approve", "return", "reopen", "history"])
def test_the_sibling_ward_gets_a_json_404_on_every_review_endpoint(outsider, verb):
    submission = _submission("DU-BEN-NGHE", CAMPAIGN_2022)
    client = _as(outsider)
    response = (client.get if verb == "history" else client.post)(
        _url(submission, verb), {"reason": "x"}
    )
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert "detail" in response.json()
    assert _submission("DU-BEN-NGHE", CAMPAIGN_2022).status == "approved"


def test_a_reporter_may_not_approve_or_reopen_and_is_told_so_in_json(reporter):
    submission = _submission("DU-BEN-NGHE", CAMPAIGN_2022)
    for verb in ("approve", "reopen"):
        response = _as(reporter).post(_url(submission, verb), {"reason": "x"})
        assert response.status_code == 403
        assert response["Content-Type"].startswith("application/json")
        assert response.json()["detail"].startswith("Bạn không có quyền")
    assert _submission("DU-BEN-NGHE", CAMPAIGN_2022).status == "approved"


def test_self_approval_through_the_api_is_a_json_403(admin):
    client = _as(admin)
    payload = {"form": "HT-NQ", "period": "2023", "unit": "DU-BEN-NGHE", "values": GOOD}
    created = client.post(SUBMISSIONS, payload, format="json").json()
    client.post(f"{SUBMISSIONS}{created['id']}/submit/")
    response = client.post(f"{SUBMISSIONS}{created['id']}/approve/")
    assert response.status_code == 403
    assert "yêu cầu người duyệt khác người gửi" in response.json()["detail"]


@pytest.mark.parametrize(
    ("verb", "body", "message"),
    [
        ("return", {}, "Cần ghi lý do (reason)."),
        ("return", {"reason": ""}, "Cần ghi lý do (reason)."),
        ("reopen", {"reason": "x" * 2001}, "Lý do dài quá 2.000 ký tự."),
        ("approve", {}, "Chỉ duyệt được báo cáo đã gửi"),
    ],
)
def test_bad_review_requests_get_a_vietnamese_json_400(approver, verb, body, message):
    submission = _submission("DU-BEN-NGHE", CAMPAIGN_2022)
    response = _as(approver).post(_url(submission, verb), body, format="json")
    assert response.status_code == 400
    assert message in str(response.json())


def test_an_unknown_submission_is_a_json_404(approver):
    response = _as(approver).post(f"{SUBMISSIONS}999999999/approve/")
    assert response.status_code == 404 and "detail" in response.json()


def test_the_list_finds_the_years_campaign_by_the_year_with_the_form(reporter):
    rows = _as(reporter).get(SUBMISSIONS, {"form": "HT-NQ", "period": "2022"}).json()["results"]
    assert [(r["unit"], r["period"]) for r in rows] == [("DU-BEN-NGHE", CAMPAIGN_2022)]
    by_code = _as(reporter).get(SUBMISSIONS, {"period": CAMPAIGN_2022}).json()["results"]
    assert len(by_code) == 1
