import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tuyengiao.core import text


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (6513, "6.513"),
        (17096939, "17.096.939"),
        (0, "0"),
        (999, "999"),
        (1000, "1.000"),
        (Decimal("93.44"), "93,44"),
        (-1234.5, "-1.234,5"),
        (None, "—"),
    ],
)
def test_numbers_print_with_dot_groups_and_decimal_comma(value, expected):
    assert text.format_number(value) == expected


def test_percent_keeps_the_indicator_rounding():
    assert text.format_percent(text.rate(6513, 6970)) == "93,44%"
    assert text.format_percent(text.rate(2249, 2257, mode=text.TRUNCATE)) == "99,64%"
    assert text.format_percent(text.rate(2249, 2257, mode=text.HALF_UP)) == "99,65%"


def test_rate_of_zero_denominator_is_none():
    assert text.rate(5, 0) is None


def test_long_date_is_written_as_in_party_documents():
    assert text.format_date_long(dt.date(2023, 2, 10)) == "ngày 10 tháng 02 năm 2023"
    assert (
        text.format_date_long(dt.date(2023, 2, 5), "Quận 1") == "Quận 1, ngày 05 tháng 02 năm 2023"
    )


@pytest.mark.parametrize("query", ["ben nghe", "BEN NGHE", "Bến Nghé", "bến nghé", "  Ben   Nghe "])
def test_fold_makes_search_accent_and_case_insensitive(query):
    assert text.fold(query) in text.fold("Đảng ủy phường Bến Nghé")


def test_fold_turns_d_with_stroke_into_d():
    assert text.fold("Đỗ Đình Đạt") == "do dinh dat"


def test_vietnamese_alphabetical_order():
    names = ["Đỗ", "Ba", "Dương", "Ân", "Anh", "Đinh", "Ăn"]
    assert text.vi_sorted(names) == ["Anh", "Ăn", "Ân", "Ba", "Dương", "Đinh", "Đỗ"]


def test_tones_only_break_ties_in_dictionary_order():
    # ngang < huyền < hỏi < ngã < sắc < nặng
    assert text.vi_sorted(["má", "mạ", "mà", "ma", "mã", "mả"]) == [
        "ma",
        "mà",
        "mả",
        "mã",
        "má",
        "mạ",
    ]


def test_parse_number_reads_vietnamese_format():
    assert text.parse_number("6.513") == 6513
    assert text.parse_number("93,44%") == Decimal("93.44")
    with pytest.raises(ValueError, match="không phải là số"):
        text.parse_number("sáu")


@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_formatted_integers_parse_back(n):
    assert text.parse_number(text.format_number(n)) == n


@given(st.decimals(min_value=-(10**9), max_value=10**9, places=2, allow_nan=False))
def test_formatted_decimals_parse_back(d):
    assert text.parse_number(text.format_number(d)) == d


@given(
    st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệ ", max_size=12),
    st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxy ", max_size=12),
)
def test_sort_key_is_a_total_order_consistent_with_equality(a, b):
    ka, kb = text.sort_key(a), text.sort_key(b)
    assert (ka < kb) + (ka > kb) + (ka == kb) == 1
    if a == b:
        assert ka == kb


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=1, max_value=10**6))
def test_truncated_rate_never_exceeds_half_up(a, b):
    assert text.rate(a, b, mode=text.TRUNCATE) <= text.rate(a, b, mode=text.HALF_UP)
