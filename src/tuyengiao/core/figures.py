"""Figures: every number the year-end report prints, with where it came from.

Each domain app that contributes to the year-end report has a `figures.py` with

    def year_figures(unit: OrgUnit, year: int) -> list[Figure]

registered from its AppConfig (`registry.figures(self, order=…)`). Dashboards, the XLSX annex, the Word report and
`tuyengiao report data --json` all read these, so a figure is computed once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.module_loading import import_string

from .registry import registry
from .text import format_number, format_percent


@dataclass
class Figure:
    id: str  # stable across years and runs, e.g. "documents.issued", "study.HT-NQ.rate"
    label: str  # Vietnamese, e.g. "Số văn bản Quận ủy ban hành"
    value: int | Decimal | None
    display: str  # as printed: "6.513", "93,44%"
    source: dict = field(default_factory=dict)
    # source: {"what": "...Vietnamese description of the computation...",
    #          "units": "QU-Q1 (cây đơn vị hiệu lực 2022)", "period": "2022",
    #          "statuses": ["approved"], "url": "/reporting/... drill-down page",
    #          "records": [{"label": "...", "url": "..."}]  # optional: submissions, rows}
    section: str = ""  # report section key: documents, study, training, initiatives, outreach, awards, tasks, targets

    def as_json(self) -> dict:
        value = self.value
        if isinstance(value, Decimal):
            value = str(value)
        return {
            "id": self.id,
            "label": self.label,
            "value": value,
            "display": self.display,
            "source": self.source,
            "section": self.section,
        }


def number(id, label, value, *, source=None, section="") -> Figure:
    return Figure(id, label, value, format_number(value), source or {}, section)


def percent(id, label, value, *, source=None, section="") -> Figure:
    return Figure(id, label, value, format_percent(value), source or {}, section)


@dataclass(frozen=True)
class RateRow:
    """One unit's line of a rate table."""

    unit: str  # the unit's name
    denominator: int | Decimal | None
    numerator: int | Decimal | None
    rate: Decimal | None
    rate_display: str  # as printed, "—" when the unit has no rate


@dataclass(frozen=True)
class RateTable:
    """A rate by unit one level down, for a group of figures (the report's study table).

    `denominator`, `numerator` and `rate` are the keys of the group's matching totals
    (`study.<campaign>.<key>`); the rows come in the provider's order."""

    denominator: str
    numerator: str
    rate: str
    decimals: int
    truncate: bool  # the rate is cut after `decimals` places, not rounded
    rows: list[RateRow]


def rate_table(section: str, key: str, unit) -> RateTable | None:
    """The table behind the group of figures `section.key.*` over `unit`, from the provider
    that registered one for the section (`registry.figures(…, tables={section: path})`)."""
    path = registry.figure_tables.get(section)
    return import_string(path)(key, unit) if path else None


def year_figures(unit, year: int) -> list[Figure]:
    figures: list[Figure] = []
    for path in registry.providers_in_order():
        figures.extend(import_string(path)(unit, year))
    return figures
