"""Settings come from the environment only (see .env.example); SQLite under var/ by default."""

import datetime as dt
import os
from email.utils import getaddresses
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy

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


# Fail closed: production is the default; `make demo`, `make serve` and the tests turn DEBUG on.
DEBUG = env_bool("DEBUG", False)
DEV_SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not DEBUG and (len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5 or SECRET_KEY == DEV_SECRET_KEY):
    raise ImproperlyConfigured(
        "SECRET_KEY must be a random string of at least 50 characters when DEBUG is off "
        "(for development set DEBUG=true). Make one with: python -c "
        '"import secrets; print(secrets.token_urlsafe(50))"'
    )
SECRET_KEY = SECRET_KEY or DEV_SECRET_KEY
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
    "csp",
    "django_filters",
    "simple_history",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "tuyengiao.orgs",
    "tuyengiao.accounts",
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
    "django_tasks",
    "django_tasks_db",
    "tuyengiao.notifications",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "tuyengiao.core.middleware.strip_nul_characters",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
    "tuyengiao.accounts.middleware.AccountPolicyMiddleware",
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
                "tuyengiao.orgs.context_processors.print_unit",
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
    # Two writers at once: a deferred transaction that reads, then writes, cannot upgrade its
    # lock and fails at once with «database is locked» (select_for_update is a no-op here).
    # IMMEDIATE takes the write lock at BEGIN, so the second writer waits (up to `timeout`
    # seconds) and then sees the first one's result. WAL lets readers go on meanwhile.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=20000;"
                # 64 MB of page cache and 256 MB memory-mapped reads per connection (issue 17)
                " PRAGMA cache_size=-65536; PRAGMA mmap_size=268435456;"
            ),
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = dt.timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 30))
AXES_RESET_ON_SUCCESS = True
AXES_ENABLED = env_bool("AXES_ENABLED", True)
# Username and address together: one person's typos never lock another account behind the
# office's shared address, and nobody can lock a colleague out from elsewhere.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_CALLABLE = "tuyengiao.accounts.views_me.lockout"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
PASSWORD_RESET_TIMEOUT = 3 * 24 * 3600  # the one-time link an admin e-mails
TOKEN_TTL_DAYS = env_int("TOKEN_TTL_DAYS", 90)  # API tokens (accounts.authentication)
# Sessions end after SESSION_IDLE_MINUTES without a request, and SESSION_MAX_HOURS after
# login in any case (accounts.middleware); the cookie's age follows the idle timeout.
SESSION_IDLE_TIMEOUT = env_int("SESSION_IDLE_MINUTES", 30) * 60
SESSION_ABSOLUTE_LIFETIME = env_int("SESSION_MAX_HOURS", 12) * 3600
SESSION_COOKIE_AGE = SESSION_IDLE_TIMEOUT
# Roles whose holders must log in with a second factor (TOTP). Off by default while DEBUG
# (the demo and the test suite log in with the shared demo password), on in production.
REQUIRE_2FA_ROLES = env_list("REQUIRE_2FA_ROLES", "" if DEBUG else "admin,approver")
OTP_TOTP_ISSUER = "Tuyen giao"
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

# A filter bar's empty choice reads «Tất cả», never django-filter's "---------".
FILTERS_EMPTY_CHOICE_LABEL = gettext_lazy("All")

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # Token first: a call without valid credentials gets 401 with «WWW-Authenticate: Token».
        "tuyengiao.accounts.authentication.ExpiringTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 100,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "EXCEPTION_HANDLER": "tuyengiao.core.api_errors.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "tuyengiao API",
    # The one error shape of core.api_errors, told to whoever integrates.
    "DESCRIPTION": (
        "API của hệ thống điều hành và báo cáo công tác Tuyên giáo.\n\n"
        "Mọi lỗi (400, 401, 403, 404, 429, 500) trả về cùng một dạng JSON: "
        '`{"detail": "thông báo cho người dùng", "errors": {"trường": ["thông báo"]}}`; '
        "`errors` là `{}` khi lỗi không gắn với trường nào."
    ),
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

SIMPLE_HISTORY_HISTORY_ID_USE_UUID = False

# Home panels, demo loaders, figure providers, URLs, API routes and menu entries: each app
# registers its own from its AppConfig.ready() (core.registry).

# Background work (ADR 0008): django-tasks, queue in the project's own database by default;
# `tuyengiao worker` runs it. TASKS_BACKEND=django_tasks_rq.RQBackend with REDIS_URL for
# deployments that outgrow one machine.
TASKS = {
    "default": {"BACKEND": os.environ.get("TASKS_BACKEND") or "django_tasks_db.DatabaseBackend"}
}
if "REDIS_URL" in os.environ:
    RQ_QUEUES = {"default": {"URL": os.environ["REDIS_URL"]}}
# Periodic jobs run by the worker: (name, "HH:MM" local time, dotted path of a task).
PERIODIC_TASKS = [
    (
        "daily-notices",
        os.environ.get("REMINDER_TIME", "07:00"),
        "tuyengiao.notifications.tasks.daily",
    ),
]
# Reminder defaults; a form may have its own (notifications.ReminderPolicy).
REMINDER_DAYS_BEFORE = env_int("REMINDER_DAYS_BEFORE", 3)
REMINDER_OVERDUE_EVERY = env_int("REMINDER_OVERDUE_EVERY", 3)
TASK_NOTICE_DAYS_BEFORE = 3
# Absolute links in e-mails.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
NOTIFICATION_POLL_SECONDS = env_int("NOTIFICATION_POLL_SECONDS", 30)
BACKGROUND_IMPORT_ROWS = env_int("BACKGROUND_IMPORT_ROWS", 500)
BACKGROUND_EXPORT_ROWS = env_int("BACKGROUND_EXPORT_ROWS", 5000)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = 20
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "tuyengiao@localhost")
# Without an SMTP server, e-mails are written to the worker's output.
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)

# Served over HTTPS behind the reverse proxy (its header: PROXY_SSL_HEADER below). On a
# plain-HTTP LAN set SECURE_COOKIES=false: cookies, the HTTPS redirect and HSTS are then off.
SECURE_COOKIES = env_bool("SECURE_COOKIES", not DEBUG)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = SECURE_COOKIES
SECURE_SSL_REDIRECT = SECURE_COOKIES
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000) if SECURE_COOKIES else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_COOKIES
# Preloading is a promise made for a whole public domain; its owner decides, not this app.
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SILENCED_SYSTEM_CHECKS = ["security.W021"]
SESSION_COOKIE_HTTPONLY = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Scripts only from our own static files (no inline script, no eval): an injected tag runs
# nothing. Styles also allow inline ones: the charts are inline SVG that matplotlib styles
# with style attributes, which no nonce can cover.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# No page needs a device; say so, so that an injected frame or script cannot ask either.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
        "display-capture",
        "serial",
        "bluetooth",
    )
}

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
