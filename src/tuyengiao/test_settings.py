"""The test suite's settings: the development defaults (pytest-django still runs each test
with DEBUG off, so error pages and security headers are the production ones)."""

import os

os.environ.setdefault("DEBUG", "true")

from tuyengiao.settings import *  # noqa: E402, F403
