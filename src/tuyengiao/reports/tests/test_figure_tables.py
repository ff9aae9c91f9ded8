"""Tables of a .docx (or pasted from Word) are checked row by row from their header."""

import docx
import pytest

from tuyengiao.reports.checker import check_text, read_text
from tuyengiao.reports.tables import find_tables


def _docx(tmp_path, rows, before="Kết quả học tập nghị quyết như sau:"):
    document = docx.Document()
    document.add_paragraph(before)
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.add_paragraph("Đề nghị các đơn vị rà soát số liệu.")
    path = tmp_path / "bang.docx"
    document.save(path)
    return read_text(path)


STUDY = [
    ["TT", "Đơn vị", "Đảng viên phải học tập", "Đảng viên tham gia", "Tỷ lệ"],
    ["1", "Phường A", "120", "114", "95,00%"],
    ["2", "Phường B", "80", "75", "95,75%"],
    ["3", "Phường C", "68", "63", "92,64%"],
    ["", "Tổng cộng", "268", "252", "94,03%"],
]


def test_each_row_is_a_ratio_of_the_columns_the_header_names(tmp_path):
    # given a table whose header names the denominator first, then the numerator
    text = _docx(tmp_path, STUDY)

    # when
    claims = [c for c in check_text(text) if c.where]

    # then
    rows = {c.where: (c.kind, c.verdict, c.expected) for c in claims}
    assert rows["Bảng 1, dòng «Phường A»"] == ("ratio", "ok", None)
    assert rows["Bảng 1, dòng «Phường B»"] == ("ratio", "wrong", "93,75%")
    assert rows["Bảng 1, dòng «Phường C»"] == ("ratio", "rounding", "92,65%")
    wrong = next(c for c in claims if c.where == "Bảng 1, dòng «Phường B»")
    assert wrong.message == (
        "Bảng 1, dòng «Phường B»: Sai tỷ lệ: 75 ÷ 80 = 93,75% → 93,75% (làm tròn thông "
        "thường), văn bản ghi 95,75%."
    )
    assert wrong.text == "2 | Phường B | 80 | 75 | 95,75%"


def test_the_totals_row_is_checked_against_the_column_sums_and_its_own_rate(tmp_path):
    # given 120 + 80 + 68 = 268 and 114 + 75 + 63 = 252, 252 ÷ 268 = 94,029…%
    text = _docx(tmp_path, STUDY)

    # when
    totals = [c for c in check_text(text) if "Tổng cộng" in c.where]

    # then
    assert [(c.kind, c.verdict) for c in totals] == [("sum", "ok"), ("sum", "ok"), ("ratio", "ok")]
    assert "cột «Đảng viên phải học tập»" in totals[0].where


def test_a_totals_row_that_does_not_add_up_is_wrong(tmp_path):
    rows = [list(row) for row in STUDY]
    rows[-1][3] = "262"
    text = _docx(tmp_path, rows)

    totals = [c for c in check_text(text) if "Tổng cộng" in c.where and c.kind == "sum"]

    assert [(c.verdict, c.expected) for c in totals] == [("ok", None), ("wrong", "252")]


def test_without_named_columns_the_never_smaller_count_is_the_denominator():
    # given a table pasted from Word (tabs), the count columns named only by number
    text = "Đơn vị\tCột 1\tCột 2\tTỷ lệ (%)\nChi bộ 1\t45\t50\t90,00%\nChi bộ 2\t30\t40\t70,00%\n"

    claims = check_text(text)

    assert [(c.values["a"], c.values["b"], c.verdict) for c in claims] == [
        (45, 50, "ok"),
        (30, 40, "wrong"),
    ]


def test_a_total_column_is_the_sum_of_its_part_columns():
    text = (
        "Đợt khen thưởng\tTổng số\tTập thể\tCá nhân\n"
        "Công tác Tuyên giáo năm 2022\t15\t5\t10\n"
        "Thực hiện Kế hoạch 05-KH/QU\t16\t5\t10\n"
    )

    claims = check_text(text)

    assert [(c.kind, c.verdict, c.expected) for c in claims] == [
        ("sum", "ok", None),
        ("sum", "wrong", "15"),
    ]


