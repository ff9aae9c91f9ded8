"""The form designer: pages for a specialist with the admin action, not the Django admin."""

import pytest
from django.urls import reverse

from tuyengiao.core.errors import DomainError, NotAllowed
from tuyengiao.orgs.models import Membership, OrgUnit
from tuyengiao.reporting import design, services
from tuyengiao.reporting.models import Form
from tuyengiao.reporting.rollup import rollup

pytestmark = pytest.mark.django_db
DESIGNER = reverse("reporting:designer")


@pytest.fixture
def designer(specialist, district):
    """The department's specialist, given the admin action on the district."""
    Membership.objects.create(user=specialist, unit=district, role="admin")
    return specialist


@pytest.fixture
def ward_admin(outsider):
    Membership.objects.create(
        user=outsider, unit=OrgUnit.objects.get(code="DU-BEN-THANH"), role="admin"
    )
    return outsider


def _post(client, url, action, **data):
    return client.post(url, {"action": action, **data}, follow=True)


def test_a_specialist_designs_a_small_form_and_a_ward_reports_on_it(
    client, designer, reporter, district
):
    client.force_login(designer)
    created = client.post(
        reverse("reporting:designer_new"),
        {
            "code": "SH-CB",
            "name": "Sinh hoạt chi bộ chuyên đề",
            "period_type": "quarter",
            "owner": district.pk,
            "deadline_days": 10,
            "approval_required": "on",
            "approval_levels": 1,
            "approver_must_differ": "on",
        },
        follow=True,
    )
    assert created.status_code == 200
    url = reverse("reporting:designer_edit", args=["SH-CB"])
    for code, label in (("cells", "Số chi bộ"), ("cells_held", "Số chi bộ đã sinh hoạt")):
        _post(
            client,
            url,
            "field",
            **{
                "field-code": code,
                "field-label": label,
                "field-type": "integer",
                "field-required": "on",
                "field-min_value": "0",
                "field-aggregation": "sum",
                "field-change_warning_pct": "30",
            },
        )
    # a rule naming a field the form does not have is refused, in Vietnamese
    bad = _post(
        client,
        url,
        "rule",
        **{
            "rule-left": "cells_hled",
            "rule-operator": "<=",
            "rule-right": "cells",
            "rule-severity": "error",
        },
    )
    assert "dùng mã không có trong biểu mẫu: «cells_hled»" in bad.content.decode()
    _post(
        client,
        url,
        "rule",
        **{
            "rule-left": "cells_held",
            "rule-operator": "<=",
            "rule-right": "cells",
            "rule-severity": "error",
        },
    )
    _post(
        client,
        url,
        "indicator",
        **{
            "indicator-code": "held_rate",
            "indicator-name": "Tỷ lệ chi bộ sinh hoạt",
            "indicator-numerator": "cells_held",
            "indicator-denominator": "cells",
            "indicator-factor": "100",
            "indicator-decimals": "1",
            "indicator-rounding": "half_up",
        },
    )
    page = _post(
        client,
        url,
        "assign",
        **{"assign-period": "2024Q1", "assign-unit": "QU-Q1", "assign-kind": "grassroots"},
    ).content.decode()
    assert "Đã giao thêm cho 51 đơn vị." in page
    form = Form.objects.get(code="SH-CB")
    assert form.owner == district
    assert [f.code for f in form.fields.all()] == ["cells", "cells_held"]
    assert form.rules.count() == 1 and form.indicators.get().rounding == "half_up"
    # the Bến Nghé reporter reports on it, and the rule and indicator work
    unit, period = OrgUnit.objects.get(code="DU-BEN-NGHE"), services.get_period("2024Q1")
    with pytest.raises(DomainError):
        services.submit(form, unit, period, {"cells": 3, "cells_held": 4}, actor=reporter)
    services.submit(form, unit, period, {"cells": 3, "cells_held": 2}, actor=reporter)
    result = rollup(form, unit, period, include_submitted=True)
    assert result.indicators["held_rate"].display == "66,7%"


