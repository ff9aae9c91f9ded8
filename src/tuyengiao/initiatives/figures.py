"""The year-end report's initiative figures: how many initiatives of the unit's subtree
ran in the year, each named in the source."""

from django.urls import reverse

from tuyengiao.core import figures

from .models import Initiative

SECTION = "initiatives"


def year_figures(unit, year: int) -> list[figures.Figure]:
    running = Initiative.objects.in_subtree(unit).active_in(year).select_related("unit")
    records = [
        {"label": i.name, "url": reverse("initiatives:detail", args=[i.pk])} for i in running
    ]
    source = {
        "what": f"Mô hình đang thực hiện trong năm {year} (năm bắt đầu ≤ {year}, "
        f"chưa kết thúc hoặc kết thúc từ {year})",
        "units": f"{unit.code} và các đơn vị trực thuộc",
        "period": str(year),
        "url": reverse("initiatives:list") + f"?year={year}&unit={unit.code}",
        "records": records,
    }
    return [
        figures.number(
            f"{SECTION}.count", "Số mô hình thực hiện", len(records), source=source, section=SECTION
        )
    ]
