"""tuyengiao figures check and the checker page, on top of reports.checker."""

import io
import json
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

pytestmark = pytest.mark.django_db

SEED_NAME = "shared/seed/000_83e97f45987c09d3.txt"
SEED = next(
    (p / SEED_NAME for p in Path(__file__).resolve().parents if (p / SEED_NAME).exists()),
    Path(SEED_NAME),
)
CHECK = reverse("reports:check")


@pytest.fixture
def seed_text():
    if not SEED.exists():
        pytest.skip("the seed article is not next to the project")
    return SEED.read_text(encoding="utf-8")


def run(*args):
    out = io.StringIO()
    call_command("figures", "check", *args, stdout=out)
    return out.getvalue()


def test_the_seed_article_has_no_wrong_claim_and_one_truncated_rate(seed_text, tmp_path):
    payload = json.loads(run(str(SEED), "--json"))
    verdicts = {c["text"].split(" ")[0]: c["verdict"] for c in payload["claims"]}
    assert verdicts["51/51"] == "ok"
    assert verdicts["6.513/6.970/8.021"] == "ok"
    assert verdicts["2.249/2.257"] == "rounding"
    assert payload["wrong"] == 0


def test_a_wrong_rate_exits_with_1_and_names_the_right_value(tmp_path):
    path = tmp_path / "bao-cao.txt"
    path.write_text("Có 6.513/6.970 đảng viên tham gia, đạt tỷ lệ 94,44%.", encoding="utf-8")
    out = io.StringIO()
    with pytest.raises(CommandError) as error:
        call_command("figures", "check", str(path), stdout=out)
    assert error.value.returncode == 1
    assert "[SAI]" in out.getvalue() and "93,44%" in out.getvalue()


def test_against_the_database_lists_the_numbers_no_figure_has(tmp_path):
    path = tmp_path / "bao-cao.txt"
    path.write_text(
        "Tổ chức 9 lớp bồi dưỡng chính trị hè với 2.249/2.257 học viên; 4.691 bài viết.",
        encoding="utf-8",
    )
    payload = json.loads(
        run(str(path), "--json", "--against-db", "--unit", "QU-Q1", "--year", "2022")
    )
    unmatched = [n["text"] for n in payload["unmatched"]]
    assert unmatched == ["4.691"]
    matched = {n["text"]: [f["id"] for f in n["figures"]] for n in payload["numbers"]}
    assert "training.chinh-tri-he.attended" in matched["2.249"]


def test_the_generated_report_checks_clean_against_the_database(demo_report, tmp_path):
    path = tmp_path / "bao-cao-2022.docx"
    path.write_bytes(demo_report[0])
    payload = json.loads(
        run(str(path), "--json", "--against-db", "--unit", "QU-Q1", "--year", "2022")
    )
    assert payload["wrong"] == 0
    # the indicators' own rounding rules are applied: no rounding notice on the system's
    # own truncated rates (99,64%, 98,58% and the table's per-unit rates)
    assert payload["counts"]["rounding"] == 0
    assert payload["contradictions"] == []
    # Every ratio the report prints is a figure of the system.
    ratio_numbers = {n for c in payload["claims"] for n in c["text"].split()[0].split("/")}
    unmatched = {n["text"] for n in payload["unmatched"]}
    assert not ratio_numbers & unmatched
    assert unmatched == set()


def test_the_generated_report_prints_no_wrong_and_no_rounding_notice(demo_report, tmp_path):
    path = tmp_path / "bao-cao-2022.docx"
    path.write_bytes(demo_report[0])

    out = run(str(path), "--against-db", "--unit", "QU-Q1", "--year", "2022")

    assert "[SAI]" not in out and "[LÀM TRÒN]" not in out
    assert "0 làm tròn" in out and "0 sai." in out
    assert "theo quy tắc của chỉ tiêu" in out


