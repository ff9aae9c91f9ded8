from decimal import Decimal

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
