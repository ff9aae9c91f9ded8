from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tuyengiao.core import backup
from tuyengiao.core.errors import DomainError
from tuyengiao.core.text import format_number


class Command(BaseCommand):
    help = (
        "Khôi phục một bản sao lưu của `tuyengiao backup` (cơ sở dữ liệu và tệp đã lưu) vào "
        "một cơ sở dữ liệu trống; --force để ghi đè dữ liệu đang có."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="tệp sao lưu .tar.gz")
        parser.add_argument(
            "--force", action="store_true", help="ghi đè cả khi cơ sở dữ liệu đã có dữ liệu"
        )

    def handle(self, *args, file, force=False, **options):
        try:
            manifest = backup.restore(Path(file), force=force)
        except DomainError as exc:
            raise CommandError(exc.message) from exc
        self.stdout.write(
            f"Đã khôi phục bản sao lưu ngày {manifest['created']} ({manifest['engine']}) và "
            f"{format_number(manifest['media_files'])} tệp."
        )
