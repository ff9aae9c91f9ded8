"""What each app brings to the shared places, registered from its own `AppConfig.ready()`.

core knows no domain app: the menu, the home page, the URL tree, the API router, the demo
command and the year-end figures read what the apps registered here. An app's ready() says
what it has, with paths relative to the app:

    registry.urls(self, "meetings/")                       # tuyengiao.meetings.urls
    registry.api(self)                                     # tuyengiao.meetings.api.register
    registry.menu(self, _("Conferences"), "meetings:list", order=80)
    registry.home_panel(self, "panels.my_tasks", order=30)
    registry.figures(self, order=30)                       # figures.year_figures
    registry.demo(self, after=["orgs", "accounts"])        # demo.load

A module named here must exist: registering one that does not stops the start-up with
ImproperlyConfigured (the hand-kept lists these replace skipped a missing module silently).
A system check (`tuyengiao check`) also imports every registered callable and reverses every
menu entry's URL name.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import ImproperlyConfigured
from django.urls import NoReverseMatch, reverse
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class MenuEntry:
    label: str
    url_name: str
    action: str  # the user must hold a role allowing it somewhere (see `menu_rule`)
    order: int


@dataclass(frozen=True)
class DemoLoader:
    app: str  # app label
    path: str  # dotted path of load(*, actor)
    after: tuple[str, ...]  # labels of the apps whose demo data this one uses
    summary: str | None = None  # dotted path of () -> list[str], printed by `tuyengiao demo`


@dataclass
class Registry:
    url_mounts: list[tuple[str, str]] = field(default_factory=list)  # (prefix, urls module)
    api_modules: list[str] = field(default_factory=list)
    menu_entries: list[MenuEntry] = field(default_factory=list)
    panels: list[tuple[int, str]] = field(default_factory=list)  # (order, dotted path)
    figure_providers: list[tuple[int, str]] = field(default_factory=list)
    figure_tables: dict[str, str] = field(default_factory=dict)  # section -> dotted path
    demo_loaders: dict[str, DemoLoader] = field(default_factory=dict)
    # (user, action) -> does the user hold a role allowing `action` anywhere; the unit tree's
    # app gives it (core knows no roles).
    menu_rule: Callable | None = None

    # --- registering (from AppConfig.ready) ------------------------------------------------

    def urls(self, app, prefix: str, module: str = "urls") -> None:
        mount = (prefix, _existing_module(app, module))
        if mount not in self.url_mounts:
            self.url_mounts.append(mount)

    def api(self, app, module: str = "api") -> None:
        """The module's `register(router)` adds its viewsets; its `urlpatterns`, if any,
        are mounted under /api/ before the router's."""
        name = _existing_module(app, module)
        if name not in self.api_modules:
            self.api_modules.append(name)

    def menu(self, app, label, url_name: str, *, order: int, action: str = "view") -> None:
        entry = MenuEntry(label, url_name, action, order)
        self.menu_entries = [e for e in self.menu_entries if e.url_name != url_name]
        self.menu_entries.append(entry)

    def home_panel(self, app, path: str, *, order: int) -> None:
        """`path` names a callable (request) -> {"template", "context"} | None."""
        self._add(self.panels, order, _existing_callable(app, path))

    def figures(self, app, path: str = "figures.year_figures", *, order: int, tables=None) -> None:
        """`path` names a callable (unit, year) -> list[core.figures.Figure]; `tables`
        maps a section to a callable (group key, unit) -> core.figures.RateTable | None,
        the table behind a group of the section's figures."""
        self._add(self.figure_providers, order, _existing_callable(app, path))
        for section, table in (tables or {}).items():
            self.figure_tables[section] = _existing_callable(app, table)

    def demo(self, app, *, after=(), path: str = "demo.load", summary: str | None = None):
        self.demo_loaders[app.label] = DemoLoader(
            app.label,
            _existing_callable(app, path),
            tuple(after),
            _existing_callable(app, summary) if summary else None,
        )

    @staticmethod
    def _add(entries: list, order: int, path: str) -> None:
        if all(existing != path for _order, existing in entries):
            entries.append((order, path))

    # --- reading ---------------------------------------------------------------------------

    def menu_in_order(self) -> list[MenuEntry]:
        return sorted(self.menu_entries, key=lambda e: e.order)

    def panels_in_order(self) -> list[str]:
        return [path for _order, path in sorted(self.panels, key=lambda p: p[0])]

    def providers_in_order(self) -> list[str]:
        return [path for _order, path in sorted(self.figure_providers, key=lambda p: p[0])]

    def demo_in_order(self) -> list[DemoLoader]:
        """Each loader after the ones it names; otherwise in the order the apps registered
        (INSTALLED_APPS). An unknown name or a cycle is ImproperlyConfigured."""
        pending = dict(self.demo_loaders)
        for loader in pending.values():
            unknown = [name for name in loader.after if name not in pending]
            if unknown:
                raise ImproperlyConfigured(
                    f"Demo loader of «{loader.app}» comes after {unknown}, which have none."
                )
        done: list[DemoLoader] = []
        while pending:
            ready = [lo for lo in pending.values() if all(a not in pending for a in lo.after)]
            if not ready:
                raise ImproperlyConfigured(f"Demo loaders wait for each other: {list(pending)}")
            done.append(ready[0])
            del pending[ready[0].app]
        return done

    def problems(self) -> list[str]:
        """Import every registered module and callable, reverse every menu entry's URL
        name: what fails, as sentences."""
        modules = [module for _prefix, module in self.url_mounts] + self.api_modules
        callables = [path for _order, path in self.panels + self.figure_providers]
        callables += list(self.figure_tables.values())
        for loader in self.demo_loaders.values():
            callables += [loader.path] + ([loader.summary] if loader.summary else [])
        problems = []
        for path, load in [(m, importlib.import_module) for m in modules] + [
            (c, import_string) for c in callables
        ]:
            try:
                load(path)
            except ImportError as exc:
                problems.append(f"{path}: {exc}")
        for entry in self.menu_entries:
            try:
                reverse(entry.url_name)
            except NoReverseMatch:
                problems.append(f"menu entry «{entry.label}»: no URL named {entry.url_name}")
        return problems


def _existing_module(app, module: str) -> str:
    name = f"{app.name}.{module}"
    try:
        found = importlib.util.find_spec(name)
    except ModuleNotFoundError:
        found = None
    if found is None:
        raise ImproperlyConfigured(f"App «{app.label}» registers {name}, which does not exist.")
    return name


def _existing_callable(app, path: str) -> str:
    module, _dot, _attr = path.rpartition(".")
    return f"{_existing_module(app, module)}.{_attr}"


registry = Registry()


def registry_check(app_configs=None, **kwargs):
    """System check (`tuyengiao check`, runserver, migrate): every registered path imports."""
    from django.core.checks import Error

    return [Error(problem, id="core.E001") for problem in registry.problems()]
