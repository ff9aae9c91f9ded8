"""The reporting API: definitions, the user's submissions (draft, submit) and analytics."""

import pytest
from rest_framework.test import APIClient

from tuyengiao.core.testing import assert_hidden_from
from tuyengiao.reporting.choices import SubmissionStatus
from tuyengiao.reporting.models import Submission
from tuyengiao.reporting.tests.excel_helpers import GOOD

pytestmark = pytest.mark.django_db
SUBMISSIONS = "/api/submissions/"
ANALYTICS = "/api/analytics/"


@pytest.fixture
def api():
    return APIClient()


def _as(api, user):
    api.force_authenticate(user)
    return api


def _draft(api, user, unit="DU-BEN-NGHE", **values):
    payload = {"form": "HT-NQ", "period": "2023", "unit": unit, "values": {**GOOD, **values}}
    return _as(api, user).post(SUBMISSIONS, payload, format="json")


def _submission(code, period="HT-TW456-2022"):
    return Submission.objects.get(form__code="HT-NQ", period__code=period, unit__code=code)


def test_a_token_from_the_token_endpoint_authenticates(api):
    response = api.post("/api/token/", {"username": "bennghe", "password": "demo12345"})
    token = response.json()["token"]
    assert api.get(SUBMISSIONS).status_code in (401, 403)
    api.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    units = {row["unit"] for row in api.get(SUBMISSIONS).json()["results"]}
    assert units == {"DU-BEN-NGHE"}


def test_forms_come_with_fields_rules_and_indicators(api, reporter):
    form = _as(api, reporter).get("/api/forms/HT-NQ/").json()
    assert [f["code"] for f in form["fields"]][:3] == [
        "members_total",
        "members_required",
        "members_attended",
    ]
    assert form["fields"][0]["label"] == "Tổng số đảng viên"
    assert {"left": "members_attended", "operator": "<=", "right": "members_required"}.items() <= (
        form["rules"][0].items()
    )
    assert form["indicators"][0]["code"] == "participation_rate"


def test_periods_are_listed_by_code(api, reporter):
    codes = {p["code"] for p in _as(api, reporter).get("/api/periods/").json()["results"]}
    assert {"HT-TW456-2022", "2023"} <= codes
    assert _as(api, reporter).get("/api/periods/2023/").json()["name"] == "Năm 2023"


def test_a_reporter_creates_a_draft_edits_it_and_submits_it(api, reporter):
    # when the Bến Nghé reporter posts figures for 2023
    response = _draft(api, reporter)
    # then a draft is saved with them
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "draft" and body["values"] == GOOD
    url = f"{SUBMISSIONS}{body['id']}/"
    # when one figure is corrected and the draft is submitted
    patched = api.patch(url, {"values": {"non_members_attended": 45}}, format="json")
    assert patched.json()["values"]["non_members_attended"] == 45
    sent = api.post(f"{url}submit/")
    assert sent.status_code == 200 and sent.json()["status"] == "submitted"
    # then it is read-only until returned
    refused = api.patch(url, {"values": {"members_total": 130}}, format="json")
    assert refused.status_code == 400
    assert "đã gửi, không sửa được" in refused.json()["detail"]


def test_a_rule_violation_is_a_400_in_vietnamese_and_saves_nothing(api, reporter):
    response = _draft(api, reporter, members_attended=7200)
    assert response.status_code == 400
    assert response.json()["errors"]["members_attended"] == [
        "«Số đảng viên tham gia học tập» (7.200) lớn hơn «Số đảng viên phải học tập» (110)."
    ]
    assert not Submission.objects.filter(period__code="2023", unit__code="DU-BEN-NGHE").exists()


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({"members_total": "nhiều"}, "members_total", "«nhiều» — không phải là số"),
        ({"members_total": -3}, "members_total", "nhỏ hơn giá trị tối thiểu 0"),
        ({"members_total": None}, "members_total", "chưa nhập (bắt buộc)"),
        ({"so_la": 1}, "__all__", "Biểu mẫu không có chỉ tiêu mã «so_la»"),
    ],
)
def test_bad_values_name_the_field_the_value_and_the_rule(api, reporter, values, field, message):
    response = _draft(api, reporter, **values)
    assert response.status_code == 400
    assert message in " ".join(response.json()["errors"][field])


def test_a_payload_without_values_is_a_400(api, reporter):
    response = _as(api, reporter).post(SUBMISSIONS, {"form": "HT-NQ"}, format="json")
    assert response.status_code == 400 and "values" in response.json()["errors"]


