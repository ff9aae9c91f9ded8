"""The study campaign's table per unit and its rate-by-unit chart, from the reporting engine.

The campaign's figures name their form and period in `source` ("form", "period"); the
table and chart come from the same rollup (reporting.rollup.children_breakdown) that the
dashboard's drill-down shows, so the report's table and the web page agree.
"""

from __future__ import annotations

from tuyengiao.core.text import format_number, vi_sorted

from .content import Block

ATTENDED, REQUIRED, RATE = "members_attended", "members_required", "participation_rate"


def _form_and_period(key, group):
    """The reporting form and period behind a campaign's figures (campaigns app), or a
    provider that names them in its figures' source."""
    from tuyengiao.reporting.models import Form, Period

    try:
        from tuyengiao.campaigns.models import StudyCampaign
    except ImportError:  # pragma: no cover - the campaigns app is installed
        StudyCampaign = None
    if StudyCampaign is not None:
        campaign = StudyCampaign.objects.filter(code=key).select_related("form", "period").first()
        if campaign is not None:
            return campaign.form, campaign.period
    source = next((f.source for f in group.values() if f.source.get("form")), None)
    if not source:
        return None, None
    form = Form.objects.filter(code=source["form"]).first()
    period = Period.objects.filter(code=source.get("period", "")).first()
    return form, period


def _sheet(breakdown, form, title) -> dict:
    """The table's numbers as numbers, for the annex (rates become formulas there)."""
    indicator = form.indicators.filter(code=RATE).first() if hasattr(form, "indicators") else None
    rows = [
        [row.unit.name, row.fields.get(REQUIRED), row.fields.get(ATTENDED)]
        for row in vi_sorted(breakdown, key=lambda r: r.unit.name)
    ]
    return {
        "title": title,
        "columns": ["Đảng viên phải học tập", "Đảng viên tham gia"],
        "rows": rows,
        "rate": {
            "label": "Tỷ lệ",
            "numerator": 1,
            "denominator": 0,
            "decimals": indicator.decimals if indicator else 2,
            "truncate": (indicator.rounding if indicator else "truncate") == "truncate",
        },
    }


_PLACES = {0: "không lấy chữ số thập phân", 1: "lấy một chữ số thập phân",
           2: "lấy hai chữ số thập phân", 3: "lấy ba chữ số thập phân"}  # fmt: skip


def rounding_note(rate: dict) -> str:
    """The table's rounding, declared under it (the report rounds as the indicator does)."""
    places = _PLACES.get(rate["decimals"], f"lấy {rate['decimals']} chữ số thập phân")
    how = "bỏ phần lẻ sau đó (không làm tròn)" if rate["truncate"] else "làm tròn"
    return (
        "Ghi chú: tỷ lệ bằng số đảng viên tham gia chia cho số đảng viên phải học tập, "
        f"{places}, {how}, như chỉ số của biểu mẫu báo cáo."
    )


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


CHART_ROWS = 30  # bars per chart: 51 units make two charts that each fit a page


def _charts(breakdown) -> list[bytes]:
    """The rate-by-unit chart, highest rate first, in page-sized parts; the units are named
    as in the table."""
    from .charts import axis_range, rate_chart

    rows = []
    for row in breakdown:
        indicator = row.indicators.get(RATE)
        rows.append((row.unit.name, indicator.value if indicator else None))
    rows.sort(key=lambda item: (item[1] is None, -(item[1] or 0)))
    parts = max(1, -(-len(rows) // CHART_ROWS))
    size = -(-len(rows) // parts)  # even parts: 26 + 25 rather than 26 + 1 …
    axis = axis_range([float(v) for _n, v in rows if v is not None])
    return [rate_chart(rows[i : i + size], axis=axis) for i in range(0, len(rows), size)]


def study_extras(unit):
    """A callable for narrative.build: the table and chart of one study campaign."""
    counter = [0]

    def extras(key, group) -> list[Block]:
        form, period = _form_and_period(key, group)
        if form is None or period is None:
            return []
        from tuyengiao.reporting.rollup import children_breakdown

        breakdown = children_breakdown(form, unit, period)
        if not breakdown:
            return []
        totals = (group.get(REQUIRED), group.get(ATTENDED))
        number = counter[0] = counter[0] + 1
        name_for_sheet = next(
            (f.source.get("name") for f in group.values() if f.source.get("name")), ""
        )
        sheet = _sheet(breakdown, form, f"Bảng {number} {name_for_sheet or 'nghị quyết'}")
        name = next((f.source.get("name") for f in group.values() if f.source.get("name")), "")
        about = f" {name}" if name else " nghị quyết"
        ids = [f.id for f in (group.get(REQUIRED), group.get(ATTENDED), group.get(RATE)) if f]
        blocks = [
            Block("para", f"(Kết quả của từng đơn vị: Phụ lục, Bảng {number} và Biểu đồ {number}.)",
                  figure_ids=[]),
            Block("caption", f"Bảng {number}. Kết quả học tập, quán triệt{about} theo đơn vị",
                  appendix=True),
            Block("table", rows=_rows(breakdown, group.get(RATE), totals), appendix=True,
                  figure_ids=ids, sheet=sheet),
            Block("note", rounding_note(sheet["rate"]), appendix=True),
        ]  # fmt: skip
        images = _charts(breakdown)
        for index, image in enumerate(images):
            more = " (tiếp theo)" if index else ""
            blocks += [
                Block("caption", f"Biểu đồ {number}{more}. Tỷ lệ đảng viên tham gia học tập theo "
                      "đơn vị", appendix=True),
                Block("chart", image=image, appendix=True),
            ]  # fmt: skip
        return blocks

    return extras
