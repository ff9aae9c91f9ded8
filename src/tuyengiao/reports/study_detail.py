"""The study campaign's table per unit and its rate-by-unit chart, from the reporting engine.

The campaign's figures name their form and period in `source` ("form", "period"); the
table and chart come from the same rollup (reporting.rollup.children_breakdown) that the
dashboard's drill-down shows, so the report's table and the web page agree.
"""

from __future__ import annotations

import logging

from tuyengiao.core.text import format_number, vi_sorted

from .content import Block

log = logging.getLogger(__name__)
ATTENDED, REQUIRED, RATE = "members_attended", "members_required", "participation_rate"


def _form_and_period(group):
    from tuyengiao.reporting.models import Form, Period

    source = next((f.source for f in group.values() if f.source.get("form")), None)
    if not source:
        return None, None
    form = Form.objects.filter(code=source["form"]).first()
    period = Period.objects.filter(code=source.get("period", "")).first()
    return form, period


def _rows(breakdown, rate_figure, totals) -> list[list[str]]:
    rows = [["TT", "Đơn vị", "Đảng viên phải học tập", "Đảng viên tham gia", "Tỷ lệ"]]
    for index, row in enumerate(vi_sorted(breakdown, key=lambda r: r.unit.name), start=1):
        indicator = row.indicators.get(RATE)
        rows.append(
            [
                str(index),
                row.unit.name,
                format_number(row.fields.get(REQUIRED)),
                format_number(row.fields.get(ATTENDED)),
                indicator.display if indicator else "—",
            ]
        )
    required, attended = totals
    rows.append(
        [
            "",
            "Tổng cộng",
            required.display if required else "—",
            attended.display if attended else "—",
            rate_figure.display if rate_figure else "—",
        ]
    )
    return rows


def _chart(form, unit, period) -> bytes | None:
    try:
        from tuyengiao.reporting.charts import rate_by_unit_chart
    except ImportError:
        return None
    try:
        return rate_by_unit_chart(form, unit, period, fmt="png")
    except TypeError:
        # The chart function's signature is the reporting app's; keep the report going.
        log.exception("rate_by_unit_chart: unexpected signature")
        return None


def study_extras(unit):
    """A callable for narrative.build: the table and chart of one study campaign."""

    def extras(key, group) -> list[Block]:
        form, period = _form_and_period(group)
        if form is None or period is None:
            return []
        from tuyengiao.reporting.rollup import children_breakdown

        breakdown = children_breakdown(form, unit, period)
        if not breakdown:
            return []
        totals = (group.get(REQUIRED), group.get(ATTENDED))
        blocks = [
            Block(
                "caption",
                f"Bảng 1. Kết quả học tập, quán triệt theo đơn vị ({form.name}, {period.code})",
            ),
            Block("table", rows=_rows(breakdown, group.get(RATE), totals)),
        ]
        image = _chart(form, unit, period)
        if image:
            blocks += [
                Block("chart", image=image),
                Block("caption", "Biểu đồ 1. Tỷ lệ đảng viên tham gia học tập theo đơn vị"),
            ]
        return blocks

    return extras
