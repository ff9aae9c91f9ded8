from decimal import Decimal

import pytest

from tuyengiao.reporting import charts
from tuyengiao.reporting.charts import rate_by_unit_chart


def test_the_rate_chart_draws_svg_for_pages_and_png_for_the_word_report():
    rows = [
        ("Phường Bến Nghé", Decimal("94.94")),
        ("Phường Đa Kao", Decimal("98.18")),
        ("Chi bộ chưa báo cáo", None),
    ]
    svg = rate_by_unit_chart(rows, title="Tỷ lệ đảng viên tham gia học tập", fmt="svg")
    assert b"<svg" in svg and "Phường Bến Nghé".encode() in svg and b"94,94%" in svg
    png = rate_by_unit_chart(rows, title="Tỷ lệ", fmt="png")
    assert png.startswith(b"\x89PNG")


def test_a_page_chart_is_drawn_once_per_data_version(monkeypatch):
    rows = [("Phường Bến Nghé", Decimal("94.94")), ("Phường Đa Kao", Decimal("98.18"))]
    first = rate_by_unit_chart(rows, title="Tỷ lệ đã gửi")

    def must_not_draw(*args):
        raise AssertionError("drawn again")

    monkeypatch.setattr(charts, "_draw", must_not_draw)
    assert rate_by_unit_chart(rows, title="Tỷ lệ đã gửi") == first  # the same data
    for changed in (
        {"rows": [rows[0], ("Phường Đa Kao", Decimal("97.00"))], "title": "Tỷ lệ đã gửi"},
        {"rows": rows, "title": "Tỷ lệ đã duyệt"},
        {"rows": rows, "title": "Tỷ lệ đã gửi", "decimals": 1},
        {"rows": rows, "title": "Tỷ lệ đã gửi", "fmt": "png"},
    ):
        with pytest.raises(AssertionError, match="drawn again"):
            rate_by_unit_chart(**changed)
