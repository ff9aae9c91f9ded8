"""The "Nhật ký" page: events within the user's scope, filtered, with before/after, in
Vietnamese words (never `submission.import_excel`), exportable to .xlsx."""

import ast
import datetime as dt
import io
import re
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

import tuyengiao
from tuyengiao.core import audit
from tuyengiao.core.audit_labels import VERB_LABELS, describe, verb_label
from tuyengiao.core.models import AuditEvent
from tuyengiao.documents import services as documents
from tuyengiao.documents.models import Document
from tuyengiao.orgs.models import OrgUnit

pytestmark = pytest.mark.django_db
URL = reverse("audit:list")


def unit(code):
    return OrgUnit.objects.get(code=code)


def event_at(day, *, actor, verb, code, **data):
    """An audit row of `code`'s unit dated `day` (about the unit itself)."""
    target = unit(code)
    event = audit.record(actor, verb, target, unit=target, **data)
    moment = timezone.make_aware(dt.datetime.combine(day, dt.time(9, 30)))
    AuditEvent.objects.filter(pk=event.pk).update(at=moment)
    return event


@pytest.fixture
def ward_events(reporter, outsider, specialist):
    return {
        "ben_nghe": event_at(
            dt.date(2023, 3, 1),
            actor=reporter,
            verb="submission.save_draft",
            code="DU-BEN-NGHE",
            reason="Bến Nghé sửa số liệu",
        ),
        "ben_thanh": event_at(
            dt.date(2023, 3, 2),
            actor=outsider,
            verb="submission.submit",
            code="DU-BEN-THANH",
            reason="Bến Thành gửi báo cáo",
        ),
        "district": event_at(
            dt.date(2023, 4, 5),
            actor=specialist,
            verb="submission.return",
            code="QU-Q1",
            reason="Quận trả lại báo cáo",
        ),
    }


def page_of(client, user, **params):
    client.force_login(user)
    response = client.get(URL, params)
    assert response.status_code == 200
    return response.content.decode()


def test_the_menu_has_the_audit_log(client, viewer):
    body = page_of(client, viewer)
    assert f'href="{URL}"' in body and "Nhật ký" in body


def test_a_reporter_sees_only_the_own_units_events(client, reporter, ward_events):
    body = page_of(client, reporter, date_to="2023-12-31")  # the fixture's events on page 1

    assert "Bến Nghé sửa số liệu" in body
    assert "Bến Thành gửi báo cáo" not in body
    assert "Quận trả lại báo cáo" not in body


def test_the_sibling_ward_sees_none_of_ben_nghes_events_even_when_asking(
    client, outsider, ward_events
):
    for params in ({}, {"unit": "DU-BEN-NGHE"}, {"actor": "bennghe"}):
        body = page_of(client, outsider, date_to="2023-12-31", **params)
        assert "Bến Nghé sửa số liệu" not in body


def test_the_district_sees_its_wards_and_filters_them(client, viewer, ward_events):
    everything = page_of(client, viewer, date_to="2023-12-31")  # before the demo's own events
    by_unit = page_of(client, viewer, unit="DU-BEN-THANH")
    by_user = page_of(client, viewer, actor="bennghe")
    by_action = page_of(client, viewer, verb="submission.return")
    by_type = page_of(
        client, viewer, object_type="orgs.orgunit", date_from="2023-03-02", date_to="2023-03-31"
    )

    assert all(r in everything for r in ("Bến Nghé sửa", "Bến Thành gửi", "Quận trả lại"))
    assert "Bến Thành gửi" in by_unit and "Bến Nghé sửa" not in by_unit
    assert "Bến Nghé sửa" in by_user and "Bến Thành gửi" not in by_user
    assert "Quận trả lại" in by_action and "Bến Nghé sửa" not in by_action
    assert "Bến Thành gửi" in by_type and "Bến Nghé sửa" not in by_type
    assert "Quận trả lại" not in by_type
    assert "Trả lại báo cáo" in by_action  # the action in words


def test_a_document_edit_shows_before_and_after(client, specialist, viewer):
    document = Document.objects.get(number_text="05-KH/QU")
    documents.update_document(
        document,
        actor=specialist,
        number_text=document.number_text,
        signed_on=dt.date(2021, 3, 16),
        title=document.title,
        classification=document.classification,
    )

    body = page_of(client, viewer, verb="document.update")
    by_object = page_of(client, viewer, object="05-kh/qu")

    assert "Sửa văn bản" in body and "05-KH/QU" in body
    assert "Sửa văn bản" in by_object and "HT-NQ — Học tập" not in by_object
    assert "Ngày ban hành" in body
    assert "15/03/2021" in body and "16/03/2021" in body


def test_bad_filter_values_give_a_page_not_an_error(client, viewer):
    for params in (
        {"date_from": "abc"},
        {"date_to": "2023-13-45"},
        {"page": "999"},
        {"verb": "<script>"},
        {"unit": "KHONG-CO"},
        {"actor": "\x00"},
    ):
        client.force_login(viewer)
        assert client.get(URL, params).status_code == 200


def test_anonymous_users_are_sent_to_login(client):
    assert client.get(URL).status_code == 302


def test_the_export_lists_the_filtered_events_and_keeps_formulas_as_text(client, viewer, reporter):
    event_at(
        dt.date(2023, 5, 1),
        actor=reporter,
        verb="submission.return",
        code="DU-BEN-NGHE",
        reason='=HYPERLINK("http://x")',
    )
    client.force_login(viewer)

    response = client.get(URL, {"export": "xlsx", "unit": "DU-BEN-NGHE"})

    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("Thời gian", "Người thực hiện", "Đơn vị", "Thao tác")
    returned = [r for r in rows if r[3] == "Trả lại báo cáo"]
    assert returned and returned[0][6] == 'Lý do: =HYPERLINK("http://x")'
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    assert not any("Bến Thành" in str(r[2]) for r in rows[1:])


def _verbs_in_code() -> set[str]:
    """Verbs written by `audit.record(actor, "verb", …)`, `record_many(actor, "verb", …)` and
    `AuditEvent(verb="…")`."""
    verbs = set()
    for path in Path(tuyengiao.__file__).parent.rglob("*.py"):
        if "tests" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            if (
                name in ("record", "record_many")
                and len(node.args) > 1
                and isinstance(node.args[1], ast.Constant)
            ):
                verbs.add(node.args[1].value)
            for keyword in node.keywords:
                if keyword.arg == "verb" and isinstance(keyword.value, ast.Constant):
                    verbs.add(keyword.value.value)
    return verbs


def test_every_verb_the_code_writes_has_a_vietnamese_label():
    verbs = _verbs_in_code()

    assert "submission.import_excel" in verbs and len(verbs) > 30
    assert sorted(verbs - set(VERB_LABELS)) == []


def test_no_raw_key_reaches_the_page(client, admin, ward_events):
    """Every demo event: its action, detail labels and the page carry no internal key."""
    events = list(AuditEvent.objects.all())
    verbs = {e.verb for e in events} | {"conference.delegate_remove", "xyz.something_new"}
    shown = re.sub(r"<[^>]+>", " ", page_of(client, admin))  # the text, not option values

    for verb in verbs:
        label = verb_label(verb)
        assert "." not in label and "_" not in label, (verb, label)
        assert verb not in shown
    for event in events:
        for row in describe(event):
            assert "_" not in row["label"], (event.verb, row)
