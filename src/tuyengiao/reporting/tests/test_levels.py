"""Two approval levels: the unit's own leader, then the district; counts per level."""

import json
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from tuyengiao.core.errors import NotAllowed
from tuyengiao.orgs.models import Membership
from tuyengiao.reporting import review, services
from tuyengiao.reporting.rollup import completeness, rollup

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_levels(form):
    form.approval_levels = 2
    form.save()
    return form


@pytest.fixture
def ward_leader(ben_nghe):
    user = get_user_model().objects.create_user("bithu_bennghe", password="x" * 12)
    Membership.objects.create(user=user, unit=ben_nghe, role="approver", title="Bí thư")
    return user


@pytest.fixture
def sent(two_levels, year_2023, ben_nghe, reporter, good_values):
    return services.submit(two_levels, ben_nghe, year_2023, good_values, actor=reporter)


def test_the_ward_leader_then_the_district_approve_and_each_level_counts(
    two_levels, year_2023, district, ben_nghe, sent, ward_leader, approver, good_values
):
    before = completeness(two_levels, district, year_2023)
    first = completeness(two_levels, district, year_2023, level=1)
    # when the ward's own leader approves, the report is approved at level 1 only
    review.approve(sent, actor=ward_leader)
    sent.refresh_from_db()
    assert (sent.status, sent.approved_level, sent.first_approved_by) == (
        "submitted",
        1,
        ward_leader,
    )
    assert completeness(two_levels, district, year_2023).approved == before.approved
    assert completeness(two_levels, district, year_2023, level=1).approved == first.approved + 1
    at_one = rollup(two_levels, ben_nghe, year_2023, level=1).fields["members_total"]
    assert at_one == int(good_values["members_total"])
    assert rollup(two_levels, ben_nghe, year_2023).fields["members_total"] is None
    # the ward leader cannot give the district's level
    with pytest.raises(NotAllowed, match="cấp trên"):
        review.approve(sent, actor=ward_leader)
    # when the district approves, it is approved and counts at the last level
    review.approve(sent, actor=approver)
    sent.refresh_from_db()
    assert (sent.status, sent.approved_level, sent.approved_by) == ("approved", 2, approver)
    assert completeness(two_levels, district, year_2023).approved == before.approved + 1
    assert rollup(two_levels, ben_nghe, year_2023).fields["members_total"] == 320


def test_one_person_cannot_give_both_levels(sent, approver):
    review.approve(sent, actor=approver)  # the district may give the first level too
    with pytest.raises(NotAllowed, match="cấp 2 phải là người khác"):
        review.approve(sent, actor=approver)


def test_the_sender_approves_at_no_level(
    two_levels, year_2023, ben_nghe, ward_leader, good_values, approver
):
    Membership.objects.create(user=ward_leader, unit=ben_nghe, role="reporter")
    mine = services.submit(two_levels, ben_nghe, year_2023, good_values, actor=ward_leader)
    with pytest.raises(NotAllowed, match="không tự duyệt được"):
        review.approve(mine, actor=ward_leader)
    review.approve(mine, actor=approver)
    mine.refresh_from_db()
    assert mine.approved_level == 1


def test_a_return_after_the_first_level_clears_it(sent, ward_leader, specialist):
    review.approve(sent, actor=ward_leader)
    review.return_submission(sent, "Thiếu biên bản", actor=specialist)
    sent.refresh_from_db()
    assert (sent.approved_level, sent.first_approved_by) == (0, None)


def test_approve_all_gives_each_report_its_next_level(
    two_levels, year_2023, district, ben_nghe, sent, ward_leader, approver
):
    waiting = completeness(two_levels, district, year_2023)
    assert review.approve_all_valid(two_levels, ben_nghe, year_2023, actor=ward_leader) == 1
    # the district's approve-all takes every submitted report one level up, Bến Nghé to 2
    count = review.approve_all_valid(two_levels, district, year_2023, actor=approver)
    sent.refresh_from_db()
    assert sent.status == "approved" and count == waiting.submitted - waiting.approved
    assert completeness(two_levels, district, year_2023).approved == waiting.approved + 1


def test_the_command_line_and_the_api_count_at_the_chosen_level(
    two_levels, sent, ward_leader, approver
):
    review.approve(sent, actor=ward_leader)
    out = StringIO()
    args = ["rollup", "--form", "HT-NQ", "--unit", "DU-BEN-NGHE", "--period", "2023", "--json"]
    call_command(*args, "--level", "1", stdout=out)
    assert json.loads(out.getvalue())["completeness"]["approved"] == 1
    out = StringIO()
    call_command(*args, stdout=out)
    assert json.loads(out.getvalue())["completeness"]["approved"] == 0
    from rest_framework.test import APIClient

    api = APIClient()
    api.force_authenticate(approver)
    query = {"form": "HT-NQ", "unit": "DU-BEN-NGHE", "period": "2023"}
    assert api.get("/api/analytics/", {**query, "level": 1}).json()["completeness"]["approved"] == 1
    bad = api.get("/api/analytics/", {**query, "level": 3})
    assert bad.status_code == 400 and "Cấp duyệt (level) phải là 1 hoặc 2." in str(bad.json())


def test_the_pages_name_the_level(client, two_levels, sent, ward_leader, approver, ben_nghe):
    url = reverse("reporting:submission", args=["HT-NQ", "2023", ben_nghe.code])
    client.force_login(ward_leader)
    assert "Duyệt (cấp 1)" in client.get(url).content.decode()
    client.post(reverse("reporting:approve", args=["HT-NQ", "2023", ben_nghe.code]))
    page = client.get(url).content.decode()
    assert "Đã duyệt 1/2 cấp" in page and "cần người có quyền duyệt ở đơn vị cấp trên" in page
    client.force_login(approver)
    assert "Duyệt (cấp 2)" in client.get(url).content.decode()
    board = client.get(reverse("reporting:status", args=["HT-NQ", "2023", "QU-Q1"]))
    assert "đã duyệt cấp 1" in board.content.decode()
