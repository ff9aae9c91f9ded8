"""One Vietnamese number and date input for every form (ADR 0014)."""

import datetime as dt
from decimal import Decimal

import pytest
from django import forms
from django.utils.text import capfirst

from tuyengiao.core import numbers
from tuyengiao.core.forms import VNDateField, VNDecimalField, VNIntegerField, VNNumberField


@pytest.mark.parametrize(
    ("raw", "integer", "expected"),
    [
        ("1.250", True, 1250),
        ("12.500.000", True, 12500000),
        ("12 500", True, 12500),
        ("12\u00a0500", True, 12500),
        ("-3", True, -3),
        ("27,5", False, Decimal("27.5")),
        ("1.234,5", False, Decimal("1234.5")),
        ("1,250", False, Decimal("1.25")),  # Vietnamese: one point two five
        ("93,44%", False, Decimal("93.44")),
        (7200, True, 7200),
        (12.5, False, Decimal("12.5")),
    ],
)
def test_numbers_are_read_the_vietnamese_way(raw, integer, expected):
    assert numbers.read(raw, integer=integer, percent=True) == expected


@pytest.mark.parametrize(
    ("raw", "integer", "reason"),
    [
        ("27,5", True, "được hiểu là 27,5 — trường này chỉ nhận số nguyên"),
        ("1,250", True, "được hiểu là 1,25 — trường này chỉ nhận số nguyên; nếu ý là 1.250"),
        ("2.5", False, "dấu chấm chỉ dùng để ngăn hàng nghìn"),
        ("1.25", True, "dấu chấm chỉ dùng để ngăn hàng nghìn"),
        ("1.234.5", False, "dấu chấm chỉ dùng để ngăn hàng nghìn"),
        ("1,234.5", False, "không phải là số"),
        ("abc", True, "không phải là số"),
        ("1e3", True, "không phải là số"),
        ("", True, "không phải là số"),
        (12.5, True, "được hiểu là 12,5 — trường này chỉ nhận số nguyên"),
    ],
)
def test_a_number_read_two_ways_or_a_decimal_in_an_integer_field_is_refused(raw, integer, reason):
    with pytest.raises(ValueError, match=reason):
        numbers.read(raw, integer=integer)


def test_the_field_message_names_field_value_and_understanding():
    field = VNIntegerField(label="Giá trị đạt được", min_value=0)
    with pytest.raises(forms.ValidationError) as error:
        field.clean("27,5")
    assert error.value.messages == [
        "«Giá trị đạt được»: «27,5» — dấu phẩy ngăn phần thập phân nên được hiểu là 27,5 — "
        "trường này chỉ nhận số nguyên."
    ]
    with pytest.raises(forms.ValidationError, match="«Giá trị đạt được»: «-3» — nhỏ hơn giá trị"):
        field.clean("-3")


def test_decimal_places_and_size_are_checked_with_the_field_name():
    field = VNDecimalField(label="Chỉ tiêu", max_digits=6, decimal_places=2)
    assert field.clean("1.234,5") == Decimal("1234.5")
    with pytest.raises(forms.ValidationError, match="«Chỉ tiêu»: «1,234» — chỉ được ghi tối đa 2"):
        field.clean("1,234")
    with pytest.raises(forms.ValidationError, match="«Chỉ tiêu»: «12.345» — quá lớn"):
        field.clean("12.345")


def test_the_date_field_reads_and_shows_day_month_year():
    field = VNDateField(label="Ngày ký")
    assert field.clean("03/02/2023") == dt.date(2023, 2, 3)
    assert field.widget.format_value(dt.date(2023, 2, 3)) == "03/02/2023"
    assert 'type="text"' in field.widget.render("d", dt.date(2023, 2, 3))
    with pytest.raises(forms.ValidationError, match="«Ngày ký»: «31/02/2023» — không phải là ngày"):
        field.clean("31/02/2023")


# --- every form of the project ---------------------------------------------------------------


def all_forms(specialist):
    from tuyengiao.awards.forms import CommendationForm
    from tuyengiao.campaigns.forms import CampaignForm
    from tuyengiao.documents.forms import DocumentForm
    from tuyengiao.initiatives.forms import AssessmentForm, InitiativeForm
    from tuyengiao.meetings.forms import ConferenceForm, ProgressForm, TaskForm
    from tuyengiao.meetings.models import Task
    from tuyengiao.orgs.forms import DecisionForm
    from tuyengiao.outreach.forms import MonthGridForm
    from tuyengiao.reporting.forms_designer import AssignForm, FieldForm
    from tuyengiao.reports.forms import CheckForm, IssueForm, ReportOptionsForm
    from tuyengiao.targets.forms import ManualValueForm, TargetForm, TermForm
    from tuyengiao.training.forms import KindForm, TrainingClassForm

    user = specialist
    return [
        TrainingClassForm(user=user),
        KindForm(user=user),
        MonthGridForm(year=2023, stats=[None] * 12),
        TermForm(user=user),
        TargetForm(),
        ManualValueForm(),
        CommendationForm(user=user),
        InitiativeForm(user=user),
        AssessmentForm(),
        CheckForm(),
        ReportOptionsForm(),
        IssueForm(),
        CampaignForm(user=user),
        DocumentForm(user=user),
        ConferenceForm(user=user),
        TaskForm(user=user),
        ProgressForm(task=Task(status="open")),
        DecisionForm(unit=None),
        FieldForm(),
        AssignForm(),
    ]


TYPED = ["1.250", "27,5", "1,250", "12 500", "-3", "abc"]


def expected(field, raw):
    """What the Vietnamese rule says a field makes of `raw`: a number, or a refusal."""
    try:
        number = numbers.read(raw, integer=field.integer)
    except ValueError:
        return None
    if field.min_value is not None and number < field.min_value:
        return None
    if field.max_value is not None and number > field.max_value:
        return None
    if field.decimal_places is not None and -number.as_tuple().exponent > field.decimal_places:
        return None
    return int(number) if field.integer else number


@pytest.mark.django_db
def test_every_form_reads_numbers_and_dates_the_vietnamese_way(specialist):
    seen = 0
    for form in all_forms(specialist):
        html = str(form)
        assert 'type="number"' not in html and 'type="date"' not in html, type(form)
        for name, field in form.fields.items():
            assert not isinstance(field, forms.IntegerField | forms.DecimalField | forms.FloatField)
            if isinstance(field, forms.DateField):
                assert isinstance(field, VNDateField), (type(form), name)
            if not isinstance(field, VNNumberField):
                continue
            seen += 1
            for raw in TYPED:
                want = expected(field, raw)
                if want is None:
                    with pytest.raises(forms.ValidationError) as error:
                        field.clean(raw)
                    message = error.value.messages[0]
                    # names the field and repeats the value as typed
                    assert message.startswith(f"«{capfirst(field.label)}»: «{raw}» — "), message
                else:
                    assert field.clean(raw) == want, (type(form), name, raw)
    assert seen >= 40  # 7 training counts, 24 grid cells, years, targets, values …


@pytest.mark.django_db
def test_the_year_filters_are_text_boxes_read_the_vietnamese_way(client, specialist):
    client.force_login(specialist)
    page = client.get("/documents/", {"year": "2022"}).content.decode()
    assert 'type="number"' not in page and 'name="year"' in page
    errors = client.get("/documents/", {"year": "2,5"}).context["filter"].form.errors
    assert errors["year"][0].startswith("«Năm»: «2,5» — dấu phẩy ngăn phần thập phân")
