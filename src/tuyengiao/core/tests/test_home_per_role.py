"""Each role's home page shows what that person has to do."""

import pytest

from tuyengiao.reporting.choices import SubmissionStatus as S
from tuyengiao.reporting.models import Submission

pytestmark = pytest.mark.django_db


def test_the_approver_sees_the_queue_and_the_year_end_report(client, approver):
    client.force_login(approver)
    page = client.get("/").content.decode()
    assert 'data-testid="panel-approval-queue"' in page
    waiting = Submission.objects.filter(status=S.SUBMITTED).select_related("unit").first()
    assert waiting.unit.name in page
    assert 'data-testid="year-end-report"' in page and "Báo cáo tổng kết năm" in page
    # The year-end report being written (the demo's sections are of 2022), not a blank year.
    assert 'href="/reports/QU-Q1/2022/"' in page


def test_the_reporter_sees_returned_reports_with_the_reason(client, reporter):
    submission = Submission.objects.filter(unit__code="DU-BEN-NGHE").first()
    Submission.objects.filter(pk=submission.pk).update(
        status=S.RETURNED, returned_reason="Số đảng viên tham gia chưa khớp biên bản"
    )
    client.force_login(reporter)
    page = client.get("/").content.decode()
    assert 'data-testid="panel-returned"' in page
    assert "Số đảng viên tham gia chưa khớp biên bản" in page


def test_the_reporter_has_no_approval_queue_and_the_approver_no_returned_panel(
    client, reporter, approver
):
    client.force_login(reporter)
    assert 'data-testid="panel-approval-queue"' not in client.get("/").content.decode()
    client.force_login(approver)
    assert 'data-testid="panel-returned"' not in client.get("/").content.decode()


def _ward_viewer():
    from django.contrib.auth import get_user_model

    from tuyengiao.orgs.models import Membership, OrgUnit

    user = get_user_model().objects.create_user("xem-bennghe", password="x")
    Membership.objects.create(
        user=user, unit=OrgUnit.objects.get(code="DU-BEN-NGHE"), role="viewer"
    )
    return user


def test_the_viewer_sees_the_districts_key_figures_from_the_providers(client, viewer):
    from tuyengiao.documents import services as documents
    from tuyengiao.orgs.models import OrgUnit

    client.force_login(viewer)
    page = client.get("/").content.decode()
    assert 'data-testid="panel-key-figures"' in page
    # The seed's 2022 study campaign: 93,44% participation, 51 of 51 units approved.
    assert "93,44%" in page and "51/51" in page
    district = OrgUnit.objects.get(code="QU-Q1")
    issued = documents.issued_count(district, 2022)
    assert issued > 0
    assert f'data-testid="key-documents">{issued:,}'.replace(",", ".") in page
    assert 'data-testid="key-chart"' in page and "/dashboard/QU-Q1/" in page
    # A viewer has neither the specialist's glance nor the approver's queue.
    assert 'data-testid="panel-year-at-a-glance"' not in page
    assert 'data-testid="panel-approval-queue"' not in page


def test_a_ward_viewer_sees_the_wards_figures_never_the_districts(client):
    client.force_login(_ward_viewer())
    page = client.get("/").content.decode()
    assert 'data-testid="panel-key-figures"' in page
    assert "93,44%" not in page and "51/51" not in page
    assert "/dashboard/QU-Q1/" not in page and "/dashboard/DU-BEN-NGHE/" in page


def test_reporters_and_sibling_wards_have_no_key_figures_nor_glance(client, reporter, outsider):
    for user in (reporter, outsider):
        client.force_login(user)
        page = client.get("/").content.decode()
        assert 'data-testid="panel-key-figures"' not in page
        assert 'data-testid="panel-year-at-a-glance"' not in page


def test_the_specialist_sees_the_year_at_a_glance(client, specialist):
    from tuyengiao.reports.models import GeneratedReport

    client.force_login(specialist)
    page = client.get("/").content.decode()
    assert 'data-testid="panel-year-at-a-glance"' in page
    assert "/reporting/" in page and "/status/QU-Q1/" in page  # a board per collection
    assert "Chưa tạo" in page or "Bản nháp" in page or "Đã ban hành" in page
    assert 'data-testid="overdue-count"' in page
    assert 'data-testid="panel-key-figures"' not in page
    # The report's status follows the generated report.
    from tuyengiao.orgs.models import OrgUnit

    GeneratedReport.objects.create(unit=OrgUnit.objects.get(code="QU-Q1"), year=2022, file="x.docx")
    assert "Bản nháp, tạo ngày" in client.get("/").content.decode()


def test_the_approval_queue_shows_each_reports_rate_and_the_previous_period(client, approver):
    import re

    from tuyengiao.reporting.outliers import side_by_side

    client.force_login(approver)
    page = client.get("/").content.decode()
    first = re.search(r'href="/reporting/([^/"]+)/([^/"]+)/units/([^/"]+)/"', page)
    assert first
    rates = re.findall(r'data-testid="queue-rate">(.*?)</div>', page, re.S)
    assert rates
    waiting = (
        Submission.objects.filter(
            status=S.SUBMITTED, form__code=first[1], period__code=first[2], unit__code=first[3]
        )
        .select_related("form", "period")
        .get()
    )
    previous, lines = side_by_side(waiting)
    rate = next(line for line in lines if line.label == waiting.form.indicators.first().name)
    assert f"<strong>{rate.now}</strong>" in rates[0]
    assert (
        previous is not None
        and f"kỳ trước (năm {previous.period.end.year}): {rate.before}" in rates[0]
    )
