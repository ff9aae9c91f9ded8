"""The shape of the house, read from the source with `ast` (no module is imported):

- no cycle among the imports of `src/tuyengiao`, at module level or inside a function (an
  import put inside a function hides a cycle; it does not remove it). Only the imports under
  `if TYPE_CHECKING:`, which never run, are no edge;
- `core`, the ground floor, imports no domain app — anywhere, type hints included.
"""

import ast
import graphlib
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2]  # src/tuyengiao
PACKAGE = "tuyengiao"
# Modules of `tuyengiao` that are not domain apps: the ground floor and the project's frame.
NOT_DOMAIN = {"", "core", "settings", "test_settings", "urls", "wsgi", "manage", "formats"}
# Every core module, registries included (core.registry), knows no domain app.
CORE_MAY_IMPORT_DOMAIN: set[str] = set()


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules() -> dict[str, Path]:
    found = {}
    for path in SRC.rglob("*.py"):
        if "migrations" in path.parts or "tests" in path.parts:
            continue
        found[module_name(path)] = path
    return found


# Where an import is: run when the module loads, run when a function is called, or only
# read by type checkers (`if TYPE_CHECKING:`).
MODULE, FUNCTION, TYPING = "module", "function", "typing"


def imports(name: str, path: Path, known: set[str]) -> list[tuple[str, str]]:
    """(imported tuyengiao module, MODULE/FUNCTION/TYPING) for each import of the file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    top_level = {id(node) for node in _module_level(tree.body)}
    typing_only = {id(node) for node in _type_checking(tree)}
    found = []
    for node in ast.walk(tree):
        targets = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            # `from pkg import mod` imports pkg.mod when it is a module, else pkg itself.
            targets = [
                f"{base}.{a.name}" if f"{base}.{a.name}" in known else base for a in node.names
            ]
        for target in targets:
            while target and target not in known:  # `import a.b.c` imports a.b.c's module
                target = target.rpartition(".")[0]
            if target.startswith(PACKAGE + ".") and target != name:
                where = TYPING if id(node) in typing_only else MODULE
                found.append((target, where if id(node) in top_level else FUNCTION))
    return found


def _type_checking(tree):
    """The nodes under `if TYPE_CHECKING:` (or `typing.TYPE_CHECKING`): never run."""
    for node in ast.walk(tree):
        test = getattr(node, "test", None)
        if isinstance(node, ast.If) and (
            (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING")
            or (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")
        ):
            for child in node.body:
                yield from ast.walk(child)


def _module_level(body):
    """Statements run when the module is imported: its body, and the bodies of its
    if/try/with blocks (not functions or classes' methods)."""
    for node in body:
        yield node
        if isinstance(node, ast.If | ast.Try | ast.With):
            children = list(node.body) + list(getattr(node, "orelse", []))
            children += list(getattr(node, "finalbody", []))
            for handler in getattr(node, "handlers", []):
                children += handler.body
            yield from _module_level(children)
        elif isinstance(node, ast.ClassDef):
            yield from (n for n in node.body if not isinstance(n, ast.FunctionDef))


@pytest.fixture(scope="module")
def graph():
    known = modules()
    names = set(known)
    edges = {name: imports(name, path, names) for name, path in known.items()}
    return known, edges


def app_of(module: str) -> str:
    return module.split(".")[1] if "." in module else ""


def first_cycle(edges) -> list[str] | None:
    """One cycle among the imports that run (at module level or in a function), or None."""
    sorter = graphlib.TopologicalSorter(
        {
            name: {target for target, where in targets if where != TYPING}
            for name, targets in edges.items()
        }
    )
    try:
        sorter.prepare()
    except graphlib.CycleError as exc:
        return exc.args[1]
    return None


def test_no_cycle_among_the_imports_that_run(graph):
    _known, edges = graph
    cycle = first_cycle(edges)
    assert cycle is None, "Vòng import: " + " → ".join(cycle)


def test_a_cycle_is_found_even_inside_a_function_but_not_under_type_checking(tmp_path):
    """The checker on a made-up package: models ↔ services at module level is a cycle (the
    one targets had); the same import inside a function is one too; under
    `if TYPE_CHECKING:` it is not."""
    package = tmp_path / "tuyengiao" / "demoapp"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "models.py").write_text("from .services import x\n")
    (package / "services.py").write_text("from . import models\n")
    (package / "views.py").write_text("def f():\n    from .services import x\n")
    names = {
        "tuyengiao.demoapp",
        *(f"tuyengiao.demoapp.{m}" for m in ("models", "services", "views")),
    }
    edges = {
        f"tuyengiao.demoapp.{m}": imports(f"tuyengiao.demoapp.{m}", package / f"{m}.py", names)
        for m in ("models", "services", "views")
    }
    assert edges["tuyengiao.demoapp.views"] == [("tuyengiao.demoapp.services", FUNCTION)]
    assert sorted(first_cycle(edges)[:-1]) == [
        "tuyengiao.demoapp.models",
        "tuyengiao.demoapp.services",
    ]
    (package / "models.py").write_text("def f():\n    from .services import x\n")
    edges["tuyengiao.demoapp.models"] = imports(
        "tuyengiao.demoapp.models", package / "models.py", names
    )
    assert edges["tuyengiao.demoapp.models"] == [("tuyengiao.demoapp.services", FUNCTION)]
    assert sorted(first_cycle(edges)[:-1]) == [
        "tuyengiao.demoapp.models",
        "tuyengiao.demoapp.services",
    ]
    (package / "models.py").write_text(
        "from typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n    from .services import x\n"
    )
    edges["tuyengiao.demoapp.models"] = imports(
        "tuyengiao.demoapp.models", package / "models.py", names
    )
    assert edges["tuyengiao.demoapp.models"] == [("tuyengiao.demoapp.services", TYPING)]
    assert first_cycle(edges) is None


def test_core_imports_no_domain_app(graph):
    known, edges = graph
    offending = [
        f"{name} → {target}"
        for name, targets in edges.items()
        if app_of(name) == "core" and name not in CORE_MAY_IMPORT_DOMAIN
        for target, _where in targets
        if app_of(target) not in NOT_DOMAIN
    ]
    assert not offending, "core nhập ứng dụng nghiệp vụ: " + "; ".join(sorted(offending))


def test_the_walker_sees_the_imports_it_checks(graph):
    """The graph is not empty by mistake: known edges of the project are found."""
    _known, edges = graph
    orgs_models = dict(edges["tuyengiao.orgs.models"])
    assert orgs_models["tuyengiao.orgs.access"] == MODULE
    assert orgs_models["tuyengiao.core.models"] == MODULE
    review = dict(edges["tuyengiao.reporting.review"])
    assert review["tuyengiao.reporting.services"] == MODULE
    notification_views = dict(edges["tuyengiao.notifications.views"])
    assert notification_views["tuyengiao.reporting.pages"] == FUNCTION