def _against_db(tmp_path, text):
    path = tmp_path / "bao-cao.txt"
    path.write_text(text, encoding="utf-8")
    out = io.StringIO()
    try:
        call_command(
            "figures",
            "check",
            str(path),
            "--json",
            "--against-db",
            "--unit",
            "QU-Q1",
            "--year",
            "2022",
            stdout=out,
        )
    except CommandError:
        pass  # exit status 1 when something is wrong; the JSON was printed before
    return json.loads(out.getvalue())


def test_a_figure_contradicted_by_the_system_is_wrong_even_if_its_value_exists_elsewhere(
    tmp_path,
):
    # given the system counts 9 summer classes and 8 is no figure, while 5 is the number of
    # classes for new members: "5 lớp bồi dưỡng chính trị hè" would pass if matched by value
    payload = _against_db(
        tmp_path,
        "3. Giáo dục lý luận chính trị\n"
        "Tổ chức 8 lớp bồi dưỡng chính trị hè với 2.249/2.257 học viên; "
        "5 lớp bồi dưỡng đảng viên mới với 439/446 học viên.",
    )

    contradicted = {n["text"]: n["contradicts"]["id"] for n in payload["contradictions"]}
    assert contradicted == {"8": "training.chinh-tri-he.classes"}
    assert payload["wrong"] == 1
    matched = {n["text"]: [f["id"] for f in n["figures"]] for n in payload["numbers"]}
    assert matched["5"] == ["training.dang-vien-moi.classes"]


def test_a_value_of_the_system_with_another_meaning_is_not_a_match(tmp_path):
    # 51 is the number of units that reported, not of new members
    payload = _against_db(tmp_path, "Trong năm, kết nạp 51 đảng viên mới.")

    assert [(n["text"], n["sentence"]) for n in payload["unmatched"]] == [
        ("51", "Trong năm, kết nạp 51 đảng viên mới")
    ]


def test_each_rate_is_checked_with_its_indicators_rule(tmp_path):
    # the summer-class rate is truncated by its rule: 99,64% is right, 99,65% is the notice
    payload = _against_db(
        tmp_path,
        "Có 2.249/2.257 học viên, đạt tỷ lệ 99,64%. Có 2.249/2.257 học viên, đạt tỷ lệ 99,65%.",
    )

    verdicts = [(c["verdict"], c["expected"]) for c in payload["claims"]]
    assert verdicts == [("ok", None), ("rounding", "99,64%")]
    assert "cắt bớt, làm tròn xuống, theo quy tắc của chỉ tiêu" in payload["claims"][0]["message"]


def test_an_unmatched_number_is_listed_once_with_its_sentence(tmp_path):
    payload = _against_db(
        tmp_path,
        "Phát hành 1.234 tờ gấp và 1.234 tờ gấp nữa. Ngày 10/2/2023 theo Kế hoạch 05-KH/QU.",
    )

    assert [(n["text"], n["sentence"]) for n in payload["unmatched"]] == [
        ("1.234", "Phát hành 1.234 tờ gấp và 1.234 tờ gấp nữa")
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--against-db"], "--against-db cần --unit"),
        (["--against-db", "--unit", "QU-XX", "--year", "2022"], "Không có đơn vị mã «QU-XX»"),
    ],
)
def test_bad_arguments_get_a_vietnamese_message(tmp_path, args, message):
    path = tmp_path / "a.txt"
    path.write_text("51/51", encoding="utf-8")
    with pytest.raises(CommandError, match=message):
        run(str(path), *args)


def test_an_unsupported_file_is_refused_by_name(tmp_path):
    path = tmp_path / "bao-cao.pdf"
    path.write_bytes(b"%PDF-1.4")
    with pytest.raises(CommandError, match="bao-cao.pdf"):
        run(str(path))


def test_the_page_shows_each_claim_with_its_verdict(client, reporter, seed_text):
    client.force_login(reporter)
    page = client.post(CHECK, {"text": seed_text}).content.decode()
    assert page.count('<tr data-verdict="ok"') == 2
    assert page.count('<tr data-verdict="rounding"') == 1
    # each claim is highlighted in the text too, linked to its row
    assert page.count('<mark class="px-0 rounded bg-success-subtle" data-verdict="ok"') == 2
    assert '<a href="#claim-3" class="text-reset text-decoration-none">2.249/2.257' in page
    assert "99,65%" in page


