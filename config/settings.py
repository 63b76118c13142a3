"""Settings for Curation Desk, read from the environment.

Nothing set gives a development desk on SQLite (``db.sqlite3`` beside
``manage.py``). Production sets ``DJANGO_DEBUG=0``, ``DJANGO_SECRET_KEY``,
``DJANGO_ALLOWED_HOSTS`` and ``DATABASE_URL``; see docs/DEPLOYMENT.md.
"""

import os
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

# A key that is only ever used with DEBUG on; refusing it in production is
# what makes shipping it harmless.
DEVELOPMENT_SECRET_KEY = "insecure-development-key-never-used-in-production"


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from None


DEBUG = env_bool("DJANGO_DEBUG", True)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "").strip()
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. With DJANGO_DEBUG off the desk refuses to start "
            "without a real secret: set DJANGO_SECRET_KEY to a long random string."
        )
    SECRET_KEY = DEVELOPMENT_SECRET_KEY
elif not DEBUG and (SECRET_KEY == DEVELOPMENT_SECRET_KEY or len(SECRET_KEY) < 32):
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY is too weak for production: use at least 32 random characters, not the development key."
    )

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "DJANGO_ALLOWED_HOSTS is not set. With DJANGO_DEBUG off, name the host names the desk "
        "answers to, separated by commas."
    )
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "corsheaders",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "curation",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before anything that can answer on its own (CommonMiddleware's
    # redirects), so that every API answer carries the CORS headers.
    "corsheaders.middleware.CorsMiddleware",
    "curation.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "curation.routers.PublicReadsMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "curation.middleware.WriteConflictMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASE_URL = os.environ.get("DATABASE_URL", "").strip()
if DATABASE_URL:
    DATABASES = {
        "default": dj_database_url.parse(
            DATABASE_URL,
            conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
            conn_health_checks=True,
        )
    }
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": os.environ.get("DJANGO_SQLITE_PATH", str(BASE_DIR / "db.sqlite3")),
            # Waiting for a lock beats "database is locked" when a command and
            # the development server write at the same moment.
            "OPTIONS": {"timeout": 20},
        }
    }

# Read replicas: one or several PostgreSQL standbys, comma-separated. Public
# pages and the API read from them (curation/routers.py); everything else,
# and every write, uses the primary. Tests mirror them onto the primary.
REPLICA_URLS = env_list("DATABASE_REPLICA_URL")
if REPLICA_URLS and not DATABASE_URL:
    raise ImproperlyConfigured("DATABASE_REPLICA_URL needs DATABASE_URL: replicas copy a PostgreSQL primary.")
for number, replica_url in enumerate(REPLICA_URLS, start=1):
    DATABASES[f"replica_{number}"] = {
        **dj_database_url.parse(
            replica_url, conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60), conn_health_checks=True
        ),
        "TEST": {"MIRROR": "default"},
    }
