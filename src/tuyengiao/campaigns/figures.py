"""Year-end report figures of the study campaigns, read from the reporting engine."""

from __future__ import annotations

from django.urls import reverse

from tuyengiao.core.figures import Figure, RateRow, RateTable
from tuyengiao.reporting.choices import Rounding
from tuyengiao.reporting.figures import form_figures
from tuyengiao.reporting.rollup import children_breakdown

from .models import StudyCampaign

# form_figures' completeness keys, under the names the report uses.
RENAMED = {
    "expected": "units_expected",
    "submitted": "units_reported",
    "approved": "units_approved",
}


def campaigns_over(unit, year: int):
    """Campaigns whose target subtree contains `unit` and whose period ends in `year`."""
    return (
        StudyCampaign.objects.filter(
            target_unit__path__in=unit.ancestor_paths(), period__end__year=year
        )
        .select_related("form", "period")
        .prefetch_related("documents")
        .order_by("starts_on", "code")
    )


def campaign_figures(campaign: StudyCampaign, unit) -> list[Figure]:
    prefix = f"study.{campaign.code}"
    figures = form_figures(campaign.form, unit, campaign.period, prefix=prefix, section="study")
    documents = [d.number_text for d in campaign.documents.all()]
    for figure in figures:
        key = figure.id.removeprefix(prefix + ".")
        if key in RENAMED:
            figure.id = f"{prefix}.{RENAMED[key]}"
        figure.source = {
            **figure.source,
            "campaign": campaign.name,
            "documents": documents,
            "what": f"{figure.source.get('what', '')}; đợt «{campaign.name}» "
            f"(học tập {', '.join(documents) or 'không ghi văn bản'})",
            "campaign_url": reverse("campaigns:detail", args=[campaign.code]),
        }
    return figures


def year_figures(unit, year: int) -> list[Figure]:
    figures: list[Figure] = []
    for campaign in campaigns_over(unit, year):
        figures.extend(campaign_figures(campaign, unit))
    return figures


def study_table(code: str, unit) -> RateTable | None:
    """Campaign `code`'s rate by unit one level below `unit`, for the report's study table
    and chart: the form's first indicator whose numerator and denominator are each one of
    its fields, from the rollup the dashboard's drill-down shows (same numbers as the page).
    None for a code that is no campaign or a form without such an indicator."""
    campaign = StudyCampaign.objects.filter(code=code).select_related("form", "period").first()
    if campaign is None:
        return None
    form = campaign.form
    fields = {f.code for f in form.fields.all()}
    indicator = next(
        (i for i in form.indicators.all() if {i.numerator, i.denominator} <= fields), None
    )
    if indicator is None:
        return None
    rows = []
    for row in children_breakdown(form, unit, campaign.period):
        rate = row.indicators.get(indicator.code)
        rows.append(
            RateRow(
                unit=row.unit.name,
                denominator=row.fields.get(indicator.denominator),
                numerator=row.fields.get(indicator.numerator),
                rate=rate.value if rate else None,
                rate_display=rate.display if rate else "—",
            )
        )
    return RateTable(
        denominator=indicator.denominator,
        numerator=indicator.numerator,
        rate=indicator.code,
        decimals=indicator.decimals,
        truncate=indicator.rounding == Rounding.TRUNCATE,
        rows=rows,
    )
