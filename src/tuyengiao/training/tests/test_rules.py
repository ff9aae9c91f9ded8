import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from tuyengiao.training import rules

counts = st.integers(min_value=0, max_value=5000)


@settings(deadline=None)
@given(
    planned=counts,
    attended=counts,
    completed=counts,
    results=st.lists(counts, min_size=4, max_size=4),
    days=st.integers(min_value=-10, max_value=10),
)
def test_a_class_is_accepted_exactly_when_every_rule_holds(
    planned, attended, completed, results, days
):
    start = dt.date(2022, 6, 20)
    data = dict(
        planned=planned,
        attended=attended,
        completed=completed,
        excellent=results[0],
        good=results[1],
        passed=results[2],
        failed=results[3],
        start_date=start,
        end_date=start + dt.timedelta(days=days),
    )
    consistent = (
        attended <= planned and completed <= attended and sum(results) == completed and days >= 0
    )
    assert (rules.check(data) == {}) == consistent


def test_more_attended_than_planned_names_both_values_and_the_rule():
    errors = rules.check(dict(planned=2257, attended=2300, completed=0))
    assert errors["attended"] == [
        "Số học viên tham dự (2.300) phải nhỏ hơn hoặc bằng số học viên theo kế hoạch (2.257)."
    ]


def test_more_completed_than_attended_is_refused():
    errors = rules.check(dict(planned=10, attended=8, completed=9, passed=9))
    assert (
        "Số học viên hoàn thành (9) phải nhỏ hơn hoặc bằng số học viên tham dự (8)."
        in (errors["completed"])
    )


def test_results_that_do_not_add_up_show_the_sum():
    errors = rules.check(dict(planned=10, attended=10, completed=10, excellent=3, good=4))
    assert errors["excellent"] == [
        "Tổng xếp loại giỏi + khá + đạt + không đạt (3 + 4 + 0 + 0 = 7) phải bằng số học viên "
        "hoàn thành (10)."
    ]


def test_an_end_before_the_start_is_refused_with_both_dates():
    errors = rules.check(dict(start_date=dt.date(2022, 6, 20), end_date=dt.date(2022, 6, 19)))
    assert errors["end_date"] == [
        "Ngày kết thúc (19/06/2022) không được trước ngày bắt đầu (20/06/2022)."
    ]


def test_a_negative_count_is_refused():
    errors = rules.check(dict(planned=-1))
    assert errors["planned"] == ["Số học viên theo kế hoạch (-1) phải là số nguyên không âm."]
