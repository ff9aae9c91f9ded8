"""The year-end report's training figures: per kind, classes and learners over the unit's
subtree, and the rate of summed attended over summed planned learners."""

from django.urls import reverse

from tuyengiao.core import figures

from .services import unit_yearly_totals

SECTION = "training"


def year_figures(unit, year: int) -> list[figures.Figure]:
    result = []
    url = reverse("training:summary") + f"?unit={unit.code}&year={year}"
    for total in unit_yearly_totals(unit, year):
        kind = total.kind
        source = {
            "what": f"Lớp «{kind.name}» bắt đầu trong năm {year}",
            "units": f"{unit.code} và các đơn vị trực thuộc",
            "period": str(year),
            "url": url,
            "kind": kind.name,
        }
        prefix = f"{SECTION}.{kind.code}"
        for key, label, value in [
            ("classes", f"Số lớp {kind.name.lower()}", total.classes),
            ("planned", f"Số học viên theo kế hoạch — {kind.name.lower()}", total.planned),
            ("attended", f"Số học viên tham dự — {kind.name.lower()}", total.attended),
            ("completed", f"Số học viên hoàn thành — {kind.name.lower()}", total.completed),
        ]:
            result.append(
                figures.number(f"{prefix}.{key}", label, value, source=source, section=SECTION)
            )
        rate_source = {
            **source,
            "what": source["what"] + ": tổng tham dự ÷ tổng kế hoạch × 100, "
            f"{kind.decimals} chữ số thập phân, "
            + ("cắt bỏ" if kind.rounding == "truncate" else "làm tròn"),
        }
        result.append(
            figures.Figure(
                f"{prefix}.rate",
                f"Tỷ lệ tham dự — {kind.name.lower()}",
                total.rate,
                figures.format_percent(total.rate, kind.decimals, kind.rounding),
                rate_source,
                SECTION,
            )
        )
    return result
