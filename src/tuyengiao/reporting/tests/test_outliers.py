"""Checks that warn, never block: a jump since the unit's previous period, a usual range."""

from decimal import Decimal

import pytest
from django.urls import reverse

from tuyengiao.reporting import outliers, services
from tuyengiao.reporting.models import Field, Submission

pytestmark = pytest.mark.django_db


def _previous(form, year_2022, ben_nghe) -> dict:
    return services.stored_values(
        Submission.objects.get(form=form, period=year_2022, unit=ben_nghe)
    )


def test_a_jump_of_more_than_30_percent_warns_with_the_old_value_and_still_saves(
    form, year_2022, year_2023, ben_nghe, reporter
):
    before = _previous(form, year_2022, ben_nghe)
    total = int(before["members_total"])
    values = {**before, "members_total": total * 2}
    saved = services.submit(form, ben_nghe, year_2023, values, actor=reporter)
    assert saved.status == "submitted"  # a warning never blocks
    (message,) = saved.warnings["members_total"]
    assert f"tăng 100% so với kỳ trước ({year_2022.code})" in message
    assert f"({services.rules.plain(Decimal(total))})" in message
    assert "vượt ngưỡng 30%" in message
    # figures within 30% raise nothing
    assert "members_attended" not in saved.warnings


def test_the_usual_range_of_a_field_warns_and_the_threshold_is_per_field(
    form, year_2023, ben_nghe, reporter, good_values
):
    # Saved as the form designer saves it (the form's kept spec follows the change).
    field = Field.objects.get(form=form, code="members_total")
    field.warn_max, field.change_warning_pct = Decimal(300), None
    field.save()
    saved = services.save_draft(form, ben_nghe, year_2023, good_values, actor=reporter)
    assert saved.warnings["members_total"] == [
        "«Tổng số đảng viên»: 320 cao hơn mức thường gặp 300 — hãy kiểm tra lại."
    ]
    assert saved.status == "draft"


def test_no_previous_report_means_no_change_warning(form, year_2023, district, admin):
    # A unit's first report has nothing to be compared with.
    unit = district
    assert outliers.warnings_for(form, unit, year_2023, {"members_total": Decimal(5)}) == {}


def test_the_reporter_reads_the_warning_on_the_page_after_saving(
    client, form, year_2022, year_2023, ben_nghe, reporter
):
    before = _previous(form, year_2022, ben_nghe)
    client.force_login(reporter)
    url = reverse("reporting:submission", args=[form.code, year_2023.code, ben_nghe.code])
    # As a person types them: 7.200, not the stored 7200.0000.
    typed = {code: services.rules.plain(value) for code, value in before.items()}
    values = {**typed, "non_members_attended": 1, "save": "1"}
    page = client.post(url, values).content.decode()
    assert "giảm" in page and "so với kỳ trước" in page and "hãy kiểm tra lại" in page
    assert Submission.objects.get(form=form, period=year_2023, unit=ben_nghe).status == "draft"


def test_the_approver_sees_a_warnings_column_and_the_previous_period_side_by_side(
    client, form, year_2022, year_2023, ben_nghe, reporter, approver
):
    before = _previous(form, year_2022, ben_nghe)
    total = int(before["members_total"])
    services.submit(
        form, ben_nghe, year_2023, {**before, "members_total": total * 2}, actor=reporter
    )
    client.force_login(approver)
    board = client.get(reverse("reporting:status", args=[form.code, "2023", "QU-Q1"]))
    row = next(r for r in board.context["page"].object_list if r["unit"] == ben_nghe)
    assert any("tăng 100%" in w for w in row["warnings"])
    assert "1 cảnh báo" in board.content.decode().split('data-unit="DU-BEN-NGHE"')[1]
    page = client.get(
        reverse("reporting:submission", args=[form.code, "2023", ben_nghe.code])
    ).content.decode()
    table = page.split('data-testid="side-by-side"')[1].split("</table>")[0]
    assert year_2022.code in table  # the previous period's column is named
    assert "+100,0%" in table and 'data-warn="1"' in table
    assert "Tỷ lệ đảng viên tham gia học tập" in table and "%" in table


def test_board_flags_take_a_fixed_number_of_queries(form, year_2023, django_assert_max_num_queries):
    submissions = list(Submission.objects.filter(form=form, period=year_2023))
    with django_assert_max_num_queries(3):
        outliers.board_flags(form, year_2023, submissions)


def test_the_demo_board_flags_the_one_figure_that_jumped(form):
    from tuyengiao.reporting.models import Period

    period = Period.objects.get(code="HT-CD-2023")
    flags = outliers.board_flags(form, period, Submission.objects.filter(form=form, period=period))
    assert list(flags) == [Submission.objects.get(period=period, unit__code="DU-DA-KAO").unit_id]
    (message,) = next(iter(flags.values()))
    assert message.startswith("«Số quần chúng, đoàn viên, hội viên tham gia»")
    assert "so với kỳ trước (HT-TW456-2022)" in message
