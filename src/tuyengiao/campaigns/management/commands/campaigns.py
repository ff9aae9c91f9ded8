import datetime as dt
import json

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from tuyengiao.core.actors import SYSTEM
from tuyengiao.core.errors import DomainError
from tuyengiao.orgs.choices import UnitKind
from tuyengiao.orgs.services import get_unit
from tuyengiao.reporting import services as reporting

from ... import services


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise DomainError(f"Hạn «{text}» không phải ngày dạng 2023-12-31.") from exc


class Command(BaseCommand):
    help = (
        "Đợt học tập, quán triệt: `campaigns open HT-NQ8-2023 --form HT-NQ --period 2023 "
        '--title "…" --unit QU-Q1 --json` mở đợt (mở lại cùng mã không thay đổi gì).'
    )

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        opened = sub.add_parser("open", help="Mở một đợt với bộ số liệu riêng")
        opened.add_argument("code", help="mã đợt, ví dụ HT-NQ8-2023")
        opened.add_argument("--form", required=True, help="mã biểu mẫu, ví dụ HT-NQ")
        opened.add_argument("--period", required=True, help="kỳ theo lịch, ví dụ 2023")
        opened.add_argument("--title", required=True, help="tên đợt")
        opened.add_argument("--unit", required=True, help="đơn vị tổ chức, ví dụ QU-Q1")
        opened.add_argument(
            "--kind",
            default=UnitKind.GRASSROOTS,
            help="loại đơn vị được giao (mặc định grassroots)",
        )
        opened.add_argument("--deadline", help="hạn báo cáo, ví dụ 2023-12-31")
        opened.add_argument("--user", help="người mở đợt (mặc định: Hệ thống)")
        opened.add_argument("--json", action="store_true", help="in JSON")

    def handle(self, *args, **options):
        try:
            with transaction.atomic():
                result = self._open(options)
        except DomainError as exc:
            raise CommandError(exc.message, returncode=2) from exc
        if options["json"]:
            self.stdout.write(json.dumps(result, ensure_ascii=False))
        else:
            self.stdout.write(
                f"{result['code']}: {result['submitted']}/{result['expected']} đã gửi, "
                f"{result['approved']}/{result['expected']} đã duyệt"
            )

    def _open(self, options) -> dict:
        User = get_user_model()
        actor = SYSTEM  # the shell's owner acts as the system, unless --user names someone
        if options["user"]:
            actor = User.objects.filter(username=options["user"], is_active=True).first()
            if actor is None:
                raise DomainError(f"Không có người dùng «{options['user']}».")
        if options["kind"] not in UnitKind.values:
            raise DomainError(
                f"Loại đơn vị «{options['kind']}» không có; dùng một trong: "
                f"{', '.join(UnitKind.values)}."
            )
        form = reporting.get_form(options["form"])
        period = reporting.get_or_create_period(options["period"])
        campaign, _ = services.open_campaign(
            actor=actor,
            code=options["code"],
            form=form,
            period=period,
            name=options["title"],
            unit=get_unit(options["unit"]),
            target_kind=options["kind"],
            deadline=_date(options["deadline"]) if options["deadline"] else None,
        )
        return services.counts(campaign)
