"""A learner count larger than the column holds is a message naming the field and the
maximum, not a 500: «Số học viên theo kế hoạch» = 99999999999999999999 crashed the save
with SQLite's «Python int too large to convert to SQLite INTEGER»."""

import pytest
from django.urls import reverse

from tuyengiao.training import rules
from tuyengiao.training.models import TrainingClass

from .test_views import form_data

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("planned", ["99999999999999999999", "9223372036854775808", "2147483648"])
def test_a_count_beyond_the_column_is_refused_by_name(client, specialist, planned):
    client.force_login(specialist)
    before = TrainingClass.objects.count()

    response = client.post(reverse("training:create"), form_data(planned=planned))

    assert response.status_code == 200
    page = response.content.decode()
    assert "Số học viên theo kế hoạch" in page and "vượt quá mức tối đa 2.147.483.647" in page
    assert TrainingClass.objects.count() == before


def test_the_largest_count_the_column_holds_passes_the_rules():
    data = dict.fromkeys(rules.COUNT_FIELDS, 0) | {"planned": 2**31 - 1}
    assert rules.check(data) == {}
