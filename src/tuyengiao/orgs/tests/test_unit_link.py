"""A unit name is a link only for users who may open that unit's page (no dead links)."""

import pytest

from tuyengiao.documents.models import Document
from tuyengiao.initiatives.models import Initiative
from tuyengiao.orgs.models import OrgUnit
from tuyengiao.outreach.models import Channel
from tuyengiao.training.models import TrainingClass

pytestmark = pytest.mark.django_db

DISTRICT = "/units/QU-Q1/"


def _pages(user):
    district = OrgUnit.objects.get(code="QU-Q1")
    pages = []
    for model, unit_field, url in [
        (TrainingClass, "unit", "/training/{}/"),
        (Channel, "unit", "/outreach/{}/"),
        (Initiative, "unit", "/initiatives/{}/"),
        (Document, "issuing_unit", "/documents/{}/"),
    ]:
        obj = model.objects.visible_to(user).filter(**{unit_field: district}).first()
        assert obj is not None, f"the demo has no {model.__name__} of QU-Q1 visible to {user}"
        pages.append(url.format(obj.pk))
    return pages


def test_ward_reporter_sees_district_name_without_dead_link(reporter, client_for):
    client = client_for(reporter)
    assert client.get(DISTRICT).status_code == 404
    document = Document.objects.visible_to(reporter).filter(issuing_unit__code="QU-Q1").first()
    html = client.get(f"/documents/{document.pk}/").content.decode()
    assert "Quận ủy Quận 1" in html
    assert f'href="{DISTRICT}"' not in html


def test_tag_links_only_units_the_user_may_open(reporter, specialist, rf):
    from django.template import Context, Template

    district = OrgUnit.objects.get(code="QU-Q1")
    own = OrgUnit.objects.get(pk=reporter.memberships.first().unit_id)
    template = Template("{% load orgs_tags %}{% unit_link unit %}")

    def render(user, unit):
        request = rf.get("/")
        request.user = user
        return template.render(Context({"request": request, "unit": unit}))

    assert render(reporter, district) == "Quận ủy Quận 1"
    assert render(reporter, own) == f'<a href="/units/{own.code}/">{own.name}</a>'
    assert render(specialist, district) == f'<a href="{DISTRICT}">Quận ủy Quận 1</a>'
    assert render(reporter, None) == ""


def test_district_specialist_gets_the_link(specialist, client_for):
    client = client_for(specialist)
    assert client.get(DISTRICT).status_code == 200
    for url in _pages(specialist):
        html = client.get(url).content.decode()
        assert f'href="{DISTRICT}"' in html, url
