import json

from django.core.management.base import BaseCommand, CommandError

from tuyengiao.core.errors import DomainError
from tuyengiao.orgs.services import get_unit

from ... import services


class Command(BaseCommand):
    help = (
        "Văn bản: `documents parse SỐ [--json]` phân tích số, ký hiệu; "
        "`documents count --unit MÃ --year NĂM` đếm văn bản đơn vị ban hành trong năm."
    )

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        parse = sub.add_parser("parse", help="Phân tích số, ký hiệu văn bản")
        parse.add_argument("number")
        parse.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
        count = sub.add_parser("count", help="Đếm văn bản một đơn vị ban hành trong năm")
        count.add_argument("--unit", required=True, help="mã đơn vị, ví dụ QU-Q1")
        count.add_argument("--year", required=True, type=int)

    def handle(self, *args, action, **options):
        try:
            if action == "parse":
                self._parse(options["number"], options["json"])
            else:
                unit = get_unit(options["unit"])
                self.stdout.write(str(services.issued_count(unit, options["year"])))
        except DomainError as exc:
            # Exit 2: bad input, as argparse does for a malformed command line.
            raise CommandError(exc.message, returncode=2) from exc

    def _parse(self, number, as_json):
        result = services.parse_summary(number)
        if as_json:
            self.stdout.write(json.dumps(result, ensure_ascii=False))
            return
        self.stdout.write(f"Số thứ tự: {result['sequence_text']} ({result['sequence']})")
        self.stdout.write(f"Loại: {result['type']} {result['type_name']}".rstrip())
        self.stdout.write(f"Cơ quan ban hành: {', '.join(result['issuers'])}")
        for warning in result["warnings"]:
            self.stdout.write(f"Cảnh báo: {warning}")
