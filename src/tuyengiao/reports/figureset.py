"""The year's figures as the prose sees them: by id, by section, by group, and which
ones a sentence has used (the rest are printed plainly, never dropped)."""

from __future__ import annotations

import re
from collections import OrderedDict

from tuyengiao.core.figures import Figure

_QUOTED = re.compile(r"«([^»]+)»")


def section_of(figure: Figure) -> str:
    return figure.section or figure.id.split(".", 1)[0]


class FigureSet:
    """The year's figures by id, remembering which ones the prose has used."""

    def __init__(self, figures: list[Figure]):
        self.figures = list(figures)
        self.by_id = {f.id: f for f in self.figures}
        self.used: set[str] = set()

    def get(self, figure_id: str) -> Figure | None:
        figure = self.by_id.get(figure_id)
        if figure is not None:
            self.used.add(figure_id)
        return figure

    def in_section(self, key: str) -> list[Figure]:
        return [f for f in self.figures if section_of(f) == key]

    def groups(self, key: str) -> OrderedDict[str, dict[str, Figure]]:
        """study.HT-NQ.rate → {"HT-NQ": {"rate": figure}}, in the providers' order."""
        groups: OrderedDict[str, dict[str, Figure]] = OrderedDict()
        for figure in self.in_section(key):
            parts = figure.id.split(".")
            if len(parts) == 3:
                groups.setdefault(parts[1], {})[parts[2]] = figure
        return groups

    def use(self, group: dict[str, Figure], *metrics: str) -> list[Figure | None]:
        found = [group.get(m) for m in metrics]
        self.used.update(f.id for f in found if f is not None)
        return found

    def unused(self, key: str) -> list[Figure]:
        return [f for f in self.in_section(key) if f.id not in self.used]


def group_name(group: dict[str, Figure], fallback: str) -> str:
    """The campaign, class kind, channel or programme a group of figures is about."""
    for figure in group.values():
        for key in ("name", "title", "kind", "channel", "programme", "campaign"):
            value = figure.source.get(key)
            if isinstance(value, str) and value.strip():
                return value.strip()
    for figure in group.values():
        quoted = _QUOTED.search(figure.source.get("what", ""))
        if quoted:
            return quoted.group(1).strip()
    return fallback


def figure_ids(*figures) -> list[str]:
    return [f.id for f in figures if f is not None]


def record_labels(figure: Figure) -> list[str]:
    return [r["label"] for r in figure.source.get("records", []) if r.get("label")]
