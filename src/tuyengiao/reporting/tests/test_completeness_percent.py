"""The progress bars' whole percents: one helper, the same figures as the round() it replaced."""

from decimal import Decimal

from tuyengiao.core.text import HALF_EVEN, round_decimal
from tuyengiao.reporting.rollup import Completeness


def test_half_even_rounds_a_half_to_the_even_neighbour():
    assert round_decimal(Decimal("12.5"), 0, HALF_EVEN) == 12
    assert round_decimal(Decimal("13.5"), 0, HALF_EVEN) == 14
    assert round_decimal(Decimal("13.51"), 0, HALF_EVEN) == 14


def test_the_percent_of_every_count_up_to_300_units_is_what_round_gave():
    for expected in range(1, 301):
        for done in range(expected + 1):
            counts = Completeness(expected=expected, submitted=done, approved=done // 2)
            assert counts.submitted_pct == round(100 * done / expected), (done, expected)
            assert counts.approved_pct == round(100 * (done // 2) / expected)


def test_no_unit_expected_is_zero_percent_and_a_half_goes_to_even():
    assert Completeness().submitted_pct == 0 and Completeness().approved_pct == 0
    assert Completeness(expected=8, submitted=1).submitted_pct == 12  # 12,5
    assert Completeness(expected=8, submitted=3).submitted_pct == 38  # 37,5
    assert isinstance(Completeness(expected=3, submitted=1).submitted_pct, int)
