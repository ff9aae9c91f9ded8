from decimal import Decimal

import pytest

from tuyengiao.core.errors import DomainError
from tuyengiao.reporting import rules
from tuyengiao.reporting.choices import FieldType, Rounding
from tuyengiao.reporting.models import Field, Indicator

pytestmark = pytest.mark.django_db


def indicator(rounding):
    return Indicator(
        code="rate",
        name="Tỷ lệ",
        numerator="attended",
        denominator="planned",
        factor=Decimal(100),
        decimals=2,
        rounding=rounding,
    )


@pytest.mark.parametrize(
    ("rounding", "value", "display"),
    [(Rounding.TRUNCATE, "99.64", "99,64%"), (Rounding.HALF_UP, "99.65", "99,65%")],
)
def test_2249_of_2257_is_99_64_truncated_and_99_65_half_up(rounding, value, display):
    from tuyengiao.reporting.expressions import parse

    ind = indicator(rounding)
    result = rules.indicator_value(
        ind, parse(ind.numerator), parse(ind.denominator), {"attended": 2249, "planned": 2257}
    )
    assert result == Decimal(value)
    assert rules.display_indicator(ind, result) == display


def test_an_indicator_over_a_zero_denominator_has_no_value():
    from tuyengiao.reporting.expressions import parse

    ind = indicator(Rounding.TRUNCATE)
    assert (
        rules.indicator_value(
            ind, parse("attended"), parse("planned"), {"attended": 0, "planned": 0}
        )
        is None
    )
    assert rules.display_indicator(ind, None) == "—"


def field(**kwargs):
    defaults = dict(
        code="members_total",
        label="Tổng số đảng viên",
        type=FieldType.INTEGER,
        required=True,
        min_value=Decimal(0),
    )
    return Field(**{**defaults, **kwargs})


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("6.513", 6513), ("6513", 6513), (" 12 ", 12), (7200, 7200), (Decimal("15"), 15)],
)
def test_integer_fields_accept_vietnamese_number_formats(raw, expected):
    assert rules.clean_value(field(), raw).number == expected


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("", "«Tổng số đảng viên»: chưa nhập (bắt buộc)."),
        ("abc", "«Tổng số đảng viên»: «abc» — không phải là số; ví dụ 1.250"),
        (
            "2,5",
            "«Tổng số đảng viên»: «2,5» — dấu phẩy ngăn phần thập phân nên được hiểu là "
            "2,5 — trường này chỉ nhận số nguyên.",
        ),
        (
            "1,250",
            "«Tổng số đảng viên»: «1,250» — dấu phẩy ngăn phần thập phân nên được hiểu "
            "là 1,25 — trường này chỉ nhận số nguyên; nếu ý là 1.250 (hàng nghìn), hãy "
            "ghi 1.250 hoặc 1250.",
        ),
        ("2.5", "«Tổng số đảng viên»: «2.5» — dấu chấm chỉ dùng để ngăn hàng nghìn"),
        ("-5", "«Tổng số đảng viên»: -5 nhỏ hơn giá trị tối thiểu 0."),
        ("1e30", "«Tổng số đảng viên»: «1e30» — không phải là số"),
        ("99999999999999999", "«Tổng số đảng viên»: 99999999999999999 quá lớn."),
        ("NaN", "«Tổng số đảng viên»: «NaN» — không phải là số"),
    ],
)
def test_bad_numbers_get_a_vietnamese_message_naming_field_value_and_rule(raw, message):
    with pytest.raises(DomainError) as error:
        rules.clean_value(field(), raw)
    assert error.value.message.startswith(message)


def test_maximum_and_decimal_fields():
    capped = field(type=FieldType.DECIMAL, max_value=Decimal(100), label="Tỷ lệ")
    assert rules.clean_value(capped, "93,44").number == Decimal("93.44")
    with pytest.raises(DomainError, match="«Tỷ lệ»: 100,5 lớn hơn giá trị tối đa 100."):
        rules.clean_value(capped, "100,5")


def test_choice_and_date_fields():
    choice = field(type=FieldType.CHOICE, choices="Tốt\nKhá\n", label="Xếp loại")
    assert rules.clean_value(choice, "Khá").text == "Khá"
    with pytest.raises(DomainError, match="«Giỏi» không nằm trong các lựa chọn: Tốt, Khá"):
        rules.clean_value(choice, "Giỏi")
    date = field(type=FieldType.DATE, label="Ngày học")
    assert rules.clean_value(date, "10/02/2023").text == "2023-02-10"
    with pytest.raises(DomainError, match="«31/02/2023» không phải là ngày"):
        rules.clean_value(date, "31/02/2023")


def test_a_rule_error_names_both_fields_and_values_and_sits_on_the_left_field(form):
    checked = rules.check(
        rules.FormSpec(form),
        {
            "members_total": 300,
            "members_required": 280,
            "members_attended": 7200,
            "non_members_attended": 10,
        },
    )
    assert checked.errors == {
        "members_attended": [
            "«Số đảng viên tham gia học tập» (7.200) lớn hơn «Số đảng viên phải học tập» (280)."
        ]
    }


def test_rules_wait_for_missing_values_and_unknown_codes_are_reported(form):
    checked = rules.check(rules.FormSpec(form), {"members_attended": 5, "bogus": 1})
    assert set(checked.errors) == {
        "members_total",
        "members_required",
        "non_members_attended",
        rules.GENERAL,
    }
    assert "«bogus»" in checked.errors[rules.GENERAL][0]
