"""Shared catalogues belong to the unit that defined them (issue 9, item 4).

The defect: a ward-level admin changed a city-wide training kind's decimals and rounding,
and with them every district's rates. Now only the owner's administrators (or those above)
change a catalogue entry — on the pages, in the Django admin and through the API.
"""

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import reverse

from tuyengiao.core.errors import NotAllowed
from tuyengiao.core.models import AuditEvent
from tuyengiao.documents.models import DocumentType
from tuyengiao.orgs.catalogues import give_existing_rows_to_the_root, may_change
from tuyengiao.orgs.models import Membership, OrgUnit
from tuyengiao.reporting.models import Form
from tuyengiao.training import services
from tuyengiao.training.forms import KindForm
from tuyengiao.training.models import TrainingKind

pytestmark = pytest.mark.django_db
SUMMER = "chinh-tri-he"


def unit(code):
    return OrgUnit.objects.get(code=code)


def admin_of(code, *, staff=False):
    """An administrator of one unit; `staff` also opens the Django admin with every model
    permission, as a careless superuser might grant."""
    user = get_user_model().objects.create_user(f"admin-{code.lower()}", password="x")
    Membership.objects.create(user=user, unit=unit(code), role="admin")
    if staff:
        user.is_staff = True
        user.save()
        user.user_permissions.set(Permission.objects.all())
    return user


@pytest.fixture
def ward_admin(db):
    return admin_of("DU-BEN-NGHE", staff=True)


@pytest.fixture
def district_admin(db):
    return admin_of("QU-Q1", staff=True)


@pytest.fixture
def city_kind(db):
    kind = TrainingKind.objects.get(code=SUMMER)
    assert kind.owner == unit("TU-HCM")  # the demo: the Thành ủy defines the kinds
    return kind


def kind_data(kind, **changes):
    data = {
        "code": kind.code,
        "name": kind.name,
        "decimals": kind.decimals,
        "rounding": kind.rounding,
        "owner": kind.owner_id or "",
    }
    return {**data, **changes}


def test_a_ward_admin_cannot_change_the_citys_rounding_on_the_page(client, ward_admin, city_kind):
    """Old code: any admin anywhere could; 99,64% became 99,6% for every district."""
    client.force_login(ward_admin)
    url = reverse("training:kind_edit", args=[city_kind.pk])

    assert client.get(url).status_code == 403
    response = client.post(url, kind_data(city_kind, decimals=1, rounding="half_up"))

    assert response.status_code == 403
    city_kind.refresh_from_db()
    assert (city_kind.decimals, city_kind.rounding) == (2, "truncate")


@pytest.mark.parametrize("who", ["ward_admin", "district_admin"])
def test_the_service_refuses_a_lower_admin_with_a_vietnamese_message(request, who, city_kind):
    actor = request.getfixturevalue(who)
    form = KindForm(kind_data(city_kind, decimals=0), instance=city_kind)
    assert form.is_valid(), form.errors

    with pytest.raises(NotAllowed, match="Thành ủy|TU-HCM|chỉ quản trị viên"):
        services.save_kind(form, actor=actor)
    city_kind.refresh_from_db()
    assert city_kind.decimals == 2


def test_a_ward_admin_cannot_give_a_new_kind_to_the_district(client, ward_admin):
    client.force_login(ward_admin)

    response = client.post(
        reverse("training:kind_create"),
        {
            "code": "moi",
            "name": "Lớp mới",
            "decimals": 2,
            "rounding": "truncate",
            "owner": unit("QU-Q1").pk,
        },
    )

    assert response.status_code == 200  # the form again, the owner refused
    assert not TrainingKind.objects.filter(code="moi").exists()


def test_a_district_admin_defines_and_changes_its_own_kind_which_the_ward_cannot(
    client, district_admin, ward_admin
):
    client.force_login(district_admin)
    created = client.post(
        reverse("training:kind_create"),
        {
            "code": "cap-uy-q1",
            "name": "Bồi dưỡng cấp ủy viên Quận 1",
            "decimals": 1,
            "rounding": "half_up",
            "owner": unit("QU-Q1").pk,
        },
    )
    kind = TrainingKind.objects.get(code="cap-uy-q1")
    changed = client.post(
        reverse("training:kind_edit", args=[kind.pk]), kind_data(kind, decimals=3)
    )
    client.force_login(ward_admin)
    refused = client.post(
        reverse("training:kind_edit", args=[kind.pk]), kind_data(kind, decimals=0)
    )

    assert (created.status_code, changed.status_code, refused.status_code) == (302, 302, 403)
    kind.refresh_from_db()
    assert kind.decimals == 3 and kind.owner == unit("QU-Q1")
    event = AuditEvent.objects.filter(verb="training_kind.update", object_id=str(kind.pk)).first()
    assert event.data["changes"] == {"decimals": {"before": "1", "after": "3"}}
    assert event.unit == unit("QU-Q1")


def test_the_city_administrator_still_changes_the_citys_kind(client, admin, city_kind):
    client.force_login(admin)

    response = client.post(
        reverse("training:kind_edit", args=[city_kind.pk]), kind_data(city_kind, name="Hè 2022")
    )

    assert response.status_code == 302
    city_kind.refresh_from_db()
    assert city_kind.name == "Hè 2022"


def test_the_kinds_page_offers_edit_only_on_the_users_own_kinds(client, ward_admin, city_kind):
    client.force_login(ward_admin)

    page = client.get(reverse("training:kinds")).content.decode()

    assert reverse("training:kind_edit", args=[city_kind.pk]) not in page
    assert "Thành ủy" in page  # the owner is named


def test_the_api_does_not_change_catalogues(client, ward_admin, city_kind):
    client.force_login(ward_admin)

    response = client.patch(
        f"/api/training/kinds/{city_kind.pk}/", {"decimals": 0}, content_type="application/json"
    )

    assert response.status_code in (403, 405)
    city_kind.refresh_from_db()
    assert city_kind.decimals == 2
    listed = client.get("/api/training/kinds/").json()
    rows = listed["results"] if isinstance(listed, dict) else listed
    assert {"code": SUMMER, "owner": "TU-HCM"}.items() <= next(
        r for r in rows if r["code"] == SUMMER
    ).items()


def test_in_the_django_admin_a_ward_admin_cannot_change_a_system_type(client, ward_admin):
    kind = DocumentType.objects.get(code="KH")
    assert kind.owner is None  # HD 36's national list: the system's
    client.force_login(ward_admin)

    response = client.post(
        reverse("admin:documents_documenttype_change", args=[kind.pk]),
        {"code": "KH", "name": "Kế hoạch (sửa)"},
    )

    assert response.status_code == 403
    kind.refresh_from_db()
    assert kind.name == "Kế hoạch"


def test_in_the_django_admin_a_ward_admin_cannot_change_the_districts_form(client, ward_admin):
    form = Form.objects.get(code="HT-NQ")
    assert form.owner == unit("QU-Q1")
    client.force_login(ward_admin)

    response = client.post(reverse("admin:reporting_form_change", args=[form.pk]), {})

    assert response.status_code == 403
    assert may_change(ward_admin, form.owner) is False
    assert may_change(get_user_model().objects.get(username="admin"), form.owner) is True


def test_existing_rows_go_to_the_root_unit_in_the_data_migration(city_kind):
    TrainingKind.objects.filter(pk=city_kind.pk).update(owner=None)

    give_existing_rows_to_the_root("training.TrainingKind")(apps, None)

    city_kind.refresh_from_db()
    assert city_kind.owner == unit("TU-HCM")
