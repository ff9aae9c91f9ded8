"""Shared fixtures: the demo database loaded once, the standard cast of users, Chromium."""

import gc
import itertools
import os
import shutil
import sys

import pytest
from django.core.management import call_command

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
# pytest keeps each test module's assertion-rewritten bytecode in __pycache__ only when Python
# may write bytecode; under PYTHONDONTWRITEBYTECODE every worker of every run rewrites all 250
# test modules again (≈2,5 s of each worker's start). The Makefile compiles src for the same
# reason.
sys.dont_write_bytecode = False

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


def pytest_configure(config):
    from django.conf import settings

    # The demo's six users are hashed on every demo load; PBKDF2 would cost seconds each time.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # The cast logs in with the demo password alone, whatever DEBUG is; the two-factor
    # tests turn the requirement on themselves (accounts/tests/test_twofactor.py).
    settings.REQUIRE_2FA_ROLES = []


def pytest_collection_modifyitems(config, items):
    # Browser tests run on a live server whose database is flushed after each of them;
    # they go last so that the demo data loaded once for the session serves all others.
    # The others: see _schedule.
    _schedule(items)
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        skip = pytest.mark.skip(reason=f"Chromium not found at {CHROMIUM}")
        for item in items:
            if item.get_closest_marker("browser"):
                item.add_marker(skip)


def pytest_collection_finish(session):
    # What start-up and collection made (Django's apps, 1.600 test items) lives to the end of
    # the run: frozen, the garbage collector stops scanning it at every full collection, and a
    # larger first generation makes it run a tenth as often. Measured on the hostile-query
    # tests: 3,7 s of 20,8 s in the collector before, 1,7 s after.
    gc.freeze()
    gc.set_threshold(10_000, 10, 10)


def _schedule(items):
    """The order for two xdist workers: one database test, the tests that need no database,
    the other database tests (pytest-django's order: plain ones before transactional ones),
    the browser tests. Tests marked slow go first among the database tests and last among the
    others (those run on the second worker while the first one builds the template).

    pytest-django puts the tests without a database last. The first xdist worker builds the
    run's demo template (migrate and demo load, ≈13 s) at its first database test, while the
    second would wait for it at its own first one: with the database-free tests next, xdist's
    chunks for the second worker are work that needs no template. Slow tests early leave no
    worker running one alone at the end.
    """

    def rank(item):
        if item.get_closest_marker("browser"):
            return 6
        fixtures = set(getattr(item, "fixturenames", ()))
        marker = item.get_closest_marker("django_db")
        if {"transactional_db", "live_server"} & fixtures or (
            marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences"))
        ):
            return 5
        slow = item.get_closest_marker("slow") is not None
        if marker or {"db", "django_db_setup"} & fixtures:
            return 4 - slow
        return 1 + slow

    items.sort(key=rank)
    first_db = next((i for i, item in enumerate(items) if rank(item) in (3, 4)), None)
    if first_db is not None:
        items.insert(0, items.pop(first_db))


def _run_dir(config):
    from tuyengiao.core import testdb

    return testdb.run_dir(config)


def pytest_sessionfinish(session):
    # The xdist controller outlives its workers: it drops the run's PostgreSQL template.
    if session.config.pluginmanager.has_plugin("dsession"):
        from pytest_django.plugin import blocking_manager_key

        from tuyengiao.core import testdb

        with session.config.stash[blocking_manager_key].unblock():
            testdb.drop_template(_run_dir(session.config))


@pytest.fixture(scope="session")
def django_db_setup(
    request, django_test_environment, django_db_blocker, django_db_modify_db_settings
):
    """The test database holds the demo: loaded once per run, copied by the other workers."""
    from django.test.utils import teardown_databases

    from tuyengiao.core import testdb

    run_dir = _run_dir(request.config)
    with django_db_blocker.unblock():
        old_config = testdb.setup(run_dir, lambda: call_command("demo", quiet=True))
    yield
    with django_db_blocker.unblock():
        teardown_databases(old_config, verbosity=0)
        if not hasattr(request.config, "workerinput"):
            testdb.drop_template(run_dir)


_media_numbers = itertools.count()


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path_factory):
    # A directory of its own per test, made by the storage only when the test stores a file:
    # a tmp_path for each of 1.600 tests costs seconds when pytest deletes an old run (≈2 ms
    # per directory on this disk).
    settings.MEDIA_ROOT = tmp_path_factory.getbasetemp() / "media" / str(next(_media_numbers))


def _user(username):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username=username)


@pytest.fixture
def admin(db):
    return _user("admin")


@pytest.fixture
def specialist(db):
    """Chuyên viên Ban Tuyên giáo Quận 1: scope QU-Q1 and everything below it."""
    return _user("chuyenvien")


@pytest.fixture
def approver(db):
    return _user("lanhdao")


@pytest.fixture
def viewer(db):
    return _user("theodoi")


@pytest.fixture
def reporter(db):
    """Reporter of Đảng ủy phường Bến Nghé."""
    return _user("bennghe")


@pytest.fixture
def outsider(db):
    """Reporter of Đảng ủy phường Bến Thành, the sibling ward of Bến Nghé."""
    return _user("benthanh")


# The demo's units (once for every app's tests; the demo defines them).
def _unit(code):
    from tuyengiao.orgs.models import OrgUnit

    return OrgUnit.objects.get(code=code)


@pytest.fixture
def district(db):
    """Quận ủy Quận 1."""
    return _unit("QU-Q1")


@pytest.fixture
def ben_nghe(db):
    """Đảng ủy phường Bến Nghé (the reporter's ward)."""
    return _unit("DU-BEN-NGHE")


@pytest.fixture
def ben_thanh(db):
    """Đảng ủy phường Bến Thành (the outsider's, the sibling ward)."""
    return _unit("DU-BEN-THANH")


@pytest.fixture
def good_values():
    """HT-NQ figures that pass every field and rule."""
    return {
        "members_total": "320",
        "members_required": "290",
        "members_attended": "275",
        "non_members_attended": "180",
    }


@pytest.fixture
def client_for(client):
    def login(user):
        client.force_login(user)
        return client

    return login


# --- browser -----------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture
def demo_live_server(request, live_server, settings):
    """A live server over the full demo, copied back from the run's template: the
    live-server database is flushed after each browser test."""
    from tuyengiao.core import testdb

    settings.AXES_ENABLED = False
    testdb.restore(shared_dir=_run_dir(request.config))
    return live_server


@pytest.fixture
def login(page, demo_live_server):
    """login("bennghe") opens the login page and signs in as a person would."""
    from tuyengiao.orgs.demo import PASSWORD

    def do(username, password=PASSWORD):
        page.goto(f"{demo_live_server.url}/login/")
        page.get_by_label("Tên đăng nhập").fill(username)
        page.get_by_label("Mật khẩu").fill(password)
        page.get_by_role("button", name="Đăng nhập").click()
        page.wait_for_url(f"{demo_live_server.url}/")
        return page

    return do
