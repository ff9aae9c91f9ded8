"""Charts drawn on the server with matplotlib (Agg): SVG for pages, PNG for the Word report."""

from __future__ import annotations

import io
from decimal import Decimal

from tuyengiao.core.text import format_number

# matplotlib is imported when a chart is drawn, not when a URLconf imports this module:
# it costs a second of start-up to every command that reverses a URL.

PARTY_RED = "#a50e0e"
MAX_LABEL = 38
KEPT_CHARTS = 32
_drawn: dict[tuple, bytes] = {}


def _tick(x: float) -> str:
    rounded = round(x, 1)
    return format_number(int(rounded) if rounded == int(rounded) else rounded)


def _short(label: str) -> str:
    return label if len(label) <= MAX_LABEL else label[: MAX_LABEL - 1] + "…"


def rate_by_unit_chart(
    rows: list[tuple[str, Decimal | float | None]],
    *,
    title: str,
    fmt: str = "svg",
    decimals: int = 2,
    percent: bool = True,
) -> bytes:
    """Horizontal bars, one per (unit label, rate) in the given order; units without a
    value are listed with "—". Axis and bar labels in Vietnamese number format (93,44)."""
    if fmt not in ("svg", "png"):
        raise ValueError(f"unknown chart format {fmt!r}")
    # Drawn once per data version (a third of a second each): the same rows, title and
    # format give the bytes drawn last time, kept in this process for the last few charts.
    key = (title, fmt, decimals, percent, tuple((n, type(v).__name__, str(v)) for n, v in rows))
    drawn = _drawn.pop(key, None)
    if drawn is None:
        import matplotlib

        matplotlib.use("Agg")
        # parse_math off: a unit or channel named «Chi phí $x^{2}$» is text, not mathtext.
        with matplotlib.rc_context(
            {"svg.fonttype": "none", "font.family": "DejaVu Sans", "text.parse_math": False}
        ):
            drawn = _draw(rows, title, fmt, decimals, percent)
    _drawn[key] = drawn  # the most recent last
    while len(_drawn) > KEPT_CHARTS:
        _drawn.pop(next(iter(_drawn)))
    return drawn


def _draw(rows, title, fmt, decimals, percent) -> bytes:
    import matplotlib.pyplot as plt
    from matplotlib.ticker import FuncFormatter

    height = max(2.2, 0.32 * len(rows) + 1.2)
    fig, ax = plt.subplots(figsize=(8, height), dpi=150 if fmt == "png" else 100)
    try:
        labels = [_short(label) for label, _ in rows]
        values = [float(v) if v is not None else 0.0 for _, v in rows]
        positions = range(len(rows))
        bars = ax.barh(positions, values, color=PARTY_RED, height=0.65)
        ax.set_yticks(list(positions), labels, fontsize=8)
        suffix = "%" if percent else ""
        ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: _tick(x) + suffix))
        ax.set_ylim(len(rows) - 0.5, -0.5)  # first row on top, no empty band around the bars
        top = max([v for v in values] + [100.0 if percent else 1.0])
        ax.set_xlim(0, top * 1.12)
        for bar, (_, value) in zip(bars, rows, strict=True):
            text = "—" if value is None else format_number(value, decimals) + suffix
            ax.text(
                bar.get_width() + top * 0.01,
                bar.get_y() + bar.get_height() / 2,
                text,
                va="center",
                fontsize=7,
            )
        ax.set_title(title, fontsize=10, loc="left")
        ax.spines[["top", "right"]].set_visible(False)
        ax.grid(axis="x", color="#dddddd", linewidth=0.6)
        ax.set_axisbelow(True)
        fig.tight_layout()
        buffer = io.BytesIO()
        fig.savefig(buffer, format=fmt, metadata={"Date": None} if fmt == "svg" else None)
        return buffer.getvalue()
    finally:
        plt.close(fig)
