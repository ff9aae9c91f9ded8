"""Write one backend's numbers into bench/RESULTS.md, keeping the hand-written analysis.

The file holds one generated section per database vendor between markers
`<!-- bench:sqlite -->` … `<!-- /bench:sqlite -->`; a run replaces its own section only.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from timing import machine


def dots(number: int) -> str:
    return f"{number:,}".replace(",", ".")


def _ms(value: float) -> str:
    # Vietnamese: "." groups thousands, "," marks decimals (1.331,6).
    return f"{value:,.1f}".replace(",", "_").replace(".", ",").replace("_", ".")


def render(connection, tree, setup: dict, timings) -> str:
    lines = [
        f"### {machine(connection)['database']} — {dt.date.today():%d/%m/%Y}",
        "",
        "| machine | |",
        "| --- | --- |",
        *(f"| {key} | {value} |" for key, value in machine(connection).items()),
        "",
        f"Tree: 1 root, {tree.provinces} provinces, {dots(tree.communes)} communes, "
        f"{dots(tree.grassroots)} grassroots organisations ({dots(tree.total)} units).",
        *(f"{line}" for line in setup.get("notes", [])),
        "",
        "Each query was timed in turn with the hand-written SQL scan of the rows it would "
        "read from the values (bench/raw.py), so both saw the same load. The machine is "
        "shared with other engineers' test runs: the load average above says how busy.",
        "",
        "| measure | query | runs | median (ms) | p95 (ms) | raw scan median (ms) | note |",
        "| --- | --- | ---: | ---: | ---: | ---: | --- |",
        *(
            f"| {t.key} | {t.label} | {len(t.samples_ms)} | {_ms(t.median)} | {_ms(t.p95)} | "
            f"{_ms(t.raw_median) if t.raw_median is not None else ''} | {t.note} |"
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


def as_json(timings) -> dict:
    result = {}
    for t in timings:
        if not t.key:
            continue
        entry = {
            "median_ms": round(t.median, 2),
            "p95_ms": round(t.p95, 2),
            "runs": len(t.samples_ms),
        }
        if t.raw_median is not None:
            entry["raw_scan_median_ms"] = round(t.raw_median, 2)
        entry.update(t.extra or {})
        result[t.key] = entry
    return result


def write_json(path: Path, connection, timings) -> Path:
    """bench/results.json: {"<database>": {"<measure>": {...}}, "machine": {...}}; a run
    replaces its own database's entry."""
    import json

    data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    data[connection.vendor] = as_json(timings)
    data["machine"] = {
        **data.get("machine", {}),
        **machine(connection),
        "note": "shared 2-core VM: other engineers' tests ran meanwhile",
    }
    data["machine"].pop("database", None)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path
