from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import translation
from django.utils.module_loading import import_string

from tuyengiao.core.actors import SYSTEM


class Command(BaseCommand):
    help = "Nạp dữ liệu minh họa (Quận 1, năm 2022). Chạy lại không nhân đôi dữ liệu."

    def add_arguments(self, parser):
        parser.add_argument("--quiet", action="store_true", help="không in tài khoản minh họa")

    def handle(self, *args, quiet=False, **options):
        with transaction.atomic():
            for path in settings.DEMO_LOADERS:
                import_string(path)(actor=SYSTEM)
        if quiet:
            return
        from tuyengiao.orgs.demo import DEMO_USERS, PASSWORD

        self.stdout.write(f"Đã nạp dữ liệu minh họa. Tài khoản đăng nhập (mật khẩu: {PASSWORD}):")
        with translation.override("vi"):
            for username, _name, _unit, role, title in DEMO_USERS:
                self.stdout.write(f"  {username:<12} {role.label:<16} {title}")
