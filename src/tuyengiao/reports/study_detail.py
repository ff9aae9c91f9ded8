"""The study campaign's table per unit and its rate-by-unit chart.

The table comes from the provider of the study figures (campaigns registers its
`study_table` for the section, core.registry): the same rollup the dashboard's drill-down
shows, so the report's table and the web page agree. Which fields and which rate make the
table is the provider's to say (its form's indicator); the report lays it out.
"""

from __future__ import annotations

from tuyengiao.core.figures import RateTable, rate_table
from tuyengiao.core.text import format_number, vi_sorted

from .content import Block


def _by_name(table: RateTable):
    return vi_sorted(table.rows, key=lambda row: row.unit)


def _sheet(table: RateTable, title) -> dict:
    """The table's numbers as numbers, for the annex (rates become formulas there)."""
    return {
        "title": title,
        "columns": ["Đảng viên phải học tập", "Đảng viên tham gia"],
        "rows": [[row.unit, row.denominator, row.numerator] for row in _by_name(table)],
        "rate": {
            "label": "Tỷ lệ",
            "numerator": 1,
            "denominator": 0,
            "decimals": table.decimals,
            "truncate": table.truncate,
        },
    }


_PLACES = {
    0: "không lấy chữ số thập phân",
    1: "lấy một chữ số thập phân",
    2: "lấy hai chữ số thập phân",
    3: "lấy ba chữ số thập phân",
}


def rounding_note(rate: dict) -> str:
    """The table's rounding, declared under it (the report rounds as the indicator does)."""
    places = _PLACES.get(rate["decimals"], f"lấy {rate['decimals']} chữ số thập phân")
    how = "bỏ phần lẻ sau đó (không làm tròn)" if rate["truncate"] else "làm tròn"
    return (
        "Ghi chú: tỷ lệ bằng số đảng viên tham gia chia cho số đảng viên phải học tập, "
        f"{places}, {how}, như chỉ số của biểu mẫu báo cáo."
    )


def _rows(table: RateTable, totals) -> list[list[str]]:
    """The table as printed; `totals` are the group's figures for its three columns."""
    rows = [["TT", "Đơn vị", "Đảng viên phải học tập", "Đảng viên tham gia", "Tỷ lệ"]]
    for index, row in enumerate(_by_name(table), start=1):
        rows.append(
            [
                str(index),
                row.unit,
                format_number(row.denominator),
                format_number(row.numerator),
                row.rate_display,
            ]
        )
    rows.append(["", "Tổng cộng", *(total.display if total else "—" for total in totals)])
    return rows


CHART_ROWS = 30  # bars per chart: 51 units make two charts that each fit a page


def _charts(table: RateTable) -> list[bytes]:
    """The rate-by-unit chart, highest rate first, in page-sized parts; the units are named
    as in the table."""
    from .charts import axis_range, rate_chart

    rows = [(row.unit, row.rate) for row in table.rows]
    rows.sort(key=lambda item: (item[1] is None, -(item[1] or 0)))
    parts = max(1, -(-len(rows) // CHART_ROWS))
    size = -(-len(rows) // parts)  # even parts: 26 + 25 rather than 26 + 1 …
    axis = axis_range([float(v) for _n, v in rows if v is not None])
    return [rate_chart(rows[i : i + size], axis=axis) for i in range(0, len(rows), size)]


def study_extras(unit):
    """A callable for narrative.build: the table and chart of one study campaign."""
    counter = [0]

    def extras(key, group) -> list[Block]:
        table = rate_table("study", key, unit)
        if table is None or not table.rows:
            return []
        number = counter[0] = counter[0] + 1
        name = next((f.source.get("name") for f in group.values() if f.source.get("name")), "")
        sheet = _sheet(table, f"Bảng {number} {name or 'nghị quyết'}")
        about = f" {name}" if name else " nghị quyết"
        totals = [group.get(k) for k in (table.denominator, table.numerator, table.rate)]
        ids = [f.id for f in totals if f]
        blocks = [
            Block(
                "para",
                f"(Kết quả của từng đơn vị: Phụ lục, Bảng {number} và Biểu đồ {number}.)",
                figure_ids=[],
            ),
            Block(
                "caption",
                f"Bảng {number}. Kết quả học tập, quán triệt{about} theo đơn vị",
                appendix=True,
            ),
            Block("table", rows=_rows(table, totals), appendix=True, figure_ids=ids, sheet=sheet),
            Block("note", rounding_note(sheet["rate"]), appendix=True),
        ]
        images = _charts(table)
        for index, image in enumerate(images):
            more = " (tiếp theo)" if index else ""
            blocks += [
                Block(
                    "caption",
                    f"Biểu đồ {number}{more}. Tỷ lệ đảng viên tham gia học tập theo đơn vị",
                    appendix=True,
                ),
                Block("chart", image=image, appendix=True),
            ]
        return blocks

    return extras
