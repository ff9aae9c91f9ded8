"""The reorganisation pages: preview first, confirm, nothing saved on a bad form."""

import pytest
from django.urls import reverse

from tuyengiao.core.testing import assert_hidden_from
from tuyengiao.orgs.models import Lineage, OrgUnit

pytestmark = pytest.mark.django_db
SAI_GON = "DU-SAI-GON-2025"
DECISION = {"date": "2027-01-01", "reason": "Sắp xếp", "document": "Quyết định 12-QĐ/TU"}


def url(code, action):
    return reverse("orgs:reorganise", args=[code, action])


@pytest.mark.parametrize("role", ["specialist", "approver", "viewer", "reporter", "outsider"])
def test_only_admins_of_the_unit_reach_the_pages(client, request, role):
    user = request.getfixturevalue(role)
    for action in ["rename", "close", "open", "merge", "split"]:
        assert_hidden_from(client, user, url("DU-BEN-NGHE", action))
    assert_hidden_from(client, user, url("DU-BEN-NGHE", "close"), method="post", **DECISION)
    assert OrgUnit.objects.get(code="DU-BEN-NGHE").valid_to.isoformat() == "2025-06-30"


def test_merge_preview_lists_what_closes_and_opens_and_saves_nothing(client, admin):
    client.force_login(admin)
    others = OrgUnit.objects.filter(code__in=["DU-BEN-THANH-2025"]).values_list("pk", flat=True)
    data = {
        **DECISION,
        "others": list(others),
        "new_code": "DU-TRUNG-TAM",
        "new_name": "Đảng ủy phường Trung Tâm",
        "carry_children": "on",
        "preview": "1",
    }
    page = client.post(url(SAI_GON, "merge"), data).content.decode()
    assert 'data-testid="preview"' in page
    assert (
        "Giải thể (2)" in page
        and "Thành lập (1)" in page
        and "DU-SAI-GON-2025 → DU-TRUNG-TAM" in page
    )
    assert not OrgUnit.objects.filter(code="DU-TRUNG-TAM").exists()

    response = client.post(url(SAI_GON, "merge"), {**data, "confirm": "1"})
    assert response.status_code == 302 and response.url == reverse(
        "orgs:detail", args=["DU-TRUNG-TAM"]
    )
    link = Lineage.objects.get(predecessor__code=SAI_GON)
    assert link.successor.code == "DU-TRUNG-TAM" and link.note == "Quyết định 12-QĐ/TU — Sắp xếp"


def test_split_page_gives_children_and_refuses_a_bad_line(client, admin):
    client.force_login(admin)
    bad = client.post(
        url(SAI_GON, "split"),
        {**DECISION, "successors": "X1=Một\nkhông có dấu bằng", "preview": "1"},
    )
    assert "Dòng 2 «không có dấu bằng» không đúng dạng MÃ=Tên." in bad.content.decode()
    response = client.post(
        url(SAI_GON, "split"), {**DECISION, "successors": "X1=Một\nX2=Hai", "confirm": "1"}
    )
    assert response.status_code == 302
    assert OrgUnit.objects.get(code=SAI_GON).valid_to.isoformat() == "2026-12-31"
    assert {
        u.code for u in OrgUnit.objects.filter(predecessor_links__predecessor__code=SAI_GON)
    } == {"X1", "X2"}


def test_a_missing_decision_is_named(client, admin):
    client.force_login(admin)
    page = client.post(
        url(SAI_GON, "close"), {"date": "2027-01-01", "preview": "1"}
    ).content.decode()
    assert page.count("Trường này là bắt buộc.") == 2
    assert OrgUnit.objects.get(code=SAI_GON).valid_to is None
