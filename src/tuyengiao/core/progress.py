"""A progress bar on the terminal for long commands (all provinces, totals rebuild).

It writes to stderr, and only when stderr is a terminal: piped or `--json` output, logs and
tests stay clean."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator

WIDTH = 30


def bar(items: Iterable, *, total: int, label: str, stream=None) -> Iterator:
    """Yield `items`, drawing «label [#####.....] 12/34» as each one is done."""
    stream = stream if stream is not None else sys.stderr
    shown = hasattr(stream, "isatty") and stream.isatty() and total > 0

    def draw(done: int) -> None:
        filled = WIDTH * done // total
        stream.write(f"\r{label} [{'#' * filled}{'.' * (WIDTH - filled)}] {done}/{total}")
        stream.flush()

    if shown:
        draw(0)
    done = 0
    for item in items:
        yield item
        done += 1
        if shown:
            draw(done)
    if shown:
        stream.write("\n")
        stream.flush()
