# Two commands do all the set-up on a fresh Debian machine with python3.11 and make:
#   make demo   — venv, install, migrate, demo data, serve http://127.0.0.1:8000
#   make test   — the whole suite (unit, integration, browser)
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1:8000
export DJANGO_SETTINGS_MODULE := tuyengiao.settings
# Production is the default (DEBUG off needs a real SECRET_KEY); these targets are for development.
export DEBUG ?= true

.PHONY: install demo serve test test-fast bench lint messages check

$(BIN)/tuyengiao: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	# xstatic-bootstrap's sdist still imports pkg_resources, gone from setuptools 81.
	$(BIN)/pip install -q 'setuptools<81' wheel
	$(BIN)/pip install -q --no-build-isolation -e '.[dev]'
	touch $@

install: $(BIN)/tuyengiao
	$(BIN)/python -m tuyengiao.core.i18n
	# Bytecode for the project's own modules (an editable install writes none, and with
	# PYTHONDONTWRITEBYTECODE Python never does): start-up compiles ~220 modules otherwise.
	$(BIN)/python -m compileall -q src >/dev/null

demo: install
	$(BIN)/tuyengiao migrate --noinput -v0
	$(BIN)/tuyengiao demo
	@echo "Mở http://$(HOST) và đăng nhập bằng một tài khoản ở trên (Ctrl+C để dừng)."
	$(BIN)/tuyengiao worker & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/tuyengiao runserver $(HOST) --noreload

serve: install
	$(BIN)/tuyengiao runserver $(HOST)

test: install
	$(BIN)/python -m tuyengiao.core.i18n --check
	$(BIN)/tuyengiao check --fail-level WARNING
	$(BIN)/tuyengiao makemigrations --check --dry-run -v0
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	# Two runs: the browser tests flush their live-server database after each test (and copy
	# the demo back from a template), so they run apart from the others. Each run loads the
	# demo once; its other workers copy it (tuyengiao/core/testdb.py).
	$(BIN)/pytest -q -n 2 -m "not browser" $(PYTEST_ARGS)
	DJANGO_ALLOW_ASYNC_UNSAFE=true $(BIN)/pytest -q -m browser $(PYTEST_ARGS)

test-fast: install
	$(BIN)/pytest -q -m "not browser" $(PYTEST_ARGS)

bench: install
	$(BIN)/python bench/run.py
	$(BIN)/python bench/report_annual.py

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# Re-extract the strings of every app into its locale/vi/LC_MESSAGES/django.po.
messages: install
	for app in src/tuyengiao/*/; do \
	  if [ -f $$app/apps.py ]; then (cd $$app && mkdir -p locale && \
	    ../../../$(BIN)/django-admin makemessages -l vi --no-obsolete -i 'tests/*' >/dev/null); fi; \
	done
	$(BIN)/python -m tuyengiao.core.i18n
