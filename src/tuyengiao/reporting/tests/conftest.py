import pytest

from tuyengiao.reporting.models import Form, Period


@pytest.fixture
def form(db):
    return Form.objects.get(code="HT-NQ")


@pytest.fixture
def year_2022(db):
    """The seed's 2022 figures: the 2022 study campaign's own collection (ADR 0007)."""
    return Period.objects.get(code="HT-TW456-2022")


@pytest.fixture
def year_2023(db):
    return Period.objects.get(code="2023")


@pytest.fixture
def second_admin(db):
    """Someone other than `admin` to approve what admin sent (self-approval is refused)."""
    from django.contrib.auth import get_user_model

    user, _ = get_user_model().objects.get_or_create(
        username="quantri2", defaults={"is_superuser": True, "is_staff": True}
    )
    return user
