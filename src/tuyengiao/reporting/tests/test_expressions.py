from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tuyengiao.core.errors import DomainError
from tuyengiao.reporting import expressions


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("members_attended / members_required * 100", Decimal("6513") / 6970 * 100),
        ("(a + b) * 2 - 1", Decimal(29)),
        ("-a + +b", Decimal(5)),
        ("a / 0", None),
        ("a + missing", None),
        ("1.5 * 2", Decimal("3.0")),
    ],
)
def test_expressions_evaluate_with_decimals(source, expected):
    values = {"a": Decimal(5), "b": Decimal(10), "members_attended": 6513, "members_required": 6970}
    assert expressions.parse(source).evaluate(values) == expected


def test_an_expression_knows_the_field_codes_it_uses():
    parsed = expressions.parse("(members_attended + non_members_attended) / members_total")
    assert parsed.names == {"members_attended", "non_members_attended", "members_total"}
    assert expressions.parse("members_total").single_name == "members_total"


@pytest.mark.parametrize(
    "source",
    [
        "__import__('os').system('id')",
        "a.b",
        "a ** 2",
        "a < b",
        "f(a)",
        "[1, 2]",
        "a if b else c",
        "'text'",
        "True",
        "1e999",
        "",
        "lambda: 1",
        "(" * 300 + "1" + ")" * 300,
        "A_upper",
    ],
)
def test_anything_but_arithmetic_over_field_codes_is_refused_in_vietnamese(source):
    with pytest.raises(DomainError) as error:
        expressions.parse(source)
    assert error.value.message


def test_unknown_field_codes_are_named():
    parsed = expressions.parse("members_attended / members_requird")
    with pytest.raises(DomainError, match="«members_requird»"):
        expressions.check_names(parsed, {"members_attended", "members_required"}, where="Quy tắc")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_junk_never_raises_anything_but_a_domain_error(source):
    try:
        parsed = expressions.parse(source)
    except DomainError:
        return
    parsed.evaluate({name: Decimal(3) for name in parsed.names})


@settings(max_examples=200, deadline=None)
@given(
    st.recursive(
        st.one_of(st.sampled_from(["a", "b", "c"]), st.integers(0, 10**6).map(str)),
        lambda inner: st.tuples(inner, st.sampled_from("+-*/"), inner).map(
            lambda t: f"({t[0]} {t[1]} {t[2]})"
        ),
        max_leaves=12,
    ),
    st.dictionaries(st.sampled_from(["a", "b", "c"]), st.integers(-1000, 1000)),
)
def test_well_formed_expressions_evaluate_to_a_decimal_or_none(source, values):
    result = expressions.parse(source).evaluate(values)
    assert result is None or isinstance(result, Decimal)
