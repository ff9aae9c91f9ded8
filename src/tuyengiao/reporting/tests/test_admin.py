import pytest
from django.core.exceptions import ValidationError

from tuyengiao.reporting.models import Form, Indicator, Period, ValidationRule

pytestmark = pytest.mark.django_db


def test_admin_pages_of_the_reporting_definitions_open(client, admin, form):
    client.force_login(admin)
    for url in [
        f"/admin/reporting/form/{form.pk}/change/",
        "/admin/reporting/period/",
        "/admin/reporting/assignment/",
        "/admin/reporting/submission/",
    ]:
        assert client.get(url).status_code == 200, url


def test_a_rule_over_an_unknown_field_or_with_code_inside_is_refused(form):
    rule = ValidationRule(form=form, left="members_atended", operator="<=", right="members_total")
    with pytest.raises(ValidationError, match="members_atended"):
        rule.clean()
    rule = ValidationRule(form=form, left="__import__('os')", operator="<=", right="1")
    with pytest.raises(ValidationError, match="chỉ được chứa số"):
        rule.clean()


def test_an_indicator_code_must_be_a_plain_identifier(form):
    indicator = Indicator(
        form=form,
        code="Tỷ lệ",
        name="x",
        numerator="members_attended",
        denominator="members_required",
    )
    with pytest.raises(ValidationError, match="chỉ gồm chữ thường"):
        indicator.clean()


def test_periods_are_listed_newest_first():
    codes = ["HT-TW456-2022", "2023"]
    assert list(Period.objects.filter(code__in=codes).values_list("code", flat=True)) == [
        "2023",
        "HT-TW456-2022",
    ]
    assert Form.objects.get(code="HT-NQ").period_type == "year"
