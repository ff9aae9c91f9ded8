from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import translation
from django.utils.module_loading import import_string

from tuyengiao.core.actors import SYSTEM
from tuyengiao.core.registry import registry


class Command(BaseCommand):
    help = "Nạp dữ liệu minh họa (Quận 1, năm 2022). Chạy lại không nhân đôi dữ liệu."

    def add_arguments(self, parser):
        parser.add_argument("--quiet", action="store_true", help="không in tài khoản minh họa")

    def handle(self, *args, quiet=False, **options):
        # Each app's loader after those it names (core.registry), all or nothing.
        loaders = registry.demo_in_order()
        with transaction.atomic():
            for loader in loaders:
                import_string(loader.path)(actor=SYSTEM)
        if quiet:
            return
        self.stdout.write("Đã nạp dữ liệu minh họa.")
        with translation.override("vi"):
            for loader in loaders:
                for line in import_string(loader.summary)() if loader.summary else []:
                    self.stdout.write(line)
