"""Settings shared by every environment; everything deployment-specific comes from the environment."""

from pathlib import Path

import dj_database_url

from .env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "cms"

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY")
# Former keys, still accepted for what they signed (sessions, reset links, API token digests)
# while a rotation is under way: the current key signs everything new (see README).
SECRET_KEY_FALLBACKS = env_list("SECRET_KEY_FALLBACKS", [])
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])

INSTALLED_APPS = [
    "cms.core",
    "cms.home",
    "cms.groups",
    "cms.knowledge",
    "cms.demo",
    # Before the Wagtail apps: it sets the models' api_fields, which API v3's schemas are built
    # from when wagtail.documents is ready (see cms/api/fields.py).
    "cms.api",
    "search",
    "django_tasks",
    "django_tasks_db",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail.api.v3",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_countries",
    "rest_framework",
    "ninja",
    "corsheaders",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "csp",
    # Sign-in lockout (settings in `security.py`).
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Outside the response cache, so a cached response gets its headers on every answer
    # (see browser.py; a response that already has a policy keeps it).
    "cms.core.browser_policy.AreaContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    # Anonymous responses from the cache, before anything that reads sessions (see cache.py).
    "cms.core.middleware.AnonymousResponseCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # After authentication: a signed-in person's responses are never cached (see the class).
    "cms.core.middleware.SignedInResponsesArePrivateMiddleware",
    # Restrictions and group memberships read once per request (see cms/core/privacy.py).
    "cms.core.privacy.PrivacyScopeMiddleware",
    # The admin's searches fall back to a database match while Elasticsearch is down.
    "search.middleware.AdminSearchFallbackMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes requires: turns a locked-out sign-in into its 429 page (see security.py).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: a SQLite file is the embedded default; DATABASE_URL selects PostgreSQL in production.
_DATABASE_URL = env_str("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
DATABASES = {
    "default": dj_database_url.parse(
        _DATABASE_URL,
        # SQLite keeps its connection (and the page cache below) for the worker's life: opening
        # it per request costs ~8 ms of a search. PostgreSQL's default stays per request.
        conn_max_age=env_int(
            "DATABASE_CONN_MAX_AGE", 600 if _DATABASE_URL.startswith("sqlite") else 0
        ),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A larger page cache and memory-mapped reads: a search reads thousands of index rows, and
    # SQLite's defaults (2 MB, no mapping) made it re-read them from the OS on every query.
    DATABASES["default"].setdefault("OPTIONS", {})["init_command"] = (
        f"PRAGMA cache_size=-{env_int('SQLITE_CACHE_KIB', 65536)};"
        f"PRAGMA mmap_size={env_int('SQLITE_MMAP_BYTES', 268435456)};"
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# The languages (LANGUAGE_CODE, LANGUAGES, WAGTAIL_CONTENT_LANGUAGES) are in `languages.py`,
# from CORDATA_LANGUAGES.
LOCALE_PATHS = [PROJECT_DIR / "locale"]
# Project date formats over Django's: Italian dates read "1 ottobre 2012".
FORMAT_MODULE_PATH = ["cms.formats"]
TIME_ZONE = "Europe/Rome"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT") or BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = Path(env_str("MEDIA_ROOT") or BASE_DIR / "media")
MEDIA_URL = "/media/"

# Wagtail
WAGTAIL_SITE_NAME = "Cordata"
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILDOCS_DOCUMENT_MODEL = "knowledge.ProjectDocument"
# Document serving, upload types and view-restriction options are in `privacy.py`.
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# The search backend is chosen in `search.py`, from the environment.
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = True

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

LOGIN_URL = "wagtailadmin_login"

# The cache backends and the response cache are in `cache.py`.

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}

from .api import *  # noqa: E402, F403
from .browser import *  # noqa: E402, F403
from .cache import *  # noqa: E402, F403
from .documents import *  # noqa: E402, F403
from .languages import *  # noqa: E402, F403
from .privacy import *  # noqa: E402, F403
from .search import *  # noqa: E402, F403
from .security import *  # noqa: E402, F403
from .tasks import *  # noqa: E402, F403
from .translation import *  # noqa: E402, F403
