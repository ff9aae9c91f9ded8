"""tuyengiao report annual|data: the year-end report and the figures it prints."""

import datetime as dt
import json
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from tuyengiao.core.actors import SYSTEM
from tuyengiao.core.errors import DomainError
from tuyengiao.orgs.services import get_unit
from tuyengiao.reports import pdf, services
from tuyengiao.reports.content import ReportOptions


def _date(value: str) -> dt.date:
    for pattern in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    raise CommandError(f"Ngày «{value}» không hợp lệ: viết dạng 10/02/2023.")


class Command(BaseCommand):
    # No system checks: they load every URLconf (and with it matplotlib) for a command
    # that needs neither; `tuyengiao check` runs them.
    requires_system_checks = []
    help = "Báo cáo tổng kết năm: annual (tạo tệp Word), data (các số liệu báo cáo dùng)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        annual = sub.add_parser("annual", help="tạo báo cáo tổng kết năm (.docx)")
        data = sub.add_parser("data", help="liệt kê mọi số liệu báo cáo dùng, kèm nguồn")
        for p in (annual, data):
            p.add_argument("--unit", required=True, help="mã đơn vị, ví dụ QU-Q1")
            p.add_argument("--year", required=True, help="năm báo cáo, ví dụ 2022")
        annual.add_argument("--out", required=True, help="tệp .docx cần ghi")
        annual.add_argument("--annex", help="ghi thêm phụ lục số liệu .xlsx")
        annual.add_argument("--pdf", action="store_true", help="chuyển thêm sang PDF (LibreOffice)")
        annual.add_argument("--number", default="", help="số báo cáo, ví dụ 05 (Số 05-BC/QU)")
        annual.add_argument("--date", help="ngày ký, ví dụ 10/02/2023")
        annual.add_argument("--title", default="", help="dòng trích yếu dưới chữ BÁO CÁO")
        annual.add_argument("--signer-name", default="", help="họ tên người ký")
        annual.add_argument("--signer-title", default="", help="chức vụ người ký")
        annual.add_argument("--user", help="tên đăng nhập người lập (mặc định: dòng lệnh)")
        annual.add_argument(
            "--issue",
            action="store_true",
            help="ban hành: lưu cố định bản có số và ngày (cần --number và --date)",
        )
        data.add_argument("--json", action="store_true", help="in JSON")

    def handle(self, *args, action, **options):
        try:
            unit = get_unit(options["unit"])
            year = services.check_year(options["year"])
            if action == "data":
                return self._data(unit, year, as_json=options["json"])
            return self._annual(unit, year, options)
        except DomainError as exc:
            raise CommandError(exc.message) from exc

    def _data(self, unit, year, *, as_json):
        figures = services.figures_json(services.collect_figures(unit, year))
        if as_json:
            payload = {"unit": unit.code, "year": year, "figures": figures}
            self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2))
            return
        for figure in figures:
            where = figure["source"].get("what", "")
            self.stdout.write(f"{figure['id']:<40} {figure['display']:>14}  {figure['label']}")
            if where:
                self.stdout.write(f"{'':<40} {'':>14}  ↳ {where}")

    def _annual(self, unit, year, options):
        actor = SYSTEM  # the shell's owner acts as the system, unless --user names someone
        if options["user"]:
            actor = get_user_model().objects.filter(username=options["user"]).first()
            if actor is None:
                raise CommandError(f"Không có người dùng «{options['user']}».")
        out = Path(options["out"])
        if out.suffix.lower() != ".docx":
            raise CommandError(f"Tệp «{out}» phải có đuôi .docx.")
        if options["pdf"] and pdf.soffice() is None:
            # Say so before doing the work: the PDF is what was asked for.
            self.stderr.write(f"Để chuyển sang PDF, cài LibreOffice: {pdf.INSTALL_HINT}")
            raise CommandError("Không tìm thấy LibreOffice (soffice) để chuyển sang PDF.")
        report_options = ReportOptions(
            number=options["number"],
            date=_date(options["date"]) if options["date"] else None,
            subtitle=options["title"],
            signer_name=options["signer_name"],
            signer_title=options["signer_title"],
        )
        issued_before, changes = services.changes_since_issued(unit, year)
        if options["issue"]:
            report = services.issue_report(
                unit,
                year,
                actor=actor,
                number=options["number"],
                date=report_options.date,
                options=report_options,
            )
        else:
            report = services.generate_report(unit, year, actor=actor, options=report_options)
        for warning in getattr(report, "warnings", []):
            self.stderr.write(f"Lưu ý: {warning}")
        if issued_before is not None:
            self._changes(issued_before, changes)
        out.parent.mkdir(parents=True, exist_ok=True)
        with report.file.open("rb") as source:
            out.write_bytes(source.read())
        self.stdout.write(f"Đã ghi báo cáo: {out} ({len(report.figures)} số liệu)")
        if options["annex"]:
            from tuyengiao.reports import annex  # openpyxl: only when an annex is asked for

            path = Path(options["annex"])
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(
                annex.build_annex(
                    report.figures,
                    title=str(report),
                    units=report.units,
                    generated_at=report.generated_at,
                )
            )
            self.stdout.write(f"Đã ghi phụ lục: {path}")
        if options["pdf"]:
            result = pdf.convert(out, out.parent)
            self.stdout.write(f"Đã ghi PDF: {result}")
        if report.is_issued:
            self.stdout.write(
                f"Đã ban hành: Số {report.options['number']}-BC, ngày {report.issued_at:%d/%m/%Y}."
            )

    def _changes(self, issued, changes):
        number = issued.options.get("number", "")
        when = f"{issued.issued_at:%d/%m/%Y}"
        if not changes:
            self.stdout.write(f"Số liệu không đổi so với bản đã ban hành số {number} ({when}).")
            return
        self.stderr.write(
            f"Cảnh báo: {len(changes)} số liệu đã thay đổi so với bản đã ban hành số {number} "
            f"({when}):"
        )
        for change in changes:
            self.stderr.write(f"  {change.label}: {change.before or '—'} → {change.after or '—'}")
