"""The figure checker reads Vietnamese prose and checks its ratios, sums and shares."""

import json
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tuyengiao.core.text import format_number, round_decimal
from tuyengiao.reports.checker import (
    check_text,
    find_claims,
    numbers_in_text,
    read_text,
    report_json,
)

SEED_NAME = "shared/seed/000_83e97f45987c09d3.txt"
SEED = next(
    (p / SEED_NAME for p in Path(__file__).resolve().parents if (p / SEED_NAME).exists()),
    Path(SEED_NAME),
)

VERDICTS = [
    # ratios
    pytest.param(
        "Có 51/51 tổ chức cơ sở đảng tham gia (100%).",
        "completeness",
        "ok",
        None,
        id="a full ratio with 100% is ok",
    ),
    pytest.param(
        "Có 50/51 tổ chức cơ sở đảng tham gia, đạt 98,04%.",
        "ratio",
        "ok",
        None,
        id="a ratio rounded half-up is ok",
    ),
    pytest.param(
        "Có 50/51 tổ chức cơ sở đảng tham gia, đạt tỷ lệ 98,03%.",
        "ratio",
        "rounding",
        "98,04%",
        id="a ratio whose percentage was truncated is flagged as rounding",
    ),
    pytest.param(
        "Có 50/51 tổ chức cơ sở đảng tham gia, đạt 97%.",
        "ratio",
        "wrong",
        "98%",
        id="a ratio with the wrong percentage is wrong and gives the right one",
    ),
    pytest.param(
        "Có 52/51 tổ chức cơ sở đảng tham gia.",
        "ratio",
        "wrong",
        None,
        id="a ratio whose first number exceeds the second is wrong",
    ),
    pytest.param(
        "Ngày 10/2/2023, 3/8 đảng viên học tập, đạt tỷ lệ 35,5%.",
        "ratio",
        "wrong",
        "37,5%",
        id="a counted ratio right after a full date is no date",
    ),
    pytest.param(
        "Có 12/10 đảng viên tham gia.",
        "ratio",
        "wrong",
        None,
        id="a counted a/b with a larger a is wrong, not a date",
    ),
    pytest.param(
        "Có 24/24 đảng viên tham gia, đạt tỷ lệ 100%.",
        "completeness",
        "ok",
        None,
        id="24/24 of members is a ratio, not «24/24 giờ»",
    ),
    pytest.param(
        "Học tập với 6.513/8.021/6.970 đảng viên.",
        "ratio",
        "wrong",
        None,
        id="a three-part ratio out of order is wrong",
    ),
    pytest.param(
        "Học tập với 6.513/6.970/8.021 đảng viên.",
        "ratio",
        "unchecked",
        None,
        id="a three-part ratio in order without percentage is unchecked, never ok",
    ),
    # sums
    pytest.param(
        "Kết nạp 120 đảng viên mới, trong đó 45 nữ và 75 nam.",
        "sum",
        "ok",
        None,
        id="parts after trong đó that add up are ok",
    ),
    pytest.param(
        "Kết nạp 120 đảng viên mới, trong đó 45 nữ và 70 nam.",
        "sum",
        "wrong",
        "115",
        id="parts after trong đó that do not add up are wrong",
    ),
    pytest.param(
        "Khen thưởng 15 điển hình, gồm 5 tập thể và 10 cá nhân.",
        "sum",
        "ok",
        None,
        id="parts after gồm that add up are ok",
    ),
    pytest.param(
        "Khen thưởng 15 điển hình, gồm 5 tập thể, 4 chi bộ và 7 cá nhân.",
        "sum",
        "wrong",
        "16",
        id="three parts after gồm that do not add up are wrong",
    ),
    pytest.param(
        "Trang đã đăng 1.250 bài, trong đó 1.000,5 giờ video và 249,5 bài viết.",
        "sum",
        "ok",
        None,
        id="parts with decimal commas add up exactly",
    ),
    # shares
    pytest.param(
        "Đảng bộ có 8.021 đảng viên, trong đó 1.200 đảng viên nữ, chiếm 14,96%.",
        "share",
        "ok",
        None,
        id="a share of the total before trong đó is ok",
    ),
    pytest.param(
        "Chi bộ có 3 đảng viên, trong đó 2 đảng viên nữ, chiếm 66,66%.",
        "share",
        "rounding",
        "66,67%",
        id="a truncated share is flagged as rounding",
    ),
    pytest.param(
        "Đảng bộ có 8.021 đảng viên, trong đó 1.200 đảng viên nữ, chiếm 15,5%.",
        "share",
        "wrong",
        "15,0%",
        id="a wrong share is wrong and gives the right one",
    ),
    pytest.param(
        "Tổng số đảng viên là 8.021; nữ 3.000, chiếm tỷ lệ 37,4%.",
        "share",
        "ok",
        None,
        id="a share of the larger figure earlier in the sentence is ok",
    ),
    # rates stated in the next sentence, growth with its base after «là» or «:»
    pytest.param(
        "Có 6.513/6.970 đảng viên tham gia. Tỷ lệ tham gia đạt 94,44%.",
        "ratio",
        "wrong",
        "93,44%",
        id="a rate in the next sentence belongs to the open ratio",
    ),
    pytest.param(
        "Đăng 4.690 bài viết, tăng 12,5% so với năm 2021 là 4.169 bài.",
        "growth",
        "ok",
        None,
        id="growth with its base after là",
    ),
    pytest.param(
        "Đăng 4.690 bài viết, tăng 13,5% so với năm 2021: 4.169 bài.",
        "growth",
        "wrong",
        "12,5%",
        id="wrong growth with its base after a colon",
    ),
    pytest.param(
        "Có 1.120 đảng viên tham gia trên tổng số 1.200 đảng viên, đạt 95,3%.",
        "ratio",
        "wrong",
        "93,3%",
        id="words between a and «trên tổng số» b",
    ),
    pytest.param(
        "Số đảng viên được kiểm tra là 45, bằng 115% so với kế hoạch (40 đảng viên).",
        "ratio",
        "wrong",
        "113%",
        id="a result against its plan, «bằng p% kế hoạch»",
    ),
    pytest.param(
        "Số bài viết 4.690, tăng 2 lần so với năm trước (2.345 bài).",
        "growth",
        "unchecked",
        None,
        id="«tăng 2 lần» is not a difference of 2",
    ),
    pytest.param(
        "Chỉ số xếp hạng 10, tăng 5 bậc so với năm trước (hạng 15).",
        "growth",
        "unchecked",
        None,
        id="a rank is not a count",
    ),
]