def test_a_rate_written_with_a_decimal_point_in_a_table_is_a_format_notice():
    text = "Đơn vị\tPhải học tập\tTham gia\tTỷ lệ\nPhường A\t80\t76\t95.00%\n"

    claims = check_text(text)

    assert [(c.verdict) for c in claims] == ["format"]
    assert "dấu phẩy" in claims[0].message


@pytest.mark.parametrize(
    "rows",
    [
        [["Nơi nhận:", "T/M BAN THƯỜNG VỤ"]],  # the signature block: two cells
        [["Họ tên", "Chức vụ", "Điện thoại"], ["Nguyễn Văn A", "Phó Ban", "0903 123 456"]],
    ],
)
def test_layout_tables_and_tables_without_figures_make_no_claim(tmp_path, rows):
    text = _docx(tmp_path, rows)

    assert [c for c in check_text(text) if c.where] == []


def test_cells_of_a_docx_table_keep_their_own_prose_claims(tmp_path):
    text = _docx(
        tmp_path,
        [
            ["Nội dung", "Kết quả", "Ghi chú"],
            ["Học tập nghị quyết", "2.249/2.257, đạt tỷ lệ 99,64%", "Số 12/3 đường Lê Lợi"],
        ],
    )

    claims = check_text(text)

    assert [(c.kind, c.verdict) for c in claims] == [("ratio", "rounding")]


def test_find_tables_reads_header_roles():
    text = "TT\tĐơn vị\tTổng số đảng viên\tTham gia\tTỷ lệ\n1\tA\t10\t9\t90%\n"

    (table,) = find_tables(text)

    assert table.roles == {0: "order", 1: "label", 2: "denominator", 3: "numerator", 4: "rate"}


def test_a_two_line_header_gives_the_roles_of_its_lower_line():
    text = (
        "Đơn vị\tKết quả học tập\tKết quả học tập\tKết quả học tập\n"
        "Đơn vị\tSố phải học\tSố tham gia\tTỷ lệ\n"
        "Phường A\t50\t45\t90,00%\n"
        "Phường B\t40\t38\t96,00%\n"
    )

    claims = check_text(text)

    assert [(c.values["a"], c.values["b"], c.verdict, c.expected) for c in claims] == [
        (45, 50, "ok", None),
        (38, 40, "wrong", "95,00%"),
    ]


def test_a_growth_column_compares_the_later_year_with_the_earlier_one():
    # given a change column: not a rate of the two counts (a false alarm before)
    text = (
        "Chỉ tiêu\tNăm 2022\tNăm 2023\tTăng/giảm (%)\n"
        "Số bài viết\t4.169\t4.690\t12,50\n"
        "Số vụ việc\t1.700\t1.530\t-10,00\n"
        "Số lớp\t8\t9\t+15,00\n"
    )

    claims = check_text(text)

    assert [(c.kind, c.verdict, c.expected) for c in claims] == [
        ("growth", "ok", None),
        ("growth", "ok", None),
        ("growth", "wrong", "12,50%"),
    ]
    assert "(1.700 − 1.530) ÷ 1.700 = 10%" in claims[1].message


def test_a_totals_label_merged_across_two_columns_keeps_the_columns_aligned(tmp_path):
    document = docx.Document()
    table = document.add_table(rows=len(STUDY), cols=5)
    for r, row in enumerate(STUDY):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    merged = table.cell(4, 0).merge(table.cell(4, 1))
    merged.text = "Tổng cộng"
    path = tmp_path / "bang.docx"
    document.save(path)

    totals = [c for c in check_text(read_text(path)) if "Tổng cộng" in c.where]

    assert [(c.kind, c.verdict) for c in totals] == [("sum", "ok"), ("sum", "ok"), ("ratio", "ok")]


def test_a_rate_column_without_a_ratio_is_each_rows_share_of_the_totals_row():
    text = (
        "Xếp loại\tSố lượng\tTỷ lệ (%)\n"
        "Hoàn thành xuất sắc nhiệm vụ\t5\t19,23\n"
        "Hoàn thành tốt nhiệm vụ\t19\t73,07\n"
        "Hoàn thành nhiệm vụ\t2\t8,69\n"
        "Tổng cộng\t26\t100\n"
    )

    claims = check_text(text)

    assert [(c.kind, c.verdict, c.expected) for c in claims] == [
        ("share", "ok", None),
        ("share", "rounding", "73,08%"),
        ("share", "wrong", "7,69%"),
        ("sum", "ok", None),
    ]
