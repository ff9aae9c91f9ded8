import datetime as dt

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from tuyengiao.core.errors import DomainError
from tuyengiao.core.text import format_date

from ... import services
from ...models import parent_path


class Command(BaseCommand):
    help = (
        "Đơn vị: `orgs tree CODE [--date YYYY-MM-DD]` in cây đơn vị còn hiệu lực vào ngày đó; "
        '`orgs merge CODE… --into CODE [--name "…"] --date YYYY-MM-DD` hợp nhất; '
        "`orgs split CODE --into CODE=NAME… --date YYYY-MM-DD` chia tách."
    )

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        tree = sub.add_parser("tree", help="In cây đơn vị")
        tree.add_argument("code")
        tree.add_argument("--date", help="YYYY-MM-DD (mặc định: hôm nay)")
        tree.add_argument("--kind", help="chỉ in loại đơn vị này, ví dụ grassroots")
        merge = sub.add_parser("merge", help="Hợp nhất nhiều đơn vị vào một đơn vị mới hoặc có sẵn")
        merge.add_argument("codes", nargs="+")
        merge.add_argument("--into", required=True, help="mã đơn vị nhận (có sẵn, hoặc mã mới)")
        merge.add_argument("--name", help="tên đơn vị mới (khi --into là mã mới)")
        merge.add_argument(
            "--parent", help="mã đơn vị cấp trên của đơn vị mới (mặc định: cấp trên chung)"
        )
        merge.add_argument("--kind", help="loại đơn vị mới (mặc định: loại của đơn vị đầu tiên)")
        split = sub.add_parser("split", help="Chia tách một đơn vị thành nhiều đơn vị")
        split.add_argument("code")
        split.add_argument("--into", nargs="+", required=True, metavar="CODE=NAME")
        split.add_argument(
            "--children",
            nargs="*",
            default=[],
            metavar="CODE=CHILD,CHILD",
            help="đơn vị trực thuộc chuyển về đơn vị mới (còn lại giải thể theo đơn vị cũ)",
        )
        admin = sub.add_parser(
            "import-admin", help="Tạo đảng ủy tỉnh, thành phố và phường, xã sau năm 2025"
        )
        admin.add_argument(
            "--province", type=int, help="mã tỉnh, thành phố (ví dụ 79); mặc định: cả 34"
        )
        admin.add_argument("--dry-run", action="store_true", help="chỉ đếm, không lưu")
        admin.add_argument("--json", action="store_true")
        load = sub.add_parser("import", help="Nhập đơn vị từ tệp .xlsx hoặc .csv")
        load.add_argument("file")
        load.add_argument("--dry-run", action="store_true", help="chỉ kiểm tra, không lưu")
        for parser in (merge, split):
            parser.add_argument("--date", required=True, help="ngày hiệu lực YYYY-MM-DD")
            parser.add_argument("--reason", default="", help="lý do")
            parser.add_argument("--document", default="", help="văn bản quyết định")
            parser.add_argument("--dry-run", action="store_true", help="chỉ xem trước, không lưu")

    def handle(self, *args, action, **options):
        if action == "tree":
            self._tree(options["code"], options.get("date"), options.get("kind"))
            return
        if action in ("import-admin", "import"):
            from ... import _import_cli

            try:
                _import_cli.run(self, action, options)
            except DomainError as exc:
                raise CommandError(exc.message) from exc
            return
        from ... import _reorganise_cli

        try:
            _reorganise_cli.run(self, action, options)
        except DomainError as exc:
            raise CommandError(exc.message) from exc

    def _tree(self, code, date_text, kind):
        try:
            date = dt.date.fromisoformat(date_text) if date_text else timezone.localdate()
        except ValueError as exc:
            raise CommandError(f"Ngày «{date_text}» không đúng dạng YYYY-MM-DD.") from exc
        try:
            root = services.get_unit(code)
        except DomainError as exc:
            raise CommandError(exc.message) from exc
        if not root.is_valid_on(date):
            raise CommandError(f"Đơn vị «{root}» không có hiệu lực vào ngày {format_date(date)}.")
        units = list(services.subtree_valid_on(root, date))
        by_parent: dict[str, list] = {}
        for unit in units:
            by_parent.setdefault(parent_path(unit.path), []).append(unit)
        lines = []

        def walk(unit, level):
            if not kind or unit.kind == kind:
                lines.append(f"{'  ' * level}{unit.code}\t{unit.name}")
            for child in sorted(by_parent.get(unit.path, []), key=lambda u: u.sort_name):
                walk(child, level + 1)

        walk(root, 0)
        self.stdout.write("\n".join(lines))
        grassroots = sum(1 for u in units if u.kind == "grassroots")
        self.stdout.write(
            f"\n{len(units)} đơn vị, trong đó {grassroots} tổ chức cơ sở đảng, "
            f"có hiệu lực ngày {format_date(date)}."
        )