@pytest.mark.parametrize(("sentence", "kind", "verdict", "expected"), VERDICTS)
def test_a_sentence_gets_its_verdict(sentence, kind, verdict, expected):
    # when
    claims = check_text(sentence)

    # then
    assert [(c.kind, c.verdict, c.expected) for c in claims] == [(kind, verdict, expected)]
    assert claims[0].text == sentence[claims[0].start : claims[0].end]
    assert claims[0].message


NO_CLAIMS = [
    pytest.param("Ngày 10/2/2023, Quận ủy tổ chức hội nghị.", id="a full date"),
    pytest.param("Hội nghị diễn ra ngày 10/2 tại hội trường.", id="a day and month after ngày"),
    pytest.param("Các ngày 10/2 và 15/3 là mốc quan trọng.", id="a second date after và"),
    pytest.param("Từ 30/4 đến 1/5 các đơn vị trực.", id="a date range"),
    pytest.param("Tháng 2/2023 có nhiều hoạt động.", id="a month and year"),
    pytest.param("Thực hiện Kế hoạch số 05-KH/QU và Nghị quyết 35-NQ/BCT.", id="document numbers"),
    pytest.param(
        "Sơ kết Đề án 05 – ĐA/TU và Đề án số 05-ĐA/TU.", id="document numbers with dashes"
    ),
    pytest.param(
        "Theo Nghị định 13/2023/NĐ-CP và Quyết định 1234/QĐ-UBND.", id="state document numbers"
    ),
    pytest.param("Tổng kết năm học 2022-2023 và năm học 2022/2023.", id="school years"),
    pytest.param("Trang đã có 17.096.939 lượt tương tác, 4.690 bài viết.", id="big plain numbers"),
    pytest.param(
        "Đăng 4.690 bài viết, trong đó có nhiều bài thu hút 17.096.939 lượt xem.",
        id="trong đó followed by a single number",
    ),
    pytest.param(
        "Liên hệ 0903.123.456, 0903 123 456 hoặc (028) 38291234.", id="phone-like numbers"
    ),
    pytest.param("Ban Chỉ đạo 35 Quận 1 và Hội nghị Trung ương 6.", id="names carrying a number"),
    pytest.param("Cách mạng công nghiệp 4.0 và mạng 5G.", id="codes"),
    pytest.param("Trụ sở tại số 3/12 … đã được sửa chữa.", id="an address after tại số"),
    pytest.param("Hoàn thành báo cáo hạn 5/6, trước lễ 2/9.", id="deadlines and holidays"),
    pytest.param("Học sinh lớp 12/3 và lớp 9/1 tham gia cuộc thi.", id="school classes"),
]


