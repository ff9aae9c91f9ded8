"""Write one backend's numbers into bench/RESULTS.md, keeping the hand-written analysis.

The file holds one generated section per database vendor between markers
`<!-- bench:sqlite -->` … `<!-- /bench:sqlite -->`; a run replaces its own section only.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from timing import machine


def _dots(number: int) -> str:
    return f"{number:,}".replace(",", ".")


def _ms(value: float) -> str:
    return f"{value:,.1f}".replace(",", " ").replace(".", ",")


def render(connection, tree, setup: dict, timings) -> str:
    lines = [
        f"### {machine(connection)['database']} — {dt.date.today():%d/%m/%Y}",
        "",
        "| machine | |",
        "| --- | --- |",
        *(f"| {key} | {value} |" for key, value in machine(connection).items()),
        "",
        f"Tree: 1 root, {tree.provinces} provinces, {_dots(tree.communes)} communes, "
        f"{_dots(tree.grassroots)} grassroots organisations ({_dots(tree.total)} units).",
        *(f"{line}" for line in setup.get("notes", [])),
        "",
        "| query | runs | median (ms) | p95 (ms) | note |",
        "| --- | ---: | ---: | ---: | --- |",
        *(
            f"| {t.label} | {len(t.samples_ms)} | {_ms(t.median)} | {_ms(t.p95)} | {t.note} |"
            for t in timings
        ),
    ]
    return "\n".join(lines)


def write(path: Path, connection, tree, setup: dict, timings) -> Path:
    vendor = connection.vendor
    start, end = f"<!-- bench:{vendor} -->", f"<!-- /bench:{vendor} -->"
    section = f"{start}\n{render(connection, tree, setup, timings)}\n{end}"
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmark results\n"
    pattern = re.compile(re.escape(start) + ".*?" + re.escape(end), re.S)
    if pattern.search(text):
        text = pattern.sub(lambda _match: section, text)
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    path.write_text(text, encoding="utf-8")
    return path
