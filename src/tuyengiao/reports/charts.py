"""The appendix's rate-by-unit chart, drawn for print (150 mm wide, 9–10 pt labels).

Unit names are printed whole, as in the appendix table; the axis is fitted to the data
(86–98% is a spread a reader must see, not a sliver at the end of a 0–100 axis). A chart
is drawn once per data version: the PNG is kept under VAR_DIR/cache/charts by a hash of
its rows, and matplotlib is imported only when a chart must really be drawn.
"""

from __future__ import annotations

import hashlib
import io
import json
import math
from decimal import Decimal
from pathlib import Path

from django.conf import settings

from tuyengiao.core.text import format_number

WIDTH_MM = 160
PARTY_RED = "#b71c1c"
VERSION = "print-3"  # bump when the drawing changes: old cached PNGs are then ignored


def _cache_dir() -> Path:
    return Path(settings.VAR_DIR) / "cache" / "charts"


def rate_chart(
    rows: list[tuple[str, Decimal | None]], *, decimals: int = 2, axis: tuple | None = None
) -> bytes:
    """Horizontal bars (name, rate %), in the given order; cached by content. `axis`: the
    range shared by the parts of one chart split over pages."""
    axis = axis or axis_range([float(v) for _n, v in rows if v is not None])
    key = json.dumps(
        [VERSION, decimals, list(axis), [(n, str(v)) for n, v in rows]], ensure_ascii=False
    )
    digest = hashlib.sha256(key.encode()).hexdigest()[:32]
    path = _cache_dir() / f"{digest}.png"
    if path.exists():
        return path.read_bytes()
    data = _draw(rows, decimals, axis)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        temporary.write_bytes(data)
        temporary.replace(path)
    except OSError:  # a read-only disk costs a redraw next time, nothing more
        pass
    return data


def axis_range(values: list[float]) -> tuple[float, float]:
    """From a round number below the smallest rate to 100 (or just above the largest)."""
    if not values:
        return 0.0, 100.0
    low, high = min(values), max(values)
    start = max(0.0, math.floor((low - 2) / 5) * 5)
    end = 100.0 if high <= 100 else math.ceil(high / 5) * 5
    return start, end + (end - start) * 0.12  # room for the value after the longest bar


def _draw(rows, decimals, axis) -> bytes:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import FuncFormatter, MultipleLocator

    inch = 25.4
    height_mm = 7 * len(rows) + 18
    style = {"font.family": ["Liberation Serif", "DejaVu Serif"], "font.size": 10}
    with matplotlib.rc_context(style):
        fig, ax = plt.subplots(figsize=(WIDTH_MM / inch, height_mm / inch), dpi=200)
        try:
            names = [name for name, _value in rows]
            values = [float(v) if v is not None else 0.0 for _name, v in rows]
            start, end = axis
            positions = range(len(rows))
            ax.barh(
                positions,
                [v - start if v else 0 for v in values],
                left=start,
                color=PARTY_RED,
                height=0.62,
            )
            ax.set_yticks(list(positions), names, fontsize=10)
            ax.set_ylim(len(rows) - 0.5, -0.5)
            ax.set_xlim(start, end)
            ax.xaxis.set_major_locator(MultipleLocator(2 if end - start <= 15 else 5))
            ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: f"{x:g}%".replace(".", ",")))
            ax.tick_params(axis="x", labelsize=9)
            for position, (_name, value) in enumerate(rows):
                text = "—" if value is None else format_number(value, decimals) + "%"
                x = float(value) if value is not None else start
                ax.text(x + (end - start) * 0.008, position, text, va="center", fontsize=9)
            ax.spines[["top", "right"]].set_visible(False)
            ax.grid(axis="x", color="#cccccc", linewidth=0.6)
            ax.set_axisbelow(True)
            fig.tight_layout(pad=0.4)
            buffer = io.BytesIO()
            fig.savefig(buffer, format="png")
            return buffer.getvalue()
        finally:
            plt.close(fig)
