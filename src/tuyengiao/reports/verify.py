"""Check a text's figures: its arithmetic (checker.py) and, optionally, against the database.

The command `figures check` and the web page both call `verify`, so they give the same
verdicts. Matching against the database is by value: a number in the text is "found" when
some figure of the unit and year has that value (93,44% matches a rate of 93.44); a
number that matches none is listed for the writer to look at — it may be a typo, a figure
from elsewhere, or a number that is not a figure at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from .checker import WRONG, check_text, numbers_in_text, report_json


@dataclass
class NumberMatch:
    raw: str
    start: int
    end: int
    value: Decimal
    figures: list[dict] = field(default_factory=list)  # {"id", "label", "display", "url"}

    def as_json(self) -> dict:
        value = self.value
        number = int(value) if value == value.to_integral_value() else float(value)
        return {
            "text": self.raw,
            "start": self.start,
            "end": self.end,
            "value": number,
            "figures": self.figures,
        }


@dataclass
class Verification:
    text: str
    claims: list
    numbers: list[NumberMatch] | None = None  # None: not matched against the database

    @property
    def wrong(self) -> int:
        return sum(1 for claim in self.claims if claim.verdict == WRONG)

    @property
    def unmatched(self) -> list[NumberMatch]:
        return [n for n in self.numbers or [] if not n.figures]

    def as_json(self) -> dict:
        data = report_json(self.claims)
        if self.numbers is not None:
            data["numbers"] = [n.as_json() for n in self.numbers]
            data["unmatched"] = [n.as_json() for n in self.unmatched]
        return data


def _value(figure) -> Decimal | None:
    value = figure.value
    if value is None or isinstance(value, bool):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def match_numbers(text: str, figures) -> list[NumberMatch]:
    """Each number of the text with the figures (core.figures.Figure) that have its value."""
    by_value: dict[Decimal, list[dict]] = {}
    for figure in figures:
        value = _value(figure)
        if value is not None:
            by_value.setdefault(value.normalize(), []).append(
                {
                    "id": figure.id,
                    "label": figure.label,
                    "display": figure.display,
                    "url": figure.source.get("url", ""),
                }
            )
    return [
        NumberMatch(raw, start, end, value, by_value.get(Decimal(value).normalize(), []))
        for start, end, value, raw in numbers_in_text(text)
    ]


def verify(text: str, figures=None) -> Verification:
    """The claims of `text` with their verdicts; with `figures`, every number matched too."""
    numbers = None if figures is None else match_numbers(text, figures)
    return Verification(text, check_text(text), numbers)
