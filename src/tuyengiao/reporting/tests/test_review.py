"""Reopening an approved report, the value history, and no approving one's own report."""

from decimal import Decimal

import pytest
from django.urls import reverse

from tuyengiao.core.errors import DomainError, NotAllowed
from tuyengiao.core.models import AuditEvent
from tuyengiao.reporting import review, services
from tuyengiao.reporting.models import Submission, Value, ValueChange
from tuyengiao.reporting.rollup import rollup

pytestmark = pytest.mark.django_db


def _ben_nghe(form, period, ben_nghe):
    return Submission.objects.get(form=form, period=period, unit=ben_nghe)


def _events(submission, verb):
    return list(
        AuditEvent.objects.filter(
            object_type="reporting.submission", object_id=str(submission.pk), verb=verb
        ).order_by("at", "pk")
    )


def test_reopen_edit_resubmit_approve_keeps_every_step_with_before_and_after(
    form, year_2022, district, ben_nghe, reporter, approver, client
):
    # given Bến Nghé's approved 2022 report
    submission = _ben_nghe(form, year_2022, ben_nghe)
    first_sent = submission.first_submitted_at
    before = services.stored_values(submission)
    attended = int(before["members_attended"])
    district_before = rollup(form, district, year_2022).fields["members_attended"]

    # when the approver reopens it with a reason
    review.reopen(submission, "Số tham gia chưa trừ người vắng.", actor=approver)
    # then it is back with the unit as returned, with the reason, and out of the rollup
    submission.refresh_from_db()
    assert (submission.status, submission.reopened) == ("returned", True)
    assert submission.returned_reason == "Số tham gia chưa trừ người vắng."
    assert submission.approved_by is None
    reopened = _events(submission, "submission.reopen")[-1]
    assert reopened.actor == approver and reopened.data["reason"].startswith("Số tham gia")
    assert reopened.data["figures"]["members_attended"] == str(attended)
    assert rollup(form, district, year_2022).fields["members_attended"] == (
        district_before - attended
    )

    # when the reporter corrects one figure and sends again
    value_pk = Value.objects.get(submission=submission, field__code="members_attended").pk
    services.submit(
        form, ben_nghe, year_2022, {**before, "members_attended": attended - 3}, actor=reporter
    )
    # then the value was updated in place, and its change is kept: old, new, who, how
    assert Value.objects.get(submission=submission, field__code="members_attended").pk == value_pk
    change = ValueChange.objects.get(submission=submission, actor=reporter)
    assert (change.field.code, change.old_number, change.new_number) == (
        "members_attended",
        Decimal(attended),
        Decimal(attended - 3),
    )
    assert (change.actor, change.path, change.context) == (reporter, "web", "reopen")
    sent = _events(submission, "submission.submit")[-1]
    assert sent.data["after_reopen"] is True
    assert sent.data["figures"]["members_attended"] == str(attended - 3)
    submission.refresh_from_db()
    assert submission.first_submitted_at == first_sent  # timeliness keeps the first sending
    assert submission.reopened is False

    # when the approver approves again, then the district counts the corrected figure
    review.approve(submission, actor=approver)
    assert rollup(form, district, year_2022).fields["members_attended"] == district_before - 3

    # and the submission's page shows the trail and the figure's history
    client.force_login(reporter)
    url = reverse("reporting:submission", args=[form.code, year_2022.code, ben_nghe.code])
    page = client.get(url).content.decode()
    assert "Mở lại để sửa" in page and "Số tham gia chưa trừ người vắng." in page
    history = page.split('data-testid="value-history"')[1].split("</table>")[0]
    assert "Sửa sau khi được mở lại" in history and "Nhập trên web" in history
    assert f">{attended - 3}<" in history.replace(".", "")


def test_a_reopen_needs_a_reason_an_approved_report_and_the_approve_right(
    form, year_2022, year_2023, ben_nghe, reporter, approver, specialist
):
    approved = _ben_nghe(form, year_2022, ben_nghe)
    with pytest.raises(DomainError, match="Cần ghi lý do mở lại"):
        review.reopen(approved, "  ", actor=approver)
    with pytest.raises(NotAllowed):
        review.reopen(approved, "Sai số", actor=reporter)
    with pytest.raises(NotAllowed):
        review.reopen(approved, "Sai số", actor=specialist)  # may return, not approve
    submitted = Submission.objects.filter(form=form, period=year_2023, status="submitted").first()
    with pytest.raises(DomainError, match="Chỉ mở lại được báo cáo đã duyệt"):
        review.reopen(submitted, "Sai số", actor=approver)
    approved.refresh_from_db()
    assert approved.status == "approved"


def test_the_sender_cannot_approve_their_own_report_unless_the_form_allows_it(
    form, year_2023, ben_nghe, admin, approver, good_values
):
    # given admin entered and sent Bến Nghé's 2023 report
    sent = services.submit(form, ben_nghe, year_2023, good_values, actor=admin)
    # when admin approves it, then it is refused, alone or in the bulk approval
    with pytest.raises(NotAllowed, match="yêu cầu người duyệt khác người gửi"):
        review.approve(sent, actor=admin)
    review.approve_all_valid(form, ben_nghe, year_2023, actor=admin)
    sent.refresh_from_db()
    assert sent.status == "submitted"
    # when the form allows it, admin may
    form.approver_must_differ = False
    form.save()
    assert review.approve(sent, actor=admin).status == "approved"


