"""Memberships, assignments, periods, forms, rules and indicators keep their history
(django-simple-history): who changed what, when, with the values before and after."""

import pytest
from django.contrib.auth import get_user_model

from tuyengiao.orgs.models import Membership, OrgUnit
from tuyengiao.reporting import services
from tuyengiao.reporting.models import (
    Assignment,
    Field,
    Form,
    Indicator,
    Period,
    ValidationRule,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "model", [Membership, Assignment, Period, Form, Field, ValidationRule, Indicator]
)
def test_the_model_keeps_its_history(model):
    assert hasattr(model, "history"), f"{model.__name__} keeps no history"


def test_a_changed_role_keeps_who_held_it_before(admin):
    user = get_user_model().objects.create_user("tam", password="x")
    membership = Membership.objects.create(
        user=user, unit=OrgUnit.objects.get(code="DU-BEN-NGHE"), role="reporter"
    )
    membership.role = "admin"
    membership.save()

    new, old = membership.history.all()[:2]
    delta = new.diff_against(old)

    assert [(c.field, c.old, c.new) for c in delta.changes] == [("role", "reporter", "admin")]


def test_a_new_period_and_its_assignments_are_in_the_history(specialist):
    form = Form.objects.get(code="HT-NQ")
    district = OrgUnit.objects.get(code="QU-Q1")

    period = services.get_or_create_period("2021")
    count = services.assign_form(form, district, period, actor=specialist, kind="grassroots")

    assert period.history.count() == 1
    history = Assignment.history.filter(period_id=period.pk)
    assert count > 0 and history.count() == count
    assert set(history.values_list("history_user", flat=True)) == {specialist.pk}
