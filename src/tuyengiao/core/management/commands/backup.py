from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tuyengiao.core import backup
from tuyengiao.core.errors import DomainError
from tuyengiao.core.text import format_number


class Command(BaseCommand):
    help = (
        "Sao lưu cơ sở dữ liệu và các tệp đã lưu (báo cáo, tệp đính kèm) vào một tệp .tar.gz; "
        "khôi phục bằng `tuyengiao restore TỆP`."
    )

    def add_arguments(self, parser):
        parser.add_argument("--out", required=True, help="tệp sao lưu, ví dụ sao-luu.tar.gz")

    def handle(self, *args, out, **options):
        try:
            manifest = backup.backup(Path(out))
        except DomainError as exc:
            raise CommandError(exc.message) from exc
        size = Path(out).stat().st_size
        self.stdout.write(
            f"Đã sao lưu cơ sở dữ liệu ({manifest['engine']}) và "
            f"{format_number(manifest['media_files'])} tệp vào «{out}» "
            f"({format_number(size // 1024)} KB)."
        )
