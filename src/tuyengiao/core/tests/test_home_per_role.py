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
