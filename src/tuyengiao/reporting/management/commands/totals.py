"""`tuyengiao totals rebuild [--check] [--form CODE] [--period CODE]`: recompute the kept
totals from the values; with --check, change nothing and list every difference (exit 1)."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandError

from tuyengiao.reporting import totals


class Command(BaseCommand):
    help = "Recompute the kept rollup totals from the reported values (or check them)."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild"])
        parser.add_argument("--check", action="store_true", help="compare only, change nothing")
        parser.add_argument("--form", help="only this form's code")
        parser.add_argument("--period", help="only this period's code")

    def handle(self, *args, action, check, form=None, period=None, **options):
        chosen = [
            (form_id, p)
            for form_id, p in totals.pairs()
            if (not period or p.code == period) and (not form or totals.form_code(form_id) == form)
        ]
        if (form or period) and not chosen:
            raise CommandError("Không có biểu mẫu và kỳ nào như vậy được giao.")
        problems = 0
        for form_id, p in chosen:
            started = time.perf_counter()
            label = f"{totals.form_code(form_id)} · {p.code}"
            if check:
                found = totals.differences(form_id, p)
                problems += len(found)
                for line in found[:50]:
                    self.stdout.write(f"  {label}: {line}")
                verdict = "khớp" if not found else f"{len(found)} chỗ khác"
                self.stdout.write(f"{label}: {verdict}")
            else:
                rows = totals.rebuild(form_id, p)
                took = time.perf_counter() - started
                self.stdout.write(f"{label}: {rows} dòng tổng hợp ({took:.1f} s)")
        if problems:
            raise CommandError(f"{problems} dòng tổng hợp khác với số liệu gốc.")