def test_the_page_reads_an_uploaded_report(client, specialist, demo_report):
    client.force_login(specialist)
    upload = SimpleUploadedFile("bao-cao.docx", demo_report[0])
    response = client.post(CHECK, {"file": upload, "unit": "QU-Q1", "year": "2022"})
    page = response.content.decode()
    assert response.status_code == 200
    # the indicators' own rule is to truncate: the system's own report has no notice
    assert '<tr data-verdict="ok"' in page
    assert 'data-verdict="wrong"' not in page and 'data-verdict="rounding"' not in page


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bao-cao.docx", b"not a zip at all", "không phải tệp Word .docx"),
        ("bao-cao.docx", b"PK\x03\x04broken", "bị hỏng hoặc không phải tệp Word"),
        ("bao-cao.xlsx", b"PK\x03\x04", "chỉ nhận tệp .docx hoặc .txt"),
        ("bao-cao.txt", "Tỷ lệ".encode("utf-16"), "không phải văn bản mã hóa UTF-8"),
    ],
)
def test_a_bad_upload_gets_a_vietnamese_message(client, reporter, name, content, message):
    client.force_login(reporter)
    response = client.post(CHECK, {"file": SimpleUploadedFile(name, content)})
    assert response.status_code == 400
    assert message in response.content.decode()


def test_an_oversized_upload_is_refused(client, reporter, settings):
    settings.MAX_UPLOAD_MB = 1
    client.force_login(reporter)
    big = SimpleUploadedFile("bao-cao.txt", b"1" * (1024 * 1024 + 1))
    response = client.post(CHECK, {"file": big})
    assert response.status_code == 400 and "vượt mức tối đa 1 MB" in response.content.decode()


def test_an_empty_submission_asks_for_text(client, reporter):
    client.force_login(reporter)
    response = client.post(CHECK, {})
    assert response.status_code == 400 and "Hãy dán văn bản" in response.content.decode()


def test_a_sibling_ward_cannot_match_against_ben_nghe_figures(client, outsider):
    client.force_login(outsider)
    response = client.post(CHECK, {"text": "51/51", "unit": "DU-BEN-NGHE", "year": "2022"})
    assert response.status_code == 400
    assert "Bến Nghé" not in response.content.decode()


def test_a_table_pasted_from_word_is_checked_row_by_row_on_the_page(client, specialist):
    # given a table copied from Word: cells separated by tabs, lines by CRLF from the form
    text = (
        "TT\tĐơn vị\tĐảng viên phải học tập\tĐảng viên tham gia\tTỷ lệ\r\n"
        "1\tPhường A\t120\t114\t95,00%\r\n"
        "2\tPhường B\t80\t75\t95,75%\r\n"
    )
    client.force_login(specialist)

    page = client.post(CHECK, {"text": text, "unit": "QU-Q1", "year": "2022"}).content.decode()

    assert page.count('<tr data-verdict="ok"') == 1
    assert page.count('<tr data-verdict="wrong"') == 1
    assert "Bảng 1, dòng «Phường B»: Sai tỷ lệ: 75 ÷ 80 = 93,75%" in page
    # a number of a table is quoted with its row, not an offset
    assert '<div class="small text-muted">«2 | Phường B | 80 | 75 | 95,75%»</div>' in page


def test_the_command_prints_an_unmatched_number_with_the_words_around_it(tmp_path):
    path = tmp_path / "bao-cao.txt"
    long_start = "Trong năm, " + "các chi bộ tiếp tục quán triệt, triển khai thực hiện, " * 4
    path.write_text(long_start + "phát hành 1.234 tờ gấp tuyên truyền.", encoding="utf-8")

    out = run(str(path), "--against-db", "--unit", "QU-Q1", "--year", "2022")

    line = next(line for line in out.splitlines() if "không khớp" in line)
    assert line.startswith("  không khớp: 1.234 — trong câu «…")
    assert line.endswith("phát hành 1.234 tờ gấp tuyên truyền»")
