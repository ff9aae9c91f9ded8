"""Search that finds: every word of the query, accent-free, in any order."""

from __future__ import annotations

from django.db.models import Q


def words_q(query: str | None, *fields: str) -> Q:
    """Every word of the query, accent-free and in any order, in one of the folded `fields`:
    "tuyen truyen bien dao" finds «Kế hoạch tuyên truyền biển, đảo Việt Nam». Q() if empty.

    The fields hold `text.fold`-ed copies (SQLite and PostgreSQL alike, no unaccent needed);
    `contains` on them is a plain LIKE."""
    from .text import search_words

    condition = Q()
    for word in search_words(query):
        either = Q()
        for field in fields:
            either |= Q(**{f"{field}__contains": word})
        condition &= either
    return condition