def test_the_live_check_says_what_an_expression_reads_or_why_not(client, designer):
    client.force_login(designer)
    url = reverse("reporting:designer_check", args=["HT-NQ"])
    good = client.post(url, {"rule-left": "members_attended", "rule-right": "members_required"})
    assert "✓" in good.content.decode() and "Số đảng viên tham gia học tập" in good.content.decode()
    bad = client.post(url, {"indicator-numerator": "members_attended /"}).content.decode()
    assert "✗" in bad and "members_attended /" in bad


def test_without_the_admin_action_the_designer_does_not_exist(client, specialist, reporter):
    for user in (specialist, reporter):
        client.force_login(user)
        assert client.get(DESIGNER).status_code == 404
        assert client.get(reverse("reporting:designer_edit", args=["HT-NQ"])).status_code == 404
    with pytest.raises(NotAllowed):
        design.add_field(Form.objects.get(code="HT-NQ"), actor=specialist, code="x", label="X")


def test_a_ward_admin_cannot_change_a_district_form(client, ward_admin):
    client.force_login(ward_admin)
    assert client.get(DESIGNER).status_code == 200
    assert "HT-NQ" not in client.get(DESIGNER).content.decode()
    edit = reverse("reporting:designer_edit", args=["HT-NQ"])
    assert client.post(edit, {"action": "version"}).status_code == 404
    check = reverse("reporting:designer_check", args=["HT-NQ"])
    assert client.post(check, {"rule-left": "members_total"}).status_code == 404
    with pytest.raises(NotAllowed, match="chỉ quản trị viên của đơn vị đó"):
        design.new_version(Form.objects.get(code="HT-NQ"), actor=ward_admin)


def test_a_form_with_data_keeps_past_figures_and_changes_in_a_new_version(
    designer, form, district, year_2022
):
    before = rollup(form, district, year_2022).as_json()
    field = form.fields.get(code="non_members_attended")
    with pytest.raises(DomainError, match="đã có số liệu"):
        design.remove_field(field, actor=designer)
    with pytest.raises(DomainError, match="đã có số liệu"):
        design.remove_indicator(form.indicators.get(), actor=designer)
    with pytest.raises(DomainError, match="đổi loại kỳ"):
        design.save_form(actor=designer, form=form, period_type="quarter")
    # a new version: the same definitions under HT-NQ.V2, changed freely
    copy = design.new_version(form, actor=designer)
    assert copy.code == "HT-NQ.V2"
    assert list(copy.fields.values_list("code", flat=True)) == list(
        form.fields.values_list("code", flat=True)
    )
    design.remove_indicator(copy.indicators.get(), actor=designer)
    design.add_indicator(
        copy,
        actor=designer,
        code="participation_rate",
        name="Tỷ lệ",
        numerator="members_attended",
        denominator="members_total",
        rounding="half_up",
    )
    # past submissions keep their own version: the 2022 rollup is identical
    assert rollup(form, district, year_2022).as_json() == before
    assert before["indicators"]["participation_rate"]["display"] == "93,44%"


def test_a_new_form_is_given_to_a_unit_the_designer_administers(client, ward_admin, district):
    client.force_login(ward_admin)
    response = client.post(
        reverse("reporting:designer_new"),
        {
            "code": "X-1",
            "name": "Thử",
            "period_type": "year",
            "owner": district.pk,
            "deadline_days": 10,
            "approval_levels": 1,
        },
    )
    assert response.status_code == 200  # the district is not among the choices
    assert not Form.objects.filter(code="X-1").exists()
    with pytest.raises(NotAllowed):
        design.save_form(
            actor=ward_admin, code="X-1", name="Thử", period_type="year", owner=district
        )


def test_a_refused_assignment_leaves_no_new_period_behind(specialist):
    from tuyengiao.reporting import views_designer
    from tuyengiao.reporting.models import Period

    form = Form.objects.get(code="HT-NQ")
    data = {"period": "2031", "unit": "TU-HCM", "kind": "", "deadline": None}

    with pytest.raises(DomainError):  # the district's specialist cannot assign to the city
        views_designer._assign(form, specialist, data, request=None)

    assert not Period.objects.filter(code="2031").exists()
