"""`tuyengiao reminders send [--dry-run] [--on YYYY-MM-DD] [--json]`."""

import datetime as dt
import json

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from tuyengiao.core.actors import SYSTEM
from tuyengiao.notifications import reminders


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise CommandError(f"Ngày «{text}» không đúng dạng YYYY-MM-DD (ví dụ 2024-01-15).") from exc


class Command(BaseCommand):
    help = "Nhắc các đơn vị chưa gửi báo cáo (e-mail và thông báo trong hệ thống)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        send = sub.add_parser("send", help="Gửi các lời nhắc đến hạn hôm nay.")
        send.add_argument("--dry-run", action="store_true", help="Chỉ liệt kê, không gửi.")
        send.add_argument("--on", type=_date, help="Ngày xét (mặc định: hôm nay).")
        send.add_argument(
            "--json", action="store_true", dest="as_json", help="In kết quả dạng JSON."
        )

    def handle(self, *args, action, dry_run=False, on=None, as_json=False, **options):
        on = on or timezone.localdate()
        due, sent = reminders.send_due(on, dry_run=dry_run, actor=SYSTEM)
        listed = due if dry_run else sent
        if as_json:
            self.stdout.write(
                _dumps({"reminders": [d.as_json() for d in listed], "sent": len(sent)})
            )
            return
        for item in listed:
            data = item.as_json()
            late = data["days_late"]
            when = (
                f"quá hạn {late} ngày"
                if late > 0
                else ("đến hạn hôm nay" if late == 0 else f"còn {-late} ngày")
            )
            people = ", ".join(data["recipients"]) or "(không có người nhận)"
            self.stdout.write(
                f"{data['unit']}  {data['form']} {data['period']}  {when}  → {people}"
            )
        verb = "Sẽ gửi" if dry_run else "Đã gửi"
        count = len(due) if dry_run else len(sent)
        self.stdout.write(f"{verb} {count} lời nhắc ngày {on:%d/%m/%Y}.")


def _dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)