def test_an_unknown_form_or_period_is_a_404(api, reporter):
    payload = {"form": "KHONG", "period": "2023", "unit": "DU-BEN-NGHE", "values": GOOD}
    response = _as(api, reporter).post(SUBMISSIONS, payload, format="json")
    assert response.status_code == 404 and "«KHONG»" in response.json()["detail"]


def test_an_approver_cannot_write_figures(api, approver):
    response = _draft(api, approver)
    assert response.status_code == 403
    assert "không có quyền báo cáo" in response.json()["detail"]


def test_the_sibling_reporter_gets_404_on_every_ben_nghe_endpoint(client, api, outsider):
    # given Bến Nghé's approved 2022 report
    url = f"{SUBMISSIONS}{_submission('DU-BEN-NGHE').pk}/"
    # then Bến Thành's reporter cannot see, change or submit it, nor write a new one
    assert_hidden_from(client, outsider, url)
    assert_hidden_from(client, outsider, f"{url}submit/", method="post")
    assert _as(api, outsider).patch(url, {"values": GOOD}, format="json").status_code == 404
    assert api.put(url, {"values": GOOD}, format="json").status_code == 404
    assert _draft(api, outsider).status_code == 404
    query = "?form=HT-NQ&unit=DU-BEN-NGHE&period=2022"
    assert_hidden_from(client, outsider, ANALYTICS + query)
    listed = {row["unit"] for row in api.get(SUBMISSIONS).json()["results"]}
    assert listed == {"DU-BEN-THANH"}


def test_a_reporter_cannot_read_the_district_figures(client, reporter):
    assert_hidden_from(client, reporter, ANALYTICS + "?form=HT-NQ&unit=QU-Q1&period=2022")


def test_analytics_gives_the_seed_figures_for_district_1(api, specialist):
    body = (
        _as(api, specialist)
        .get(ANALYTICS, {"form": "HT-NQ", "unit": "QU-Q1", "period": "2022"})
        .json()
    )
    assert body["fields"] == {
        "members_total": 8021,
        "members_required": 6970,
        "members_attended": 6513,
        "non_members_attended": 4608,
    }
    assert body["indicators"]["participation_rate"] == {"value": "93.44", "display": "93,44%"}
    assert body["completeness"] == {"expected": 51, "submitted": 51, "approved": 51}


def test_analytics_can_return_one_indicator_or_one_field(api, specialist):
    query = {"form": "HT-NQ", "unit": "QU-Q1", "period": "2022"}
    one = _as(api, specialist).get(ANALYTICS, {**query, "indicator": "participation_rate"})
    assert list(one.json()["indicators"]) == ["participation_rate"] and one.json()["fields"] == {}
    field = api.get(ANALYTICS, {**query, "field": "members_attended"}).json()
    assert field["fields"] == {"members_attended": 6513}


def test_analytics_counts_submitted_reports_only_when_asked(api, specialist):
    query = {"form": "HT-NQ", "unit": "QU-Q1", "period": "2023"}
    approved = _as(api, specialist).get(ANALYTICS, query).json()["completeness"]
    both = api.get(ANALYTICS, {**query, "include_submitted": "1"}).json()
    assert both["include_submitted"] is True
    assert both["fields"]["members_total"] > approved["approved"] > 0
    assert both["completeness"] == approved  # completeness does not depend on the option
    approved_sum = api.get(ANALYTICS, query).json()["fields"]["members_total"]
    assert both["fields"]["members_total"] > approved_sum


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"form": "HT-NQ", "period": "2022"}, "unit"),
        ({"form": "HT-NQ", "unit": "QU-Q1", "period": "2022", "indicator": "khong_co"}, "khong_co"),
        ({"form": "HT-NQ", "unit": "QU-Q1", "period": "2022", "include_submitted": "có"}, ""),
    ],
)
def test_bad_analytics_queries_are_400s(api, specialist, query, message):
    response = _as(api, specialist).get(ANALYTICS, query)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_the_submission_list_filters_by_form_period_and_status(api, specialist):
    query = {"form": "HT-NQ", "period": "2023", "status": SubmissionStatus.SUBMITTED}
    rows = _as(api, specialist).get(SUBMISSIONS, query).json()["results"]
    assert rows and {row["status"] for row in rows} == {"submitted"}
    assert {row["period"] for row in rows} == {"2023"}


@pytest.mark.parametrize("pk", ["999999999", "abc"])
def test_a_missing_submission_is_a_vietnamese_404(api, reporter, pk):
    response = _as(api, reporter).get(f"{SUBMISSIONS}{pk}/")
    assert response.status_code == 404 and response.json()["detail"].startswith("Không tìm thấy")
