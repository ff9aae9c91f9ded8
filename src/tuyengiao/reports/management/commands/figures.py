"""tuyengiao figures check FILE: do a report's figures add up (and match the database)?"""

import json

from django.core.management.base import BaseCommand, CommandError

from tuyengiao.core.errors import DomainError
from tuyengiao.orgs.services import get_unit
from tuyengiao.reports import checker, services
from tuyengiao.reports.verify import verify

MARKS = {"ok": "ĐÚNG", "rounding": "LÀM TRÒN", "wrong": "SAI"}


class Command(BaseCommand):
    help = "Kiểm tra số liệu trong một báo cáo (.txt hoặc .docx): tỷ lệ, tổng, phần trăm."

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
            self.stdout.write(f"[{MARKS.get(claim.verdict, claim.verdict)}] «{claim.text}»")
            self.stdout.write(f"    {claim.message}")
        if not result.claims:
            self.stdout.write("Không tìm thấy tỷ lệ, tổng hay phần trăm nào để kiểm tra.")
        if result.numbers is not None:
            unmatched = result.unmatched
            matched = len(result.numbers) - len(unmatched)
            self.stdout.write(
                f"Đối chiếu cơ sở dữ liệu: {matched}/{len(result.numbers)} số khớp với số liệu "
                "của hệ thống."
            )
            for number in unmatched:
                self.stdout.write(f"  không khớp: {number.raw} (vị trí {number.start})")
        self.stdout.write(f"Tổng cộng {len(result.claims)} nhận định, {result.wrong} sai.")
