"""Many units in one request: each checked and saved on its own, a result per unit."""

import pytest
from rest_framework.test import APIClient

from tuyengiao.reporting.models import Submission, ValueChange
from tuyengiao.reporting.tests.excel_helpers import GOOD

pytestmark = pytest.mark.django_db
BULK = "/api/submissions/bulk/"


def _as(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def _post(user, items, **extra):
    body = {"form": "HT-NQ", "period": "2023", "items": items, **extra}
    return _as(user).post(BULK, body, format="json")


def _stored(code, period="2023"):
    return Submission.objects.filter(
        form__code="HT-NQ", period__code=period, unit__code=code
    ).first()


def test_a_specialist_saves_many_units_and_each_bad_one_is_refused_alone(specialist):
    items = [
        {"unit": "DU-BEN-NGHE", "values": GOOD},
        {"unit": "DU-CAU-KHO", "values": {**GOOD, "members_attended": 999}},  # > required
        {"unit": "CS-Q1-007", "values": GOOD},
        {"unit": "KHONG-CO", "values": GOOD},
        {"unit": "DU-BEN-NGHE", "values": GOOD},
        {"unit": "CS-Q1-019", "values": "120"},
    ]
    response = _post(specialist, items, submit=True)
    assert response.status_code == 207
    body = response.json()
    assert (body["saved"], body["refused"]) == (2, 4)
    ok, rule, other, unknown, twice, shape = body["results"]
    assert ok["ok"] and ok["status"] == "submitted" and other["ok"]
    assert (
        not rule["ok"]
        and "lớn hơn «Số đảng viên phải học tập»" in (rule["errors"]["members_attended"][0])
    )
    assert unknown["detail"] == "Không tìm thấy đơn vị «KHONG-CO» trong phạm vi của bạn."
    assert twice["detail"] == "Đơn vị «DU-BEN-NGHE» có hai lần trong cùng một yêu cầu."
    assert "thiếu «values»" in shape["detail"]
    # the refused unit kept nothing; the saved ones are whole, with their history by API
    assert _stored("DU-CAU-KHO") is None
    assert _stored("DU-BEN-NGHE").status == "submitted"
    assert set(
        ValueChange.objects.filter(submission=_stored("CS-Q1-007")).values_list("path", flat=True)
    ) == {"api"}


def test_all_saved_is_a_200_and_a_campaign_is_addressed_by_its_code(specialist):
    response = _post(specialist, [{"unit": "DU-BEN-NGHE", "values": GOOD}], period="HT-CD-2023")
    assert response.status_code == 200, response.content
    assert response.json()["results"][0]["status"] == "draft"
    assert _stored("DU-BEN-NGHE", "HT-CD-2023").status == "draft"
    assert _stored("DU-BEN-NGHE") is None  # the regular 2023 round is another collection


def test_the_sibling_ward_writes_only_its_own_unit_and_learns_nothing_of_the_other(outsider):
    items = [
        {"unit": "DU-BEN-THANH", "values": GOOD},
        {"unit": "DU-BEN-NGHE", "values": GOOD},
    ]
    body = _post(outsider, items).json()
    assert [r["ok"] for r in body["results"]] == [True, False]
    assert body["results"][1]["detail"] == (
        "Không tìm thấy đơn vị «DU-BEN-NGHE» trong phạm vi của bạn."
    )
    assert _stored("DU-BEN-NGHE") is None


def test_a_viewer_may_see_but_not_write(viewer):
    body = _post(viewer, [{"unit": "DU-BEN-NGHE", "values": GOOD}]).json()
    assert body["results"][0]["detail"].startswith("Bạn không có quyền báo cáo cho")
    assert _stored("DU-BEN-NGHE") is None


def test_an_approved_report_in_the_batch_is_refused_and_left_as_it_was(specialist):
    body = _post(
        specialist, [{"unit": "DU-BEN-NGHE", "values": GOOD}], period="HT-TW456-2022"
    ).json()
    assert "đã được duyệt, không sửa được" in body["results"][0]["detail"]


@pytest.mark.parametrize(
    ("body", "status", "message"),
    [
        ({"form": "HT-NQ", "period": "2023", "items": []}, 400, "Danh sách «items» trống."),
        ({"form": "HT-NQ", "period": "2023", "items": "x"}, 400, "«items» phải là danh sách."),
        ({"form": "KHONG", "period": "2023", "items": [{}]}, 404, "biểu mẫu «KHONG»"),
        ({"form": "HT-NQ", "period": "1999", "items": [{}]}, 404, "kỳ báo cáo «1999»"),
        ({"form": "HT-NQ", "period": "2023", "items": [{}] * 1001}, 400, "tối đa 1.000"),
    ],
)
def test_a_bad_request_is_a_json_error_in_vietnamese(specialist, body, status, message):
    response = _as(specialist).post(BULK, body, format="json")
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")
    assert message in str(response.json())


def test_anonymous_is_refused_in_json():
    response = APIClient().post(BULK, {}, format="json")
    assert response.status_code in (401, 403)
    assert response["Content-Type"].startswith("application/json")


def _units(n):
    from tuyengiao.orgs.models import OrgUnit
    from tuyengiao.reporting.models import Assignment

    assigned = Assignment.objects.filter(form__code="HT-NQ", period__code="2023")
    reported = Submission.objects.filter(form__code="HT-NQ", period__code="2023")
    return list(
        OrgUnit.objects.filter(pk__in=assigned.values("unit_id"))
        .exclude(pk__in=reported.values("unit_id"))
        .order_by("code")
        .values_list("code", flat=True)[:n]
    )


def test_the_statements_of_a_bulk_save_do_not_grow_with_its_units(specialist):
    # issue 17: set-based — validate every unit, then a few statements for the batch
    from django.db import transaction
    from django.test.utils import CaptureQueriesContext

    codes = _units(5)  # the demo's units assigned 2023 with no report yet
    assert len(codes) == 5
    _post(specialist, [{"unit": codes[0], "values": "x"}])  # the user's memberships, read once
    counts = []
    for chunk in (codes[:2], codes[2:]):
        items = [{"unit": code, "values": GOOD} for code in chunk]
        with CaptureQueriesContext(transaction.get_connection()) as queries:
            response = _post(specialist, items)
        assert response.status_code == 200, response.content
        counts.append(len(queries.captured_queries))
    assert counts[0] == counts[1] and counts[0] <= 18
    for code in codes:
        stored = _stored(code)
        assert stored.status == "draft" and stored.values.count() == len(GOOD)
        assert ValueChange.objects.filter(submission=stored).count() == len(GOOD)


def test_a_batch_the_database_refuses_is_saved_unit_by_unit(specialist, monkeypatch):
    # Should the set-based writes fail (a row inserted by someone else meanwhile), the
    # batch is rolled back whole and each unit saved in its own transaction.
    from django.db import IntegrityError

    from tuyengiao.reporting import services

    def refused(*args, **kwargs):
        Submission.objects.filter(unit__code=codes[0]).update(returned_reason="half")
        raise IntegrityError("UNIQUE constraint failed")

    monkeypatch.setattr(services, "write_batch", refused)
    codes = _units(3)
    items = [
        {"unit": codes[0], "values": GOOD},
        {"unit": codes[1], "values": {**GOOD, "members_attended": 999}},
        {"unit": codes[2], "values": GOOD},
    ]
    body = _post(specialist, items, submit=True).json()
    assert [r["ok"] for r in body["results"]] == [True, False, True]
    assert "members_attended" in body["results"][1]["errors"]
    assert _stored(codes[0]).status == "submitted" and _stored(codes[0]).returned_reason == ""
    assert _stored(codes[1]) is None
