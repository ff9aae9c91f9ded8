import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tuyengiao.core.errors import ValidationFailed
from tuyengiao.outreach.csv_import import parse


def errors_of(raw: bytes) -> list[str]:
    with pytest.raises(ValidationFailed) as info:
        parse(raw)
    return info.value.errors


def test_a_daily_export_is_summed_into_months():
    raw = b"date,posts,interactions\n2022-01-01,3,100\n2022-01-31,2,50\n2022-02-01,1,7\n"
    assert parse(raw) == {(2022, 1): (5, 150), (2022, 2): (1, 7)}


def test_a_monthly_export_with_bom_semicolons_and_vietnamese_thousands_is_read():
    raw = "\ufeffmonth;posts;interactions\n01/2022;352;1.250.321\n2022-02;301;998.000\n"
    assert parse(raw.encode()) == {(2022, 1): (352, 1250321), (2022, 2): (301, 998000)}


def test_vietnamese_headers_and_day_first_dates_are_accepted():
    raw = "Ngày,Bài viết,Lượt tương tác\n31/01/2022,4,90\n".encode()
    assert parse(raw) == {(2022, 1): (4, 90)}


def test_every_bad_row_is_reported_with_row_column_value_and_rule():
    raw = b"date,posts,interactions\n2022-01-01,3,100\n2022-13-01,2,50\n2022-01-03,-1,x\n"
    assert errors_of(raw) == [
        "Dòng 3, cột date: «2022-13-01» không phải ngày dạng 2022-01-31 hoặc 31/01/2022.",
        "Dòng 4, cột posts: «-1» không phải số nguyên không âm.",
        "Dòng 4, cột interactions: «x» không phải số nguyên không âm.",
    ]


def test_a_month_repeated_in_a_monthly_file_is_an_error():
    raw = b"month,posts,interactions\n2022-01,1,1\n2022-01,2,2\n"
    assert "Dòng 3, cột month: tháng «2022-01» lặp lại" in errors_of(raw)[0]


def test_missing_columns_are_named():
    errors = errors_of(b"day,likes\n2022-01-01,3\n")
    assert errors[0].startswith("Dòng 1 (tiêu đề): thiếu cột posts, interactions.")


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        (b"", "Tệp rỗng"),
        (b"PK\x03\x04\x14\x00\x06\x00", "không phải CSV"),
        ("date,posts,interactions\n2022-01-01,1,1\n".encode("utf-16"), "không phải CSV"),
        ("Ngày,posts,interactions\n01/01/2022,1,1\n".encode("cp1252"), "không phải mã UTF-8"),
        (b"date,posts,interactions\n", "không có dòng số liệu"),
    ],
)
def test_broken_or_foreign_files_are_refused_in_vietnamese(raw, fragment):
    assert fragment in errors_of(raw)[0]


def test_an_oversized_file_is_refused(settings):
    settings.MAX_UPLOAD_MB = 1
    raw = b"date,posts,interactions\n" + b"2022-01-01,1,1\n" * 80_000
    assert "vượt giới hạn 1 MB" in errors_of(raw)[0]


days = st.dates(min_value=dt.date(2021, 1, 1), max_value=dt.date(2023, 12, 31))
rows = st.lists(
    st.tuples(days, st.integers(0, 10_000), st.integers(0, 10_000_000)), min_size=1, max_size=60
)


@settings(deadline=None)
@given(rows, st.sampled_from([",", ";"]), st.booleans())
def test_monthly_totals_are_the_sums_of_the_daily_rows(rows, delimiter, bom):
    lines = [delimiter.join(["date", "posts", "interactions"])]
    lines += [delimiter.join([d.isoformat(), str(p), str(i)]) for d, p, i in rows]
    raw = ("\ufeff" if bom else "") + "\n".join(lines) + "\n"
    expected = {}
    for day, posts, interactions in rows:
        old = expected.get((day.year, day.month), (0, 0))
        expected[(day.year, day.month)] = (old[0] + posts, old[1] + interactions)
    assert parse(raw.encode()) == expected
