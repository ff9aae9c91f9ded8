"""Monthly bar chart of a channel's year: SVG for the page, PNG for the Word report.

Uses matplotlib's object API (no pyplot), which is safe in a threaded web server.
"""

from __future__ import annotations

import io

from tuyengiao.core.text import format_number

PARTY_RED = "#a50e0e"
GREY_BLUE = "#34558b"


def monthly_chart(
    posts: list[int | None],
    interactions: list[int | None],
    *,
    title: str = "",
    fmt: str = "svg",
) -> bytes:
    """Two bar panels, posts and interactions, for months 1..12 (None = no figures)."""
    # matplotlib when a chart is drawn, not when a URLconf imports this module.
    from matplotlib import rc_context

    # SVG text stays text (small, selectable, drawn in the page's font); `$` in a channel's
    # name is text, not matplotlib mathtext («Chi phí $x^{2}$» was a 500).
    with rc_context({"svg.fonttype": "none", "text.parse_math": False}):
        return _draw(posts, interactions, title, fmt)


def _draw(posts, interactions, title: str, fmt: str) -> bytes:
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter

    months = [f"T{m}" for m in range(1, 13)]
    figure = Figure(figsize=(8, 4.6), dpi=150 if fmt == "png" else 72)
    top, bottom = figure.subplots(2, 1, sharex=True)
    formatter = FuncFormatter(lambda value, _pos: format_number(int(value)))
    for axes, values, colour, label in [
        (top, posts, PARTY_RED, "Bài viết"),
        (bottom, interactions, GREY_BLUE, "Lượt tương tác"),
    ]:
        axes.bar(months, [v or 0 for v in values], color=colour)
        axes.set_ylabel(label)
        axes.yaxis.set_major_formatter(formatter)
        axes.spines[["top", "right"]].set_visible(False)
        axes.grid(axis="y", alpha=0.3)
    if title:
        top.set_title(title)
    figure.tight_layout()
    buffer = io.BytesIO()
    metadata = {"Date": None} if fmt == "svg" else {}
    figure.savefig(buffer, format=fmt, metadata=metadata)
    return buffer.getvalue()


def channel_chart(channel, year: int, *, fmt: str = "svg") -> bytes:
    from .services import monthly

    stats = monthly(channel, year)
    return monthly_chart(
        [s.posts if s else None for s in stats],
        [s.interactions if s else None for s in stats],
        title=f"{channel.name} — năm {year}",
        fmt=fmt,
    )
