"""Every classified document of the demo, read by users without clearance, everywhere.

Issue 9: the document edit form pre-filled the real title, the commendation decision
dropdown and the commendation page printed the decision's title, and a user without
clearance could declassify a document. The cast without clearance: the read-only viewer
(theodoi), the ward reporter and a district specialist who does not hold
`documents.view_classified`.
"""

import io
import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from tuyengiao.awards.models import Commendation
from tuyengiao.core.models import AuditEvent
from tuyengiao.documents import services
from tuyengiao.documents.choices import Classification
from tuyengiao.documents.models import Document
from tuyengiao.orgs.models import Membership, OrgUnit

pytestmark = pytest.mark.django_db
AWARD_PROGRAMME = "Công tác Tuyên giáo năm 2022"


@pytest.fixture
def uncleared_specialist(db):
    """A district specialist (may edit the district's documents) without clearance."""
    user = get_user_model().objects.create_user("chuyenvien-moi", password="x")
    Membership.objects.create(user=user, unit=OrgUnit.objects.get(code="QU-Q1"), role="specialist")
    return user


@pytest.fixture(params=["viewer", "reporter", "uncleared_specialist"])
def uncleared(request):
    return request.getfixturevalue(request.param)


@pytest.fixture(params=["viewer", "uncleared_specialist"])
def uncleared_district(request):
    """Users without clearance who see the district's commendations and report."""
    return request.getfixturevalue(request.param)


@pytest.fixture
def secret_decision(db):
    """The attack: the award decision raised to Tối mật (the demo's decisions are ordinary)."""
    decision = Commendation.objects.get(name=AWARD_PROGRAMME).decision
    Document.objects.filter(pk=decision.pk).update(classification=Classification.SECRET)
    decision.refresh_from_db()
    return decision


@pytest.fixture
def classified(secret_decision):
    """Every classified document of the demo, the secret decision included."""
    documents = list(Document.objects.exclude(classification=Classification.ORDINARY))
    assert len(documents) >= 2
    return documents


def text(response) -> str:
    assert response.status_code == 200, response.status_code
    if response["Content-Type"].startswith("application/vnd.openxmlformats"):
        book = load_workbook(io.BytesIO(response.content))
        return " ".join(str(c.value) for s in book for row in s.iter_rows() for c in row)
    return response.content.decode()


def assert_no_title(body: str, documents):
    for document in documents:
        assert document.title not in body, f"{document.number_text}: title leaked"


def test_pages_exports_api_and_search_never_show_a_classified_title(client, uncleared, classified):
    client.force_login(uncleared)
    bodies = []
    for document in classified:
        bodies.append(text(client.get(reverse("documents:detail", args=[document.pk]))))
        bodies.append(text(client.get(reverse("documents:list"), {"q": document.number_text})))
        bodies.append(text(client.get(reverse("documents:list"), {"q": document.title[:30]})))
        bodies.append(text(client.get(reverse("documents:export"), {"q": document.number_text})))
        bodies.append(text(client.get(f"/api/documents/{document.pk}/")))
        bodies.append(text(client.get("/api/documents/", {"q": document.title[:30]})))
    bodies.append(text(client.get(reverse("documents:list"), {"year": 2022})))
    bodies.append(text(client.get(reverse("documents:export"), {"year": 2023})))

    for body in bodies:
        assert_no_title(body, classified)
    assert all(d.number_text in "".join(bodies) for d in classified)  # rows stay listed


def test_the_commendation_page_and_its_api_hide_a_secret_decision_title(
    client, uncleared_district, secret_decision
):
    """Old code: the page printed `decision.title` — the viewer read a Tối mật title."""
    commendation = Commendation.objects.get(name=AWARD_PROGRAMME)
    client.force_login(uncleared_district)

    page = text(client.get(commendation.get_absolute_url()))
    listing = text(client.get(reverse("awards:list")))
    api = text(client.get(f"/api/commendations/{commendation.pk}/"))
    export = text(client.get(reverse("awards:list"), {"export": "xlsx"}))

    for body in (page, listing, api, export):
        assert_no_title(body, [secret_decision])
    assert secret_decision.number_text in page
    assert "trích yếu không hiển thị" in page


def test_the_commendation_form_lists_a_secret_decision_without_its_title(
    client, uncleared_specialist, secret_decision
):
    """Old code: the dropdown (new and edit) printed `decision.title` for everyone."""
    commendation = Commendation.objects.get(name=AWARD_PROGRAMME)
    client.force_login(uncleared_specialist)

    for url in (reverse("awards:create"), reverse("awards:edit", args=[commendation.pk])):
        body = text(client.get(url))
        assert secret_decision.number_text in body  # still selectable, by number
        assert secret_decision.title[:60] not in body  # the label cut titles at 80 characters


def test_a_cleared_specialist_reads_the_decision_title(client, specialist, secret_decision):
    client.force_login(specialist)
    commendation = Commendation.objects.get(name=AWARD_PROGRAMME)

    assert secret_decision.title in text(client.get(commendation.get_absolute_url()))
    assert secret_decision.title[:80] in text(client.get(reverse("awards:create")))


def test_the_report_and_the_audit_trail_never_carry_a_classified_title(
    client, uncleared_district, classified, specialist, capsys
):
    document = classified[0]
    services.update_document(
        document,
        actor=specialist,
        number_text=document.number_text,
        signed_on=document.signed_on,
        title=document.title + " (sửa)",
        classification=document.classification,
    )
    document.refresh_from_db()
    client.force_login(uncleared_district)

    page = text(client.get(reverse("reports:unit_year", args=["QU-Q1", 2022])))
    call_command("report", "data", "--unit", "QU-Q1", "--year", "2022", "--json")
    data = capsys.readouterr().out
    trail = json.dumps(list(AuditEvent.objects.values("object_repr", "data")), ensure_ascii=False)
    log = text(client.get(reverse("audit:list"), {"verb": "document.update"}))
    log_export = text(client.get(reverse("audit:list"), {"export": "xlsx"}))

    assert document.number_text in log  # the edit is listed, its title is not
    for body in (page, data, trail, log, log_export):
        assert_no_title(body, classified + [document])


