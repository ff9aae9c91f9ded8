"""tools/vietnamese_literals.py, the count behind ADR 0016: what it counts and how it sorts."""

import ast
import runpy
from pathlib import Path

TOOL = runpy.run_path(str(Path(__file__).resolve().parents[4] / "tools/vietnamese_literals.py"))

SNIPPET = '''
"""Mô-đun: a docstring is not counted."""
from django.utils.translation import gettext as _
TITLE = _("Đã lưu")            # inside gettext: not counted
PLAIN = "Danh sách khen thưởng"   # counted
def check(value):
    if value:
        raise DomainError(f"«Năm»: «{value}» không hợp lệ")  # one f-string, counted once
    return "ASCII only"
'''


def _found(source):
    finder = TOOL["Finder"]()
    finder.visit(ast.parse(source))
    return finder.found


def test_it_counts_vietnamese_literals_outside_gettext_and_docstrings():
    found = _found(SNIPPET)
    assert [text for _, text, _ in found] == ["Danh sách khen thưởng", "«Năm»: «{…}» không hợp lệ"]


def test_the_kind_comes_from_the_place():
    src = TOOL["SRC"]
    (plain, _, top), (error, _, inside_raise) = [(n, t, s) for n, t, s in _found(SNIPPET)]
    assert TOOL["kind_of"](src / "awards/views.py", top) == "ui"
    assert TOOL["kind_of"](src / "awards/views.py", inside_raise) == "domain"
    assert TOOL["kind_of"](src / "awards/demo.py", top) == "seed"
    assert TOOL["kind_of"](src / "reports/narrative.py", top) == "document"
    assert TOOL["kind_of"](src / "training/export.py", top) == "exchange"


def test_the_whole_tree_is_read_and_sorted_into_the_adrs_kinds():
    rows = TOOL["scan"]()
    kinds = {kind for _, kind, _, _ in rows}
    assert kinds <= set(TOOL["KINDS"])
    assert {"seed", "document", "domain", "ui"} <= kinds
    assert not any("/tests/" in where or "migrations" in where for _, _, where, _ in rows)
