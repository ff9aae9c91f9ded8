"""Apps register their URLs, API, menu entries, home panels, figures and demo loaders from
their AppConfig (core.registry); a module named there that does not exist stops the start-up."""

import os
import subprocess
import sys
from types import SimpleNamespace

import pytest
from django.core.exceptions import ImproperlyConfigured

from tuyengiao.core.registry import Registry, registry, registry_check

BROKEN_APP = """
from django.apps import AppConfig

from tuyengiao.core.registry import registry


class BrokenConfig(AppConfig):
    name = "broken"

    def ready(self):
        registry.api(self)  # broken/ has no api.py
"""


def test_an_app_registering_a_module_it_does_not_have_stops_the_start_up(tmp_path):
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "__init__.py").write_text("")
    (tmp_path / "broken" / "apps.py").write_text(BROKEN_APP)
    (tmp_path / "broken_settings.py").write_text(
        "from tuyengiao.settings import *  # noqa\nINSTALLED_APPS = [*INSTALLED_APPS, 'broken']\n"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "broken_settings",
        "DEBUG": "true",
        "TUYENGIAO_VAR_DIR": str(tmp_path),
        "PYTHONPATH": str(tmp_path),
    }

    started = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env=env,
        capture_output=True,
        text=True,
    )

    assert started.returncode != 0
    assert "ImproperlyConfigured" in started.stderr
    assert "broken.api, which does not exist" in started.stderr


def _app(label):
    return SimpleNamespace(label=label, name=f"tuyengiao.{label}")


@pytest.mark.parametrize(
    "register",
    [
        lambda r: r.urls(_app("reports"), "reports/", "no_such_urls"),
        lambda r: r.api(_app("reports")),  # listed in the old API_MODULES, never written
        lambda r: r.home_panel(_app("meetings"), "no_such_panels.my_tasks", order=1),
        lambda r: r.figures(_app("no_such_app"), order=1),
        lambda r: r.demo(_app("targets"), path="no_such_demo.load"),
    ],
)
def test_every_kind_of_entry_naming_a_missing_module_is_refused(register):
    fresh = Registry()

    with pytest.raises(ImproperlyConfigured, match="does not exist"):
        register(fresh)

    assert fresh == Registry()


def test_demo_loaders_run_after_the_apps_they_name_else_in_registration_order():
    fresh = Registry()
    for label, after in [
        ("campaigns", ["documents", "reporting"]),
        ("orgs", []),
        ("documents", ["orgs"]),
        ("reporting", ["orgs"]),
    ]:
        fresh.demo(_app(label), after=after)

    assert [lo.app for lo in fresh.demo_in_order()] == [
        "orgs",
        "documents",
        "reporting",
        "campaigns",
    ]


@pytest.mark.parametrize(
    ("loaders", "problem"),
    [
        ([("targets", ["reporting"])], "which have none"),
        ([("orgs", ["reporting"]), ("reporting", ["orgs"])], "wait for each other"),
    ],
)
def test_an_unknown_or_circular_demo_dependency_is_refused(loaders, problem):
    fresh = Registry()
    for label, after in loaders:
        fresh.demo(_app(label), after=after)

    with pytest.raises(ImproperlyConfigured, match=problem):
        fresh.demo_in_order()


def test_the_project_registers_the_menu_panels_figures_and_demo_in_the_known_order():
    assert [e.url_name for e in registry.menu_in_order()] == [
        "home",
        "orgs:tree",
        "reporting:forms",
        "documents:list",
        "campaigns:list",
        "training:list",
        "outreach:list",
        "initiatives:list",
        "meetings:list",
        "meetings:tasks",
        "awards:list",
        "targets:list",
        "reports:index",
        "audit:list",
        "accounts:list",
    ]
    assert [p.rsplit(".", 2)[-2:] for p in registry.panels_in_order()][:2] == [
        ["panels", "my_units"],
        ["panels", "returned"],
    ]
    assert [p.split(".")[1] for p in registry.providers_in_order()] == [
        "documents",
        "campaigns",
        "meetings",
        "awards",
        "targets",
        "training",
        "outreach",
        "initiatives",
    ]
    loaders = [lo.app for lo in registry.demo_in_order()]
    assert loaders[:2] == ["orgs", "accounts"] and loaders.index("documents") < loaders.index(
        "campaigns"
    )
    assert "tuyengiao.reports.api" not in registry.api_modules


def test_the_system_check_imports_every_registered_path():
    assert registry_check() == []


def test_the_system_check_names_a_menu_entry_without_a_url(monkeypatch):
    monkeypatch.setattr(registry, "menu_entries", [*registry.menu_entries])
    registry.menu(_app("reports"), "Báo cáo", "reports:no_such_page", order=999)

    (error,) = registry_check()

    assert "reports:no_such_page" in error.msg


def test_the_demo_command_prints_the_accounts_after_loading(db, capsys):
    from django.core.management import call_command

    call_command("demo")

    out = capsys.readouterr().out
    assert out.startswith("Đã nạp dữ liệu minh họa.")
    assert "chuyenvien" in out and "Chuyên viên" in out
    # Every demo login is printed, District 1's own administrator included.
    from django.contrib.auth import get_user_model

    for username in get_user_model().objects.values_list("username", flat=True):
        assert f"  {username} " in out, username
