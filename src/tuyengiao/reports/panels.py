"""Home panels built on the year-end report's figures: the viewer's key figures of the
district (or ward) and the specialist's year at a glance.

Each reads the same figure providers as the report (never a hard-coded number) and only
for the widest unit of the user's own memberships, so a ward user sees the ward's figures.
"""

from __future__ import annotations

from django.utils import timezone

from tuyengiao.orgs import access
from tuyengiao.orgs.choices import Role

from .models import GeneratedReport, SectionText

BARS = 5


def _widest_unit(user, roles):
    units = [m.unit for m in access.memberships(user) if m.role in roles]
    return min(units, key=lambda u: (u.depth, u.path)) if units else None


def report_year(unit) -> int:
    """The year-end report being worked on for `unit` (or a unit above it): the latest year
    with written sections or a generated report; else last year."""
    this_year = timezone.localdate().year
    paths = unit.ancestor_paths()
    years = [
        y
        for y in (
            SectionText.objects.filter(unit__path__in=paths, year__lte=this_year)
            .order_by("-year")
            .values_list("year", flat=True)
            .first(),
            GeneratedReport.objects.filter(unit__path__in=paths, year__lte=this_year)
            .order_by("-year")
            .values_list("year", flat=True)
            .first(),
        )
        if y
    ]
    return max(years) if years else this_year - 1


def key_figures(request):
    """For viewers: participation of the year's main study campaign with a bar per unit
    below, training classes and documents issued, with links to the dashboards."""
    unit = _widest_unit(request.user, {Role.VIEWER})
    if unit is None:
        return None
    from tuyengiao.campaigns.figures import campaign_figures, campaigns_over
    from tuyengiao.documents.figures import year_figures as document_figures
    from tuyengiao.reporting.rollup import children_breakdown
    from tuyengiao.training.figures import year_figures as training_figures

    year = report_year(unit)
    studies = []
    for campaign in list(campaigns_over(unit, year))[:3]:
        figures = {
            f.id.removeprefix(f"study.{campaign.code}."): f
            for f in campaign_figures(campaign, unit)
        }
        indicator = campaign.form.indicators.first()
        rate = figures.get(indicator.code) if indicator else None
        bars = []
        if indicator and not studies:  # one small chart: the first campaign, per unit below
            for row in children_breakdown(campaign.form, unit, campaign.period):
                value = row.indicators[indicator.code].value
                bars.append(
                    {
                        "unit": row.unit,
                        "value": value,
                        "width": min(float(value or 0), 100) if indicator.is_percent else 0,
                        "display": row.indicators[indicator.code].display,
                    }
                )
            bars.sort(key=lambda b: (b["value"] is None, -(b["value"] or 0)))
            if len(bars) > 2 * BARS:  # small: the highest and the lowest units
                bars = bars[:BARS] + [None] + bars[-BARS:]
        studies.append(
            {
                "campaign": campaign,
                "rate": rate,
                "indicator": indicator,
                "expected": figures.get("units_expected"),
                "approved": figures.get("units_approved"),
                "bars": bars,
            }
        )
    classes = sum(f.value or 0 for f in training_figures(unit, year) if f.id.endswith(".classes"))
    documents = document_figures(unit, year)[0]
    return {
        "template": "reports/panel_key_figures.html",
        "context": {
            "unit": unit,
            "year": year,
            "studies": studies,
            "classes": classes,
            "documents": documents,
        },
    }


ROUNDS_LIMIT = 6


def year_at_a_glance(request):
    """For specialists: the collections of the year with completeness, documents signed this
    month, and the year-end report's status."""
    user = request.user
    unit = _widest_unit(user, {Role.SPECIALIST, Role.ADMIN})
    if unit is None:
        return None
    from tuyengiao.documents.models import Document
    from tuyengiao.reporting import pages
    from tuyengiao.reporting.rollup import completeness

    year = report_year(unit)
    rounds = []
    for item in pages.rounds_for(user):
        if item["period"].end.year < year or len(rounds) >= ROUNDS_LIMIT:
            continue
        root = pages.default_root(user, item["form"], item["period"])
        if root is None:
            continue
        rounds.append(
            {**item, "root": root, "counts": completeness(item["form"], root, item["period"])}
        )
    rounds.sort(key=lambda r: (r["period"].end, r["form"].code))
    today = timezone.localdate()
    documents = (
        Document.objects.visible_to(user)
        .filter(registered_on__gte=today.replace(day=1), registered_on__lte=today)
        .count()
    )
    report = (
        GeneratedReport.objects.filter(unit=unit, year=year)
        .only("generated_at", "issued_at")
        .order_by("-issued_at", "-generated_at")
        .first()
    )
    return {
        "template": "reports/panel_year_at_a_glance.html",
        "context": {
            "unit": unit,
            "year": year,
            "rounds": rounds,
            "documents": documents,
            "month": today,
            "report": report,
        },
    }
