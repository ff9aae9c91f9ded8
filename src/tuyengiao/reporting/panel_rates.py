"""The approval queue's rates: each waiting report's main indicator (its form's first),
and the same unit's figure in the previous period where there is one."""

from __future__ import annotations

from itertools import groupby

from . import rules
from .outliers import numbers_of, previous_submissions


def with_rates(submissions: list) -> list:
    """Sets `main_rate` (the indicator's name and both displays) on each submission;
    a few queries per (form, period) in the list, not per report."""
    key = lambda s: (s.form_id, s.period_id)  # noqa: E731
    for _, group in groupby(sorted(submissions, key=key), key=key):
        group = list(group)
        form, period = group[0].form, group[0].period
        spec = rules.FormSpec(form)
        if not spec.indicators:
            continue
        indicator, top, bottom = spec.indicators[0]
        previous = previous_submissions(form, period, [s.unit_id for s in group])
        numbers = numbers_of([*group, *previous.values()])
        for s in group:
            now = rules.indicator_value(indicator, top, bottom, numbers.get(s.pk, {}))
            before_sub = previous.get(s.unit_id)
            before = (
                rules.indicator_value(indicator, top, bottom, numbers.get(before_sub.pk, {}))
                if before_sub
                else None
            )
            s.main_rate = {
                "name": indicator.name,
                "now": rules.display_indicator(indicator, now) if now is not None else "—",
                "before": rules.display_indicator(indicator, before) if before is not None else "",
                "before_year": before_sub.period.end.year if before_sub else "",
            }
    return submissions