def test_someone_else_approves_and_the_page_says_why_the_sender_cannot(
    form, year_2023, ben_nghe, admin, approver, good_values, client
):
    services.submit(form, ben_nghe, year_2023, good_values, actor=admin)
    url = reverse("reporting:submission", args=[form.code, year_2023.code, ben_nghe.code])
    client.force_login(admin)
    page = client.get(url).content.decode()
    assert 'data-testid="own-report"' in page and "Duyệt</button>" not in page
    refused = client.post(
        reverse("reporting:approve", args=[form.code, "2023", ben_nghe.code]), follow=True
    )
    assert "không tự duyệt được" in refused.content.decode()
    client.force_login(approver)
    client.post(reverse("reporting:approve", args=[form.code, "2023", ben_nghe.code]))
    assert _ben_nghe(form, year_2023, ben_nghe).status == "approved"


def test_saving_the_same_figures_again_changes_nothing_and_writes_no_history(
    form, year_2023, ben_nghe, reporter, good_values
):
    services.save_draft(form, ben_nghe, year_2023, good_values, actor=reporter)
    submission = _ben_nghe(form, year_2023, ben_nghe)
    assert submission.value_changes.count() == 4  # four figures entered (from nothing)
    ids = set(submission.values.values_list("pk", flat=True))
    services.save_draft(form, ben_nghe, year_2023, good_values, actor=reporter)
    assert submission.value_changes.count() == 4
    assert set(submission.values.values_list("pk", flat=True)) == ids


def test_the_reopen_web_page_is_for_approvers_of_the_unit_only(
    form, year_2022, ben_nghe, client, reporter, outsider, approver
):
    url = reverse("reporting:reopen", args=[form.code, year_2022.code, ben_nghe.code])
    for user in (outsider, reporter):
        client.force_login(user)
        assert client.post(url, {"reason": "Sai"}).status_code == 404
    assert _ben_nghe(form, year_2022, ben_nghe).status == "approved"
    client.force_login(approver)
    page = client.post(url, {"reason": ""}, follow=True).content.decode()
    assert "Cần ghi lý do mở lại báo cáo." in page
    client.post(url, {"reason": "Số liệu cần đối chiếu lại."})
    assert _ben_nghe(form, year_2022, ben_nghe).status == "returned"


def test_figures_imported_from_excel_are_in_the_history_as_excel(form, year_2023, reporter):
    from tuyengiao.reporting.excel_import import import_workbook
    from tuyengiao.reporting.tests.excel_helpers import GOOD, as_upload, fill, template_for

    workbook = template_for(reporter)
    fill(workbook, "DU-BEN-NGHE", **GOOD)
    assert import_workbook(as_upload(workbook), form, year_2023, actor=reporter).ok
    changes = ValueChange.objects.filter(
        submission__form=form, submission__period=year_2023, submission__unit__code="DU-BEN-NGHE"
    )
    assert changes.count() == 4
    assert set(changes.values_list("path", "actor")) == {("excel", reporter.pk)}


def test_the_review_policy_says_who_may_approve_return_and_reopen(
    form, year_2023, ben_nghe, admin, approver, specialist, reporter, outsider, good_values
):
    from tuyengiao.reporting.review import may_approve, may_reopen, may_return

    def offered(user, submission):
        return {
            verb
            for verb, rule in (
                ("approve", may_approve),
                ("return", may_return),
                ("reopen", may_reopen),
            )
            if rule(user, submission)
        }

    assert offered(approver, None) == set()
    draft = services.save_draft(form, ben_nghe, year_2023, good_values, actor=reporter)
    assert all(offered(u, draft) == set() for u in (admin, approver, specialist, reporter))
    sent = services.submit(form, ben_nghe, year_2023, actor=admin)
    assert offered(approver, sent) == {"approve", "return"}
    assert offered(specialist, sent) == {"return"}  # follows the unit, does not approve
    assert offered(admin, sent) == {"return"}  # sent it: someone else approves
    assert offered(reporter, sent) == set()
    assert offered(outsider, sent) == set()  # the sibling ward
    approved = review.approve(sent, actor=approver)
    assert offered(approver, approved) == {"reopen"}
    assert offered(specialist, approved) == set()


def test_the_board_the_page_and_the_api_offer_what_the_policy_says(
    form, year_2023, ben_nghe, admin, approver, specialist, good_values, client
):
    sent = services.submit(form, ben_nghe, year_2023, good_values, actor=admin)
    board = reverse("reporting:status", args=[form.code, year_2023.code, "QU-Q1"])
    approve = reverse("reporting:approve", args=[form.code, year_2023.code, ben_nghe.code])
    row = f'<tr data-unit="{ben_nghe.code}">'

    def ben_nghe_row(user):
        client.force_login(user)
        page = client.get(board).content.decode()
        return page[page.index(row) : page.index("</tr>", page.index(row))]

    assert approve in ben_nghe_row(approver) and "#id_reason" in ben_nghe_row(approver)
    assert approve not in ben_nghe_row(admin)  # their own report
    assert approve not in ben_nghe_row(specialist) and "#id_reason" in ben_nghe_row(specialist)
    client.force_login(approver)
    body = client.get(f"/api/submissions/{sent.pk}/").json()
    assert body["may"] == {"approve": True, "return": True, "reopen": False}
    client.force_login(admin)
    assert client.get(f"/api/submissions/{sent.pk}/").json()["may"]["approve"] is False