# --- editing without clearance ------------------------------------------------------------


def edit(client, user, document, **changes):
    client.force_login(user)
    data = {
        "number_text": document.number_text,
        "signed_on": document.signed_on.isoformat(),
        "title": document.title,
        "classification": document.classification,
        **changes,
    }
    return client.post(reverse("documents:edit", args=[document.pk]), data)


def test_the_edit_form_neither_shows_nor_prefills_a_classified_title(
    client, uncleared_specialist, classified
):
    """Old code: the edit form pre-filled the real title for anyone who could edit."""
    client.force_login(uncleared_specialist)
    for document in classified:
        body = text(client.get(reverse("documents:edit", args=[document.pk])))
        assert_no_title(body, [document])
        assert 'name="title"' not in body
        assert 'value="ordinary"' not in body  # lowering is not offered
        assert f'value="{document.signed_on:%d/%m/%Y}"' in body  # the date is kept


def test_without_clearance_a_classified_title_cannot_be_changed(client, uncleared_specialist):
    document = Document.objects.get(number_text="12-BC/QU")

    edit(client, uncleared_specialist, document, title="Trích yếu mới")

    document.refresh_from_db()
    assert document.title == "Báo cáo công tác bảo vệ bí mật nhà nước năm 2022"


def test_without_clearance_a_document_cannot_be_declassified(client, uncleared_specialist):
    """Old code: posting classification=ordinary succeeded and the audit row was empty."""
    document = Document.objects.get(number_text="12-BC/QU")

    response = edit(client, uncleared_specialist, document, classification="ordinary")

    assert response.status_code == 200  # the form again, with a message
    document.refresh_from_db()
    assert document.classification == Classification.CONFIDENTIAL


def test_the_service_refuses_declassifying_by_a_user_without_clearance(uncleared_specialist):
    document = Document.objects.get(number_text="12-BC/QU")

    with pytest.raises(services.NotAllowed, match="hạ độ mật"):
        services.update_document(
            document,
            actor=uncleared_specialist,
            number_text=document.number_text,
            signed_on=document.signed_on,
            title=None,
            classification="ordinary",
            reason="không còn mật",
        )


def test_without_clearance_the_classification_can_still_be_raised(client, uncleared_specialist):
    document = Document.objects.get(number_text="12-BC/QU")

    response = edit(client, uncleared_specialist, document, classification="secret")

    assert response.status_code == 302
    document.refresh_from_db()
    assert document.classification == Classification.SECRET
    assert document.title == "Báo cáo công tác bảo vệ bí mật nhà nước năm 2022"


def test_a_cleared_user_lowers_only_with_a_reason(client, specialist):
    document = Document.objects.get(number_text="12-BC/QU")

    refused = edit(client, specialist, document, classification="ordinary")
    document.refresh_from_db()
    assert refused.status_code == 200 and document.classification == "confidential"
    assert "lý do hạ độ mật" in refused.content.decode().lower()

    done = edit(
        client,
        specialist,
        document,
        classification="ordinary",
        lowering_reason="Hết thời hạn bảo vệ bí mật theo Quyết định 01/QĐ",
    )
    assert done.status_code == 302
    document.refresh_from_db()
    assert document.classification == "ordinary"
    event = AuditEvent.objects.filter(verb="document.update", object_id=str(document.pk)).first()
    assert event.actor == specialist
    assert event.data["changes"]["classification"] == {"before": "Mật", "after": "Thường"}
    assert event.data["reason"] == "Hết thời hạn bảo vệ bí mật theo Quyết định 01/QĐ"


def test_the_django_admin_hides_a_classified_title_from_staff_without_clearance(client):
    staff = get_user_model().objects.create_user("nhanvien", password="x", is_staff=True)
    staff.user_permissions.set(Permission.objects.filter(content_type__app_label="documents"))
    staff.user_permissions.remove(Permission.objects.get(codename="view_classified"))
    document = Document.objects.get(number_text="12-BC/QU")
    version = document.history.first()
    client.force_login(staff)

    page = client.get(reverse("admin:documents_document_change", args=[document.pk]))
    past = client.get(
        reverse("admin:documents_document_simple_history", args=[document.pk, version.pk])
    )

    assert page.status_code == 200 and "12-BC/QU" in page.content.decode()
    assert document.title not in page.content.decode()
    assert past.status_code == 403


def test_the_generated_year_end_report_and_annex_carry_no_classified_title(
    client, uncleared_specialist, classified
):
    from docx import Document as Docx

    from tuyengiao.reports.models import GeneratedReport

    client.force_login(uncleared_specialist)
    response = client.post(reverse("reports:generate", args=["QU-Q1", 2022]), {})
    assert response.status_code == 302
    report = GeneratedReport.objects.filter(unit__code="QU-Q1", year=2022).latest("pk")

    docx = client.get(reverse("reports:download", args=[report.pk]))
    paragraphs = Docx(io.BytesIO(b"".join(docx.streaming_content))).paragraphs
    tables = Docx(io.BytesIO(report.file.open("rb").read())).tables
    body = "\n".join(p.text for p in paragraphs) + "\n".join(
        cell.text for table in tables for row in table.rows for cell in row.cells
    )
    annex = text(client.get(reverse("reports:annex", args=[report.pk])))

    assert "6.513" in body  # the report was written
    for content in (body, annex):
        assert_no_title(content, classified)
