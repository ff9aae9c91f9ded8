"""tuyengiao figures check FILE: do a report's figures add up (and match the database)?"""

import json
import re

from django.core.management.base import BaseCommand, CommandError

from tuyengiao.core.errors import DomainError
from tuyengiao.orgs.services import get_unit
from tuyengiao.reports import checker, services
from tuyengiao.reports.verify import verify

MARKS = {
    "ok": "ĐÚNG",
    "rounding": "LÀM TRÒN",
    "wrong": "SAI",
    "format": "SAI QUY ƯỚC",
    "unchecked": "CHƯA KIỂM TRA",
}
KIND_WORDS = {
    "ratio": "tỷ lệ",
    "completeness": "đủ số",
    "sum": "tổng",
    "share": "tỷ trọng",
    "growth": "tăng giảm",
    "rate": "tỷ lệ",
}


class Command(BaseCommand):
    help = "Kiểm tra số liệu trong một báo cáo (.txt hoặc .docx): tỷ lệ, tổng, tỷ trọng, tăng giảm."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        check = sub.add_parser("check", help="kiểm tra các số liệu trong tệp")
        check.add_argument("file", help="tệp .txt (UTF-8) hoặc .docx")
        check.add_argument("--json", action="store_true", help="in JSON")
        check.add_argument(
            "--against-db", action="store_true", help="đối chiếu từng số với số liệu của hệ thống"
        )
        check.add_argument("--unit", help="mã đơn vị khi đối chiếu, ví dụ QU-Q1")
        check.add_argument("--year", help="năm khi đối chiếu, ví dụ 2022")

    def handle(self, *args, action, file, **options):
        try:
            text = checker.read_text(file)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        figures = None
        if options["against_db"]:
            if not options["unit"] or not options["year"]:
                raise CommandError("--against-db cần --unit (mã đơn vị) và --year (năm).")
            try:
                unit = get_unit(options["unit"])
                figures = services.collect_figures(unit, services.check_year(options["year"]))
            except DomainError as exc:
                raise CommandError(exc.message) from exc
        result = verify(text, figures)
        if options["json"]:
            self.stdout.write(json.dumps(result.as_json(), ensure_ascii=False, indent=2))
        else:
            self._print(result)
        if result.wrong:
            raise CommandError(f"Có {result.wrong} số liệu sai.", returncode=1)

    def _print(self, result):
        for claim in result.claims:
            mark = MARKS.get(claim.verdict, claim.verdict)
            self.stdout.write(f"[{mark}] ({KIND_WORDS[claim.kind]}) «{claim.text}»")
            self.stdout.write(f"    {claim.message}")
        if not result.claims:
            self.stdout.write(
                "Không tìm thấy tỷ lệ, tổng, tỷ trọng hay mức tăng giảm nào để kiểm tra."
            )
        if result.numbers is not None:
            for number in result.contradictions:
                figure = number.contradicts
                self.stdout.write(
                    f"[SAI] (khác số liệu hệ thống) «{number.raw}» trong câu «{_around(number)}»"
                )
                self.stdout.write(
                    f"    Hệ thống ghi «{figure['label']}» = {figure['display']} "
                    f"({figure['id']}), văn bản ghi {number.raw}."
                )
            unmatched = result.unmatched
            matched = sum(1 for n in result.numbers if n.figures)
            self.stdout.write(
                f"Đối chiếu cơ sở dữ liệu: {matched}/{len(result.numbers)} số khớp với số liệu "
                f"của hệ thống theo nội dung; {len(result.contradictions)} số khác số liệu hệ "
                f"thống; {len(unmatched)} số không tìm thấy trong số liệu của hệ thống."
            )
            for number in unmatched:
                self.stdout.write(f"  không khớp: {number.raw} — trong câu «{_around(number)}»")
        c = result.counts
        self.stdout.write(
            f"Tổng cộng {len(result.claims)} nhận định: {c['ok']} đúng, {c['rounding']} làm tròn, "
            f"{c['format']} sai quy ước, {c['unchecked']} chưa kiểm tra được, {result.wrong} sai."
        )


def _around(number, width: int = 70) -> str:
    """The sentence, shortened to the words around the number when it is long."""
    sentence = number.sentence
    if len(sentence) <= 2 * width + 20:
        return sentence
    found = re.search(r"(?<![\d.,])" + re.escape(number.raw) + r"(?![\d])", sentence)
    at = found.start() if found else 0
    start, end = max(0, at - width), min(len(sentence), at + len(number.raw) + width)
    start = sentence.rfind(" ", 0, start) + 1 if start else 0
    cut = sentence.find(" ", end)
    end = len(sentence) if cut == -1 else cut
    return ("…" if start else "") + sentence[start:end] + ("…" if end < len(sentence) else "")