DATABASE_ROUTERS = ["curation.routers.PrimaryReplicaRouter"]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# One process keeps its cache in memory; several app processes share Redis,
# so that the API's rate limit counts a client once, not once per process.
REDIS_URL = os.environ.get("REDIS_URL", "").strip()
# The cache only saves work: while Redis is down, pages and the API answer
# from the database (curation.cache logs a warning and retries later).
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "curation.cache.ForgivingRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Background jobs (curation/services/jobs.py) on Celery. With no broker the
# same jobs run in the process that starts them; see docs/DEPLOYMENT.md.
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "").strip()
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
# A worker takes one chunk at a time, so a slow chunk never holds others back
# and a killed worker had only one chunk to hand back.
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_IGNORE_RESULT = True
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Redis hands an unacknowledged chunk (its worker was killed) to another
# worker after this many seconds; keep it above the longest chunk's run.
CELERY_VISIBILITY_TIMEOUT = env_int("CELERY_VISIBILITY_TIMEOUT", 3600)
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": CELERY_VISIBILITY_TIMEOUT,
    "unacked_restore_interval": min(10, max(1, CELERY_VISIBILITY_TIMEOUT // 4)),
    "unacked_restore_throttle": 1 if CELERY_VISIBILITY_TIMEOUT < 600 else 10,
}
CELERY_TIMEZONE = "UTC"
# Nightly: the attribution checks over the articles changed since the last such run.
CELERY_BEAT_SCHEDULE = {
    "check-changed-articles-nightly": {
        "task": "curation.tasks.check_changed_articles",
        "schedule": crontab(hour=env_int("CURATION_NIGHTLY_CHECK_HOUR", 2), minute=0),
    },
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

LOGIN_URL = "admin:login"

# An article is at most 500,000 bytes (curation.importing.parsing); a form
# carrying more is refused with a message, and only a request twenty times
# that size is turned away before the form can say so (templates/400.html).
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# The REST API (curation/api): read-only and public. JSON for programs (the
# default), DRF's browsable pages for a person whose browser asks for HTML,
# CSV for lists. Nobody signs in to it, so an editor's session can never
# reveal drafts through it.


def env_rate(name: str, default: str) -> str | None:
    """Return a DRF throttle rate such as "120/min"; empty turns the limit off."""
    value = os.environ.get(name, default).strip()
    if not value:
        return None
    count, _, period = value.partition("/")
    if not (count.isdigit() and period[:1] in {"s", "m", "h", "d"} and period):
        raise ImproperlyConfigured(f"{name} must look like 120/min or 5000/day, not {value!r}.")
    return value


CURATION_API_ANON_RATE = env_rate("DJANGO_API_ANON_RATE", "120/min")
CURATION_API_PAGE_SIZE = 20
CURATION_API_MAX_PAGE_SIZE = 100

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "curation.api.schema.ApiAutoSchema",
    # The first is what a client that says nothing (or */*) gets.
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "curation.api.pagination.KeysetPagination",
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "curation.api.parameters.QueryParameterNegotiation",
    "DEFAULT_THROTTLE_CLASSES": ["curation.api.throttles.AnonymousRateThrottle"],
    "EXCEPTION_HANDLER": "curation.api.errors.exception_handler",
    # Behind a reverse proxy set this to the number of proxies, so that the
    # rate limit counts clients and not the proxy; 0 trusts REMOTE_ADDR only,
    # so a client cannot dodge the limit with a forged X-Forwarded-For.
    "NUM_PROXIES": env_int("DJANGO_API_NUM_PROXIES", 0),
}

# CORS: dashboards on any origin may read the API from a browser. Only
# /api/, only reading methods, and never credentials: the answer is "*", so a
# browser will not send the desk's cookies with a cross-origin request.
CORS_URLS_REGEX = r"^/api/"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_CREDENTIALS = False
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
# Accept is always allowed; If-None-Match lets a dashboard revalidate with the ETag.
CORS_ALLOW_HEADERS = ["accept", "if-none-match"]
CORS_EXPOSE_HEADERS = ["ETag", "Retry-After", "Content-Disposition"]
CORS_PREFLIGHT_MAX_AGE = 86400

SPECTACULAR_SETTINGS = {
    "TITLE": "Curation Desk API",
    "DESCRIPTION": (
        "Read-only access to the published statements, actors, articles, tags and corrections. "
        "Lists are paged by cursor: follow `next` and `previous`; `?format=csv` (or `Accept: text/csv`) gives a "
        "whole list as CSV instead. JSON is the default; a browser asking for HTML gets the browsable API. "
        "A query parameter an endpoint does not know is a 400 that names it. Any origin may read the API "
        "from a browser (CORS, GET only, no credentials). See docs/API.md."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Tag operations by collection ("statements"), not by the shared "v1" prefix.
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "curation.api.schema.query_parameters_allow_empty_values",
        "curation.api.schema.query_parameters_limit_length",
    ],
    # Enum names derived from field names ("KindEnum") would collide between
    # statements and actors; name them after what they are.
    "ENUM_NAME_OVERRIDES": {
        "StatementKind": "curation.models.Statement.Kind",
        "ActorKind": "curation.models.Actor.Kind",
    },
}

# Production hardening; each is off in development so runserver works over HTTP.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("DJANGO_BEHIND_TLS_PROXY", False) else None
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
# Load balancers probe the health check over plain HTTP, inside the network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Scripts and styles only from the desk itself; inline style attributes are
# allowed because the admin's templates use a few.
CONTENT_SECURITY_POLICY = os.environ.get(
    "DJANGO_CONTENT_SECURITY_POLICY",
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'",
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}

# Curation Desk's own settings.
CURATION_SEEDS_DIR = BASE_DIR / "seeds"
# Importing a link never fetches from private or loopback addresses, so the
# desk cannot be used to reach the servers beside it; tests serving a page
# locally turn this on.
CURATION_IMPORT_ALLOW_PRIVATE_ADDRESSES = env_bool("DJANGO_IMPORT_ALLOW_PRIVATE_ADDRESSES", False)
