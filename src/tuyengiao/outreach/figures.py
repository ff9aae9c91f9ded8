"""The year-end report's outreach figures: posts and interactions of each official channel
owned by the unit or a unit below it, summed over the year's twelve months."""

from django.urls import reverse

from tuyengiao.core import figures

from .models import Channel
from .services import yearly_totals

SECTION = "outreach"


def year_figures(unit, year: int) -> list[figures.Figure]:
    channels = list(Channel.objects.in_subtree(unit))
    totals = yearly_totals(channels, year)
    result = []
    for channel in channels:
        total = totals.get(channel.pk)
        if total is None:
            continue
        source = {
            "what": f"Tổng {total['months']} tháng số liệu của kênh «{channel.name}» "
            f"({channel.get_platform_display()}) năm {year}",
            "units": f"{channel.unit.code} (đơn vị sở hữu kênh)",
            "period": str(year),
            "url": reverse("outreach:detail", args=[channel.pk]) + f"?year={year}",
            "channel": channel.name,
        }
        prefix = f"{SECTION}.{channel.code}"
        result += [
            figures.number(
                f"{prefix}.posts",
                f"Số bài viết đăng trên «{channel.name}»",
                total["posts"],
                source=source,
                section=SECTION,
            ),
            figures.number(
                f"{prefix}.interactions",
                f"Số lượt tương tác trên «{channel.name}»",
                total["interactions"],
                source=source,
                section=SECTION,
            ),
        ]
    return result
