import pytest

from tuyengiao.core.audit import events_for
from tuyengiao.core.errors import DomainError, NotAllowed, ValidationFailed
from tuyengiao.reporting import review, services
from tuyengiao.reporting.choices import SubmissionStatus as S
from tuyengiao.reporting.models import Assignment, Form, Period, Submission, Value

pytestmark = pytest.mark.django_db


def test_a_reporter_saves_a_draft_then_submits_and_the_trail_records_it(
    form, year_2023, ben_nghe, reporter, good_values
):
    draft = services.save_draft(form, ben_nghe, year_2023, good_values, actor=reporter)
    assert draft.status == S.DRAFT
    assert services.stored_values(draft)["members_attended"] == 275
    sent = services.submit(form, ben_nghe, year_2023, actor=reporter)
    assert (sent.status, sent.submitted_by) == (S.SUBMITTED, reporter)
    assert [e.verb for e in events_for(sent)] == ["submission.submit", "submission.save_draft"]


def test_a_rule_error_saves_nothing_and_names_the_field(form, year_2023, ben_nghe, reporter):
    values = {
        "members_total": "300",
        "members_required": "280",
        "members_attended": "7.200",
        "non_members_attended": "10",
    }
    with pytest.raises(ValidationFailed) as error:
        services.save_draft(form, ben_nghe, year_2023, values, actor=reporter)
    assert "7.200" in error.value.errors["members_attended"][0]
    assert not Submission.objects.filter(form=form, period=year_2023, unit=ben_nghe).exists()


def test_the_ben_thanh_reporter_cannot_write_ben_nghe_figures(
    form, year_2023, ben_nghe, outsider, good_values
):
    with pytest.raises(NotAllowed):
        services.save_draft(form, ben_nghe, year_2023, good_values, actor=outsider)
    with pytest.raises(ValidationFailed) as error:
        services.save_many(form, year_2023, {ben_nghe: good_values}, actor=outsider)
    assert error.value.errors == ["Bạn không có quyền báo cáo cho «Đảng ủy phường Bến Nghé»."]


def test_return_needs_a_reason_then_the_unit_edits_and_resubmits(
    form, year_2023, ben_nghe, reporter, specialist, approver, good_values
):
    sent = services.submit(form, ben_nghe, year_2023, good_values, actor=reporter)
    with pytest.raises(DomainError, match="lý do"):
        review.return_submission(sent, "  ", actor=specialist)
    with pytest.raises(NotAllowed):
        review.return_submission(sent, "Sai số", actor=reporter)
    returned = review.return_submission(sent, "Số đảng viên chưa khớp", actor=specialist)
    assert returned.status == S.RETURNED
    services.save_draft(
        form, ben_nghe, year_2023, {**good_values, "members_total": "321"}, actor=reporter
    )
    resent = services.submit(form, ben_nghe, year_2023, actor=reporter)
    with pytest.raises(NotAllowed):
        review.approve(resent, actor=specialist)  # specialists return, approvers approve
    approved = review.approve(resent, actor=approver)
    assert (approved.status, approved.approved_by) == (S.APPROVED, approver)
    reasons = [e.data.get("reason") for e in events_for(approved) if e.verb == "submission.return"]
    assert reasons == ["Số đảng viên chưa khớp"]


def test_approved_and_submitted_reports_are_locked(form, year_2022, ben_nghe, reporter, approver):
    approved = Submission.objects.get(form=form, period=year_2022, unit=ben_nghe)
    with pytest.raises(DomainError, match="đã được duyệt, không sửa được"):
        services.save_draft(form, ben_nghe, year_2022, {}, actor=reporter)
    with pytest.raises(DomainError, match="Chỉ trả lại được báo cáo đã gửi"):
        review.return_submission(approved, "Sai", actor=approver)
    with pytest.raises(DomainError, match="Chỉ duyệt được báo cáo đã gửi"):
        review.approve(approved, actor=approver)


def test_approve_all_valid_approves_only_the_submitted_ones(form, year_2023, district, approver):
    waiting = Submission.objects.filter(form=form, period=year_2023, status=S.SUBMITTED).count()
    drafts = Submission.objects.filter(form=form, period=year_2023, status=S.DRAFT).count()
    assert review.approve_all_valid(form, district, year_2023, actor=approver) == waiting
    assert not Submission.objects.filter(form=form, period=year_2023, status=S.SUBMITTED).exists()
    assert Submission.objects.filter(form=form, period=year_2023, status=S.DRAFT).count() == drafts