@pytest.mark.parametrize("sentence", NO_CLAIMS)
def test_a_sentence_without_figures_to_check_yields_no_claim(sentence):
    assert find_claims(sentence) == []


def test_a_rate_in_another_paragraph_does_not_join_the_ratio():
    claims = check_text("Có 6.513/6.970 đảng viên tham gia.\nTỷ lệ hộ nghèo đạt 1,5%.")

    assert [(c.kind, c.verdict) for c in claims] == [("ratio", "unchecked"), ("rate", "unchecked")]


@pytest.mark.skipif(not SEED.exists(), reason="the seed article is not present")
def test_the_seed_article_gives_exactly_its_three_claims():
    # given
    text = read_text(SEED)

    # when
    claims = check_text(text)

    # then
    found = [(c.text.split()[0], c.values.get("p"), c.verdict) for c in claims]
    assert found == [
        ("51/51", None, "ok"),  # completeness: all of them
        ("6.513/6.970/8.021", Decimal("93.44"), "ok"),
        ("2.249/2.257", Decimal("99.64"), "rounding"),
    ]
    assert claims[2].expected == "99,65%"
    assert claims[2].message == (
        "Làm tròn: 2.249 ÷ 2.257 = 99,6455…% → 99,65% (làm tròn thông thường); văn bản ghi "
        "99,64% là giá trị cắt bớt, làm tròn xuống."
    )
    assert claims[1].message == (
        "Đúng: 6.513 ÷ 6.970 = 93,4433…% → 93,44% (làm tròn thông thường); văn bản ghi 93,44%."
    )
    for not_a_claim in ("10/2/2023", "05-KH/QU", "35-NQ/BCT"):
        position = text.index(not_a_claim)
        assert not any(c.start <= position < c.end for c in claims)


def test_numbers_in_text_lists_figures_but_not_dates_documents_or_years():
    # given
    text = "Ngày 10/2/2023, theo Kế hoạch 05-KH/QU, năm 2022 có 6.513/6.970 đảng viên (93,44%)."

    # when
    numbers = numbers_in_text(text)

    # then
    assert [(raw, value) for _, _, value, raw in numbers] == [
        ("6.513", Decimal(6513)),
        ("6.970", Decimal(6970)),
        ("93,44%", Decimal("93.44")),
    ]
    assert all(text[start:end] == raw for start, end, _, raw in numbers)


def test_the_json_report_counts_wrong_claims_and_serialises_numbers():
    # given
    claims = check_text("Có 50/51 chi bộ, đạt 97%. Kết nạp 12 người, gồm 5 nam và 7 nữ.")

    # when
    report = json.loads(json.dumps(report_json(claims)))

    # then
    assert report["wrong"] == 1
    assert report["claims"][0]["values"] == {"a": 50, "b": 51, "p": 97}
    assert report["claims"][1]["values"] == {"total": 12, "parts": [5, 7]}
    assert set(report["claims"][0]) == {
        "kind",
        "text",
        "start",
        "end",
        "values",
        "verdict",
        "expected",
        "message",
        "where",
    }


