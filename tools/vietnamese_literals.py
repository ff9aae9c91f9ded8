"""Count the Vietnamese string literals in src/ that do not go through gettext, per app and kind.

    .venv/bin/python tools/vietnamese_literals.py            # the table
    .venv/bin/python tools/vietnamese_literals.py --list ui  # every literal of one kind

A literal is Vietnamese when it holds a letter with a Vietnamese mark (ă â đ ê ô ơ ư or a
tone). It is outside gettext unless it is the first argument of _(), gettext(), gettext_lazy(),
ngettext(), pgettext()… (such strings would be English msgids anyway). Tests and migrations are
not counted. Each literal gets the first kind that fits (docs/adr/0016-where-vietnamese-literals-live.md):

  seed      demo and seed loaders (demo.py, seed*.py, management/commands/demo.py)
  document  the year-end report and HD 36 document text (reports/, documents/numbers.py,
            documents/choices.py … files that write a Party document or name its parts)
  domain    a service's error or rule message: inside raise …(…), DomainError(…),
            ValidationFailed(…), ValidationError(…), or a function of services*.py / rules /
            imports / parsers (the messages the project's rule says are Vietnamese)
  language  core/text.py: the alphabet and tones, "ngày … tháng … năm"
  exchange  files exchanged with the units: Excel templates, imports and exports, whose
            headers are read back on import (excel*.py, export*.py, import*.py, *xlsx.py)
  command   a management command's output and help (the command line has no language switch)
  ui        everything else: pages, forms, views, tables, notifications, API texts — the rule
            says gettext here; what is left is a debt that may only shrink
"""

from __future__ import annotations

import ast
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "tuyengiao"
GETTEXT = {
    "_",
    "gettext",
    "gettext_lazy",
    "ngettext",
    "ngettext_lazy",
    "pgettext",
    "pgettext_lazy",
    "gettext_noop",
}
ERRORS = ("Error", "Failed", "Denied", "Invalid", "Problem")
DOCUMENT_FILES = {"numbers.py", "choices.py", "hd36.py"}
LANGUAGE_FILES = {"text.py"}  # the alphabet, tones, "ngày … tháng … năm"
EXCHANGE_PREFIXES = ("excel", "export", "import", "bulk", "csv")
KINDS = ("seed", "document", "language", "domain", "exchange", "command", "ui")


def is_vietnamese(text: str) -> bool:
    if "đ" in text or "Đ" in text:
        return True
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.combining(ch) and ch in "\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b":
            return True
    return False


def _name(node) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


class Finder(ast.NodeVisitor):
    def __init__(self):
        self.stack: list[ast.AST] = []
        self.found: list[tuple[int, str, tuple]] = []

    def generic_visit(self, node):
        self.stack.append(node)
        super().generic_visit(node)
        self.stack.pop()

    def visit_Expr(self, node):
        if isinstance(node.value, (ast.Constant, ast.JoinedStr)):
            return  # a docstring or a bare string: documentation, never shown
        self.generic_visit(node)

    def visit_JoinedStr(self, node):
        text = "".join(
            part.value if isinstance(part, ast.Constant) else "{…}" for part in node.values
        )
        self._found(node, text)

    def visit_Constant(self, node):
        if isinstance(node.value, str):
            self._found(node, node.value)

    def _found(self, node, text):
        if is_vietnamese(text) and not self._in_gettext(node):
            self.found.append((node.lineno, text, tuple(self.stack)))

    def _in_gettext(self, node) -> bool:
        for parent in reversed(self.stack):
            if isinstance(parent, ast.Call) and _name(parent.func) in GETTEXT:
                return True
        return False


def kind_of(path: Path, stack: tuple) -> str:
    rel = path.relative_to(SRC)
    name = rel.name
    if name.startswith(("demo", "seed")) or "demo" in rel.parts[:-1] or name == "demo.py":
        return "seed"
    if rel.parts[0] == "reports" or name in DOCUMENT_FILES:
        return "document"
    if name in LANGUAGE_FILES:
        return "language"
    for node in stack:
        if isinstance(node, ast.Raise):
            return "domain"
        if isinstance(node, ast.Call) and _name(node.func).endswith(ERRORS):
            return "domain"
    if name.startswith(("services", "rules", "imports", "import", "parse", "validat")) or (
        name in {"expressions.py", "checks.py", "policy.py", "csv_import.py", "unit_import.py"}
    ):
        return "domain"
    if "management" in rel.parts or name.endswith("_cli.py"):
        return "command"
    if name.startswith(EXCHANGE_PREFIXES) or name.endswith(("xlsx.py", "_csv.py")):
        return "exchange"
    return "ui"


def scan():
    rows = []
    for path in sorted(SRC.rglob("*.py")):
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        finder = Finder()
        finder.visit(ast.parse(path.read_text(encoding="utf-8")))
        for line, text, stack in finder.found:
            app = path.relative_to(SRC).parts[0]
            rows.append((app, kind_of(path, stack), f"{path.relative_to(SRC)}:{line}", text))
    return rows


def main(argv):
    rows = scan()
    if len(argv) > 1 and argv[1] == "--list":
        for _app, kind, where, text in rows:
            if kind == argv[2]:
                print(f"{where}: {text[:90]!r}")
        return
    table: dict[str, Counter] = defaultdict(Counter)
    for app, kind, _, _ in rows:
        table[app][kind] += 1
    print(f"{'app':<15}" + "".join(f"{k:>10}" for k in KINDS) + f"{'total':>10}")
    for app in sorted(table):
        print(
            f"{app:<15}"
            + "".join(f"{table[app][k]:>10}" for k in KINDS)
            + f"{sum(table[app].values()):>10}"
        )
    totals = Counter(kind for _, kind, _, _ in rows)
    print(f"{'all':<15}" + "".join(f"{totals[k]:>10}" for k in KINDS) + f"{len(rows):>10}")


if __name__ == "__main__":
    main(sys.argv)
