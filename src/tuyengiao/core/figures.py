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


def year_figures(unit, year: int) -> list[Figure]:
    figures: list[Figure] = []
    for path in registry.providers_in_order():
        figures.extend(import_string(path)(unit, year))
    return figures