def test_a_unit_that_was_not_assigned_cannot_report(form, year_2023, admin, good_values):
    from tuyengiao.orgs.models import OrgUnit

    board = OrgUnit.objects.get(code="BTG-Q1")
    with pytest.raises(DomainError, match="không được giao"):
        services.save_draft(form, board, year_2023, good_values, actor=admin)


def test_assign_form_assigns_the_grassroots_of_a_subtree_in_one_step(form, district, specialist):
    period = services.get_or_create_period("2024Q1")
    quarterly = Form.objects.create(code="Q-TEST", name="Quý", period_type="quarter")
    assert services.assign_form(quarterly, district, period, actor=specialist) == 51
    assert services.assign_form(quarterly, district, period, actor=specialist) == 0
    deadline = Assignment.objects.filter(form=quarterly).values_list("deadline", flat=True)
    assert set(deadline) == {period.end + __import__("datetime").timedelta(days=15)}
    with pytest.raises(DomainError, match="kỳ «2024Q1» là quý"):
        services.assign_form(form, district, period, actor=specialist)


def test_only_specialists_of_the_unit_may_assign(form, district, reporter):
    with pytest.raises(NotAllowed):
        services.assign_form(form, district, Period.objects.get(code="2023"), actor=reporter)


def test_save_many_checks_every_unit_first_and_saves_nothing_on_one_error(
    form, year_2023, ben_nghe, district, admin, good_values
):
    from tuyengiao.orgs.models import OrgUnit

    cau_kho = OrgUnit.objects.get(code="DU-CAU-KHO")
    before = Value.objects.count()
    with pytest.raises(ValidationFailed) as error:
        services.save_many(
            form,
            year_2023,
            {ben_nghe: good_values, cau_kho: {**good_values, "members_total": "-1"}},
            actor=admin,
        )
    assert any("Cầu Kho" in message and "-1" in message for message in error.value.errors)
    assert Value.objects.count() == before
    saved = services.save_many(
        form, year_2023, {ben_nghe: good_values, cau_kho: good_values}, actor=admin, submit=True
    )
    assert {s.status for s in saved} == {S.SUBMITTED}


@pytest.mark.parametrize(
    ("code", "kind", "start", "end", "name"),
    [
        ("2022", "year", "2022-01-01", "2022-12-31", "Năm 2022"),
        ("2022H1", "half", "2022-01-01", "2022-06-30", "6 tháng đầu năm 2022"),
        ("2022Q3", "quarter", "2022-07-01", "2022-09-30", "Quý III/2022"),
        ("2024-02", "month", "2024-02-01", "2024-02-29", "Tháng 02/2024"),
    ],
)
def test_period_codes_are_readable(code, kind, start, end, name):
    period = Period.parse_code(code)
    assert (period.type, str(period.start), str(period.end), period.name) == (
        kind,
        start,
        end,
        name,
    )


@pytest.mark.parametrize("code", ["22", "2022Q5", "2022-13", "2022H3", "năm 2022", ""])
def test_bad_period_codes_are_refused_in_vietnamese(code):
    with pytest.raises(DomainError, match="không đúng dạng"):
        Period.parse_code(code)


def test_a_campaign_period_has_its_own_dates(specialist):
    import datetime as dt

    period = services.create_campaign_period(
        "NQ-TW8-2023",
        "Học tập Nghị quyết Trung ương 8",
        dt.date(2023, 11, 1),
        dt.date(2024, 1, 31),
        actor=specialist,
    )
    assert period.type == "campaign"
    with pytest.raises(DomainError, match="mã kỳ theo lịch"):
        services.create_campaign_period(
            "2023", "x", dt.date(2023, 1, 1), dt.date(2023, 2, 1), actor=specialist
        )


def test_save_many_costs_the_same_queries_for_two_units_or_five(
    form, year_2023, admin, good_values
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tuyengiao.orgs.models import OrgUnit

    codes = ["DU-BEN-NGHE", "DU-CAU-KHO", "CS-Q1-007", "CS-Q1-019", "CS-Q1-033"]
    units = list(OrgUnit.objects.filter(code__in=codes).order_by("code"))
    counts = []
    for batch in (units[:2], units[2:]):
        with CaptureQueriesContext(connection) as queries:
            services.save_many(
                form, year_2023, {u: good_values for u in batch}, actor=admin, submit=True
            )
        counts.append(len(queries))
    assert counts[0] == counts[1]
