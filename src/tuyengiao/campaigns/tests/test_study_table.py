"""The report's study table (rate by unit) is served by the campaigns' figure provider: the
fields and the rate come from the campaign form's indicator, the numbers from the rollup."""

import pytest

from tuyengiao.campaigns.demo import CODE
from tuyengiao.campaigns.figures import campaign_figures, study_table
from tuyengiao.campaigns.models import StudyCampaign
from tuyengiao.core.figures import rate_table
from tuyengiao.core.registry import registry
from tuyengiao.orgs.models import OrgUnit

pytestmark = pytest.mark.django_db


@pytest.fixture
def district():
    return OrgUnit.objects.get(code="QU-Q1")


def test_the_table_adds_up_to_the_campaigns_own_figures(district):
    campaign = StudyCampaign.objects.get(code=CODE)
    indicator = campaign.form.indicators.get()
    totals = {f.id.rsplit(".", 1)[1]: f for f in campaign_figures(campaign, district)}

    table = study_table(CODE, district)

    assert (table.denominator, table.numerator, table.rate) == (
        indicator.denominator,
        indicator.numerator,
        indicator.code,
    )
    assert table.decimals == indicator.decimals and table.truncate
    assert len(table.rows) > 1 and all(row.rate_display.endswith("%") for row in table.rows)
    assert sum(row.numerator for row in table.rows) == totals[table.numerator].value
    assert sum(row.denominator for row in table.rows) == totals[table.denominator].value


def test_the_report_reaches_the_table_through_the_registry_only(district):
    assert registry.figure_tables == {"study": "tuyengiao.campaigns.figures.study_table"}
    assert rate_table("study", CODE, district) == study_table(CODE, district)
    assert rate_table("training", CODE, district) is None


def test_no_table_for_an_unknown_code_or_a_rate_that_is_not_one_field_over_another(district):
    indicator = StudyCampaign.objects.get(code=CODE).form.indicators.get()
    assert study_table("KHONG-CO", district) is None

    indicator.numerator = f"{indicator.numerator} + 0"
    indicator.save()

    assert study_table(CODE, district) is None
