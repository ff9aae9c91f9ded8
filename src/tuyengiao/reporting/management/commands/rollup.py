import json

from django.core.management.base import BaseCommand, CommandError

from tuyengiao.core.errors import DomainError
from tuyengiao.orgs.services import get_unit

from ... import services
from ...rollup import rollup


class Command(BaseCommand):
    help = (
        "Tổng hợp số liệu một biểu mẫu cho cây đơn vị và kỳ báo cáo: "
        "`rollup --form HT-NQ --unit QU-Q1 --period 2022 --json`, "
        "hoặc một đợt: `rollup --campaign HT-NQ8-2023 --unit QU-Q1 --json`."
    )

    def add_arguments(self, parser):
        parser.add_argument("--form", help="mã biểu mẫu, ví dụ HT-NQ")
        parser.add_argument("--unit", required=True, help="mã đơn vị, ví dụ QU-Q1")
        parser.add_argument("--period", help="mã kỳ, ví dụ 2022")
        parser.add_argument("--campaign", help="mã đợt, ví dụ HT-NQ8-2023 (thay --form, --period)")
        parser.add_argument("--json", action="store_true", help="in JSON")
        parser.add_argument(
            "--include-submitted", action="store_true", help="tính cả báo cáo đã gửi, chưa duyệt"
        )
        parser.add_argument(
            "--level",
            type=int,
            choices=[1, 2],
            help="biểu mẫu duyệt hai cấp: tính báo cáo đã duyệt từ cấp này (mặc định: cấp cuối)",
        )

    def handle(self, *args, **options):
        try:
            if options["campaign"]:
                form, period = services.campaign_collection(options["campaign"])
            elif options["form"] and options["period"]:
                form = services.get_form(options["form"])
                period = services.resolve_period(form, options["period"])
            else:
                raise DomainError("Cần --campaign, hoặc cả --form và --period.")
            unit = get_unit(options["unit"])
        except DomainError as exc:
            raise CommandError(exc.message, returncode=2) from exc
        result = rollup(
            form,
            unit,
            period,
            include_submitted=options["include_submitted"],
            level=options["level"],
        )
        if options["json"]:
            self.stdout.write(json.dumps(result.as_json(), ensure_ascii=False))
            return
        from tuyengiao.core.text import format_number

        labels = {f.code: f.label for f in form.fields.all()}
        self.stdout.write(f"{form.code} — {form.name} · {unit.name} · {period.name}")
        for code, value in result.fields.items():
            self.stdout.write(f"  {labels[code]}: {format_number(value)}")
        for indicator in result.indicators.values():
            self.stdout.write(f"  {indicator.name}: {indicator.display}")
        c = result.completeness
        self.stdout.write(
            f"  Đơn vị: {c.submitted}/{c.expected} đã gửi, {c.approved}/{c.expected} đã duyệt"
        )
