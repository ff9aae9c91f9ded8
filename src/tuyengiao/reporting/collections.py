"""What a collection is about, said by the app that opened it. The study campaigns app
registers a describer, so that a reporter's form names its campaign and the documents to
study, without the reporting engine knowing about campaigns."""

from __future__ import annotations

from collections.abc import Callable

# (form, period, user) -> {"template": ..., "context": {...}} or None
DESCRIBERS: list[Callable] = []


def register(describer: Callable) -> Callable:
    if describer not in DESCRIBERS:
        DESCRIBERS.append(describer)
    return describer


def describe(form, period, user) -> dict | None:
    for describer in DESCRIBERS:
        about = describer(form, period, user)
        if about:
            return about
    return None
