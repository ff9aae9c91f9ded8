import pytest

from tuyengiao.orgs.models import OrgUnit
from tuyengiao.reports import docx, services


@pytest.fixture(scope="session")
def demo_report(django_db_setup, django_db_blocker):
    """The demo's 2022 report for Quận 1, built once per test session: (docx bytes, its text)."""
    with django_db_blocker.unblock():
        unit = OrgUnit.objects.get(code="QU-Q1")
        data = services.build_docx(unit, 2022)
        sections = {f.section or f.id.split(".")[0] for f in services.collect_figures(unit, 2022)}
    return data, docx.read_text(data), sections
