"""A bulk approval asks once (data-confirm) and can be undone from its message."""

import pytest
from django.urls import reverse

from tuyengiao.core.audit import events_for
from tuyengiao.reporting.choices import SubmissionStatus as S
from tuyengiao.reporting.models import Submission

pytestmark = pytest.mark.django_db


def board_url(form, period, unit):
    return reverse("reporting:status", args=[form.code, period.code, unit.code])


def test_the_bulk_approval_says_what_it_will_do_then_can_be_undone(
    client, form, year_2023, district, approver
):
    # given submitted reports waiting on the board
    waiting = list(Submission.objects.filter(form=form, period=year_2023, status=S.SUBMITTED))
    assert waiting
    client.force_login(approver)
    board = client.get(board_url(form, year_2023, district)).content.decode()
    assert f'data-confirm="Duyệt {len(waiting)} báo cáo: mọi báo cáo các đơn vị thuộc' in board
    # when the approver approves them all
    url = reverse("reporting:approve_all", args=[form.code, year_2023.code, district.code])
    page = client.post(url, {"confirmed": "1"}, follow=True).content.decode()
    assert f"Đã duyệt {len(waiting)} báo cáo." in page
    assert not Submission.objects.filter(form=form, period=year_2023, status=S.SUBMITTED).exists()
    token = page.split('name="token" value="')[1].split('"')[0]
    # and undoes it from the message
    page = client.post(reverse("undo"), {"token": token}, follow=True).content.decode()
    # then the same reports are submitted again, and the trail says so
    assert f"{len(waiting)} báo cáo trở lại trạng thái «đã gửi»" in page
    again = Submission.objects.filter(form=form, period=year_2023, status=S.SUBMITTED)
    assert {s.pk for s in again} == {s.pk for s in waiting}
    assert events_for(waiting[0]).filter(verb="submission.approval_undone").exists()
    # and the token cannot be used twice
    page = client.post(reverse("undo"), {"token": token}, follow=True).content.decode()
    assert "Không còn hoàn tác được" in page


def test_an_undo_token_is_the_users_own(client, form, year_2023, district, approver, outsider):
    client.force_login(approver)
    url = reverse("reporting:approve_all", args=[form.code, year_2023.code, district.code])
    page = client.post(url, {"confirmed": "1"}, follow=True).content.decode()
    token = page.split('name="token" value="')[1].split('"')[0]
    client.force_login(outsider)  # a new session: the token is not there
    page = client.post(reverse("undo"), {"token": token}, follow=True).content.decode()
    assert "Không còn hoàn tác được" in page
    assert not Submission.objects.filter(form=form, period=year_2023, status=S.SUBMITTED).exists()