def _truncated(a: int, b: int, places: int) -> Decimal:
    return round_decimal(Decimal(a) * 100 / Decimal(b), places, "truncate")


@settings(max_examples=200, deadline=None)
@given(
    b=st.integers(min_value=1, max_value=10_000_000),
    fraction=st.fractions(min_value=0, max_value=1),
    places=st.integers(min_value=0, max_value=3),
)
def test_a_truncated_percentage_is_never_wrong_and_a_wrong_one_always_is(b, fraction, places):
    # given a ≤ b and p = a ÷ b × 100 truncated at `places` decimals
    a = int(b * fraction)
    p = _truncated(a, b, places)
    ratio = f"{format_number(a)}/{format_number(b)}"

    # when
    truncated = check_text(f"{ratio} đạt tỷ lệ {format_number(p)}%")
    off = check_text(f"{ratio} đạt tỷ lệ {format_number(p + Decimal(2).scaleb(-places))}%")

    # then
    assert [c.verdict for c in truncated] in (["ok"], ["rounding"])
    assert [c.verdict for c in off] == ["wrong"]


def test_a_docx_is_read_with_its_paragraphs_and_table_cells(tmp_path):
    # given
    document = docx.Document()
    document.add_paragraph("Có 51/51 tổ chức cơ sở đảng tham gia.")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Đảng viên học tập"
    table.cell(0, 1).text = "2.249/2.257, đạt tỷ lệ 99,64%"
    path = tmp_path / "bao-cao.docx"
    document.save(path)

    # when
    text = read_text(path)

    # then
    assert "Đảng viên học tập" in text
    assert [c.verdict for c in check_text(text)] == ["ok", "rounding"]


def test_a_broken_docx_is_refused_with_a_vietnamese_message(tmp_path):
    path = tmp_path / "bao-cao.docx"
    path.write_bytes(b"not a zip file")

    with pytest.raises(ValueError, match="bị hỏng"):
        read_text(path)


def test_a_file_of_another_type_is_refused_with_a_vietnamese_message(tmp_path):
    path = tmp_path / "bao-cao.pdf"
    path.write_bytes(b"%PDF-1.4")

    with pytest.raises(ValueError, match="không được hỗ trợ"):
        read_text(path)


def test_a_text_file_not_in_utf8_is_refused_with_a_vietnamese_message(tmp_path):
    path = tmp_path / "bao-cao.txt"
    # given a file saved in a legacy Windows code page
    path.write_bytes("Có 51/51 đơn".encode("cp1258"))

    with pytest.raises(ValueError, match="UTF-8"):
        read_text(path)


def _grouped(n: int, separator: str) -> str:
    return format_number(n).replace(".", separator)


@settings(max_examples=150, deadline=None)
@given(
    b=st.integers(min_value=1, max_value=9_999_999),
    fraction=st.fractions(min_value=0, max_value=1),
    separator=st.sampled_from([".", " ", "\u00a0"]),
    phrase=st.sampled_from(
        [
            "{a}/{b} đảng viên tham gia, đạt tỷ lệ {p}%.",
            "Tỷ lệ tham gia là {p}% ({a}/{b} đảng viên).",
            "Có {a} trên tổng số {b} đảng viên tham gia, đạt {p} phần trăm.",
        ]
    ),
)
def test_any_grouping_and_phrasing_of_a_right_rate_is_ok_and_a_wrong_one_is_wrong(
    b, fraction, separator, phrase
):
    # given a ≤ b, thousands grouped by dots, spaces or no-break spaces, and p rounded half-up
    a = int(b * fraction)
    p = round_decimal(Decimal(a) * 100 / Decimal(b), 2)
    text = phrase.format(a=_grouped(a, separator), b=_grouped(b, separator), p="{p}")

    # when
    right = check_text(text.format(p=format_number(p)))
    off = check_text(text.format(p=format_number(p + Decimal("0.05"))))

    # then
    assert [(c.kind, c.verdict) for c in right] in (
        [("ratio", "ok")],
        [("completeness", "ok")],
    ), text
    assert [c.verdict for c in off] == ["wrong"], text
