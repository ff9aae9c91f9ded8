import pytest
from django.conf import settings
from django.test import override_settings

from tuyengiao.orgs.models import OrgUnit
from tuyengiao.reports import docx, services

CAMPAIGNS = "tuyengiao.campaigns.figures.year_figures"


def all_providers():
    # While the campaigns app is not yet in settings.FIGURE_PROVIDERS, the report is still
    # tested with its study figures (its figures.py exists).
    providers = list(settings.FIGURE_PROVIDERS)
    return providers if CAMPAIGNS in providers else [*providers, CAMPAIGNS]


@pytest.fixture(scope="session")
def demo_report(django_db_setup, django_db_blocker):
    """The demo's 2022 report for Quận 1, built once per test session: (docx bytes, its text)."""
    with django_db_blocker.unblock(), override_settings(FIGURE_PROVIDERS=all_providers()):
        unit = OrgUnit.objects.get(code="QU-Q1")
        data = services.build_docx(unit, 2022)
        sections = {f.section or f.id.split(".")[0] for f in services.collect_figures(unit, 2022)}
    return data, docx.read_text(data), sections


@pytest.fixture
def district(db):
    return OrgUnit.objects.get(code="QU-Q1")


@pytest.fixture
def ben_nghe(db):
    return OrgUnit.objects.get(code="DU-BEN-NGHE")


@pytest.fixture
def with_study(settings):
    settings.FIGURE_PROVIDERS = all_providers()
