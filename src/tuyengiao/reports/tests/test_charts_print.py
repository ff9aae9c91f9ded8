"""The appendix chart: axis fitted to the data, drawn once per data version."""

from decimal import Decimal

import pytest

from tuyengiao.reports import charts, docx

ROWS = [
    ("Chi bộ Nhà Thiếu nhi Quận 1", Decimal("89.36")),
    ("Đảng ủy phường Đa Kao", Decimal("98.18")),
]


def test_the_axis_starts_below_the_lowest_rate_not_at_zero():
    start, end = charts.axis_range([86.71, 98.18])
    assert start == 80 and 100 < end < 104


def test_a_chart_is_drawn_once_per_data_version(settings, tmp_path, monkeypatch):
    settings.VAR_DIR = tmp_path
    first = charts.rate_chart(ROWS)
    assert first[:4] == b"\x89PNG"

    def must_not_draw(*args):
        raise AssertionError("drawn again")

    monkeypatch.setattr(charts, "_draw", must_not_draw)
    assert charts.rate_chart(ROWS) == first  # the same data: the cached PNG
    with pytest.raises(AssertionError, match="drawn again"):
        charts.rate_chart([*ROWS[:1], ("Đảng ủy phường Đa Kao", Decimal("97.00"))])


def test_the_header_column_fits_the_superior_organisation_on_one_line():
    lines = [
        ("ĐẢNG BỘ THÀNH PHỐ HỒ CHÍ MINH", {"size": 14}),
        ("QUẬN ỦY QUẬN 1", {"bold": True, "size": 14}),
    ]
    left = docx.header_left_mm(lines, "")
    needed = docx.text_mm(lines[0][0], 14) * docx.CAPITALS_FACTOR
    assert left > needed
    right = docx.HEADER_WIDTH_MM - left
    assert right > docx.text_mm("ĐẢNG CỘNG SẢN VIỆT NAM", 15, bold=True) * docx.CAPITALS_FACTOR
