"""Settings come from the environment only (see .env.example); SQLite under var/ by default."""

import os
from email.utils import getaddresses
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent.parent
VAR_DIR = Path(os.environ.get("TUYENGIAO_VAR_DIR", PROJECT_DIR / "var"))


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in ("1", "true", "yes", "on"):
        return True
    if value.lower() in ("0", "false", "no", "off"):
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name) or str(default)
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from exc


DEBUG = env_bool("DEBUG", True)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off")
    SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")

INSTALLED_APPS = [
    # First, so that its Vietnamese catalog wins over Django's own ("Đăng xuất", not "Thoát").
    "tuyengiao.core",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "treebeard",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_htmx",
    "django_filters",
    "django_tables2",
    "simple_history",
    "axes",
    "tuyengiao.orgs",
    "tuyengiao.reporting",
    "tuyengiao.documents",
    "tuyengiao.campaigns",
    "tuyengiao.training",
    "tuyengiao.outreach",
    "tuyengiao.initiatives",
    "tuyengiao.meetings",
    "tuyengiao.awards",
    "tuyengiao.targets",
    "tuyengiao.reports",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "tuyengiao.urls"
WSGI_APPLICATION = "tuyengiao.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "tuyengiao.core.navigation.menu",
            ],
        },
    },
]

VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'tuyengiao.sqlite3'}",
        conn_max_age=60,
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # WAL lets the dev server read while a long import writes.
    DATABASES["default"].setdefault("OPTIONS", {})["init_command"] = "PRAGMA journal_mode=WAL;"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 10
AXES_COOLOFF_TIME = 1  # hours
AXES_RESET_ON_SUCCESS = True
AXES_ENABLED = env_bool("AXES_ENABLED", True)
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
LOCALE_PATHS: list = []  # each app ships its own locale/ (Django finds them)
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["tuyengiao.formats"]
# Numbers in pages go through the vn_number/vn_percent filters, so ids in URLs stay plain.
USE_THOUSAND_SEPARATOR = False

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
try:
    import xstatic.pkg.bootstrap as xbootstrap

    STATICFILES_DIRS.append(("bootstrap", xbootstrap.BASE_DIR))
except ImportError:  # pragma: no cover - declared as a dependency
    pass
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

MAX_UPLOAD_MB = env_int("MAX_UPLOAD_MB", 10)
DATA_UPLOAD_MAX_MEMORY_SIZE = (MAX_UPLOAD_MB + 1) * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework.authentication.TokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 100,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
}
SPECTACULAR_SETTINGS = {
    "TITLE": "tuyengiao API",
    "DESCRIPTION": "API của hệ thống điều hành và báo cáo công tác Tuyên giáo",
    "VERSION": "1",
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "SERVE_INCLUDE_SCHEMA": False,
    # Several models have a field called "kind"; give each choice set its own name.
    "ENUM_NAME_OVERRIDES": {
        "UnitKindEnum": "tuyengiao.orgs.choices.UnitKind",
        "ConferenceKindEnum": "tuyengiao.meetings.choices.ConferenceKind",
        "LinkKindEnum": "tuyengiao.documents.choices.LinkKind",
        "RecipientKindEnum": "tuyengiao.awards.choices.RecipientKind",
    },
}

DJANGO_TABLES2_TEMPLATE = "django_tables2/bootstrap5-responsive.html"
SIMPLE_HISTORY_HISTORY_ID_USE_UUID = False

# Panels on the home page: dotted paths to callables(request) -> dict | None with
# "template" and "context"; each app contributes what its users have to do.
HOME_PANELS = [
    "tuyengiao.orgs.panels.my_units",
    "tuyengiao.reporting.panels.forms_due",
    "tuyengiao.reporting.panels.follow_up",
    "tuyengiao.meetings.panels.my_tasks",
    "tuyengiao.meetings.panels.overdue_tasks",
]

# Demo loaders, run in this order by `tuyengiao demo`; each is `load(*, actor)`.
DEMO_LOADERS = [
    "tuyengiao.orgs.demo.load",
    "tuyengiao.reporting.demo.load",
    "tuyengiao.meetings.demo.load",
    "tuyengiao.documents.demo.load",
    "tuyengiao.campaigns.demo.load",
    "tuyengiao.awards.demo.load",
    "tuyengiao.targets.demo.load",
    "tuyengiao.training.demo.load",
    "tuyengiao.outreach.demo.load",
    "tuyengiao.initiatives.demo.load",
]

# Providers of the year-end report's figures: callables (unit, year) -> list[Figure].
FIGURE_PROVIDERS: list[str] = [
    "tuyengiao.documents.figures.year_figures",
    "tuyengiao.campaigns.figures.year_figures",
    "tuyengiao.meetings.figures.year_figures",
    "tuyengiao.awards.figures.year_figures",
    "tuyengiao.targets.figures.year_figures",
    "tuyengiao.training.figures.year_figures",
    "tuyengiao.outreach.figures.year_figures",
    "tuyengiao.initiatives.figures.year_figures",
]

if not DEBUG:
    SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
    CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)

# --- Operations (docs/operations.md) ---------------------------------------------------------
from tuyengiao.ops.logs import logging_config  # noqa: E402

INSTALLED_APPS += ["tuyengiao.ops"]
# Outermost: the request log sees the final status (500s included) and the whole duration.
MIDDLEWARE.insert(0, "tuyengiao.ops.logs.RequestLogMiddleware")
# Behind nginx over HTTPS, the origins whose form posts are trusted: https://tuyengiao.example.vn
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")
# The header in which nginx says "https" (deploy/nginx); empty when nothing sits in front.
_proxy_ssl_header = os.environ.get("PROXY_SSL_HEADER", "X-Forwarded-Proto")
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_" + _proxy_ssl_header.upper().replace("-", "_"), "https") if _proxy_ssl_header else None
)
# The proxy and the monitor ask /health/ on 127.0.0.1 over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
# Past one machine (docs/scaling.md): pages of totals read from a PostgreSQL read replica.
REPLICA_VIEWS = [
    "reporting:dashboard",
    "reporting:drilldown",
    "reporting-analytics-list",
    "reports:unit_year",
]
if os.environ.get("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = {
        **dj_database_url.parse(os.environ["DATABASE_REPLICA_URL"], conn_max_age=60),
        "TEST": {"MIRROR": "default"},
    }
    DATABASE_ROUTERS = ["tuyengiao.ops.replica.ReplicaRouter"]
    MIDDLEWARE.append("tuyengiao.ops.replica.ReplicaMiddleware")
HEALTH_MIN_FREE_MB = env_int("HEALTH_MIN_FREE_MB", 500)
HEALTH_QUEUE_MAX_AGE = env_int("HEALTH_QUEUE_MAX_AGE", 600)  # seconds a ready task may wait
# Errors (with their traceback) are mailed to ADMINS="Tên <a@b.vn>, c@d.vn" when EMAIL_HOST is set.
ADMINS = [(name, address) for name, address in getaddresses(env_list("ADMINS", "")) if address]
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", "tuyengiao@localhost")
# One line per request and every warning to stdout (journald): JSON in production.
LOG_FORMAT = os.environ.get("LOG_FORMAT") or ("text" if DEBUG else "json")
LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")  # of the project's own loggers
LOGGING = logging_config(
    LOG_FORMAT, mail_admins=bool(ADMINS and os.environ.get("EMAIL_HOST")), level=LOG_LEVEL
)
