"""Caching: the cache backends, and the server-side cache of anonymous responses.

Local memory by default (each process its own); Redis when `REDIS_URL` is set, shared by every
process and host. The response cache (`cms.core.cache`) is on in production and off in
development and tests unless `RESPONSE_CACHE_SECONDS` says otherwise.
"""

import hashlib
import os
import tempfile
from pathlib import Path
from typing import Any

from .env import env_int, env_str

REDIS_URL = env_str("REDIS_URL")
# Settings modules are read after DJANGO_SETTINGS_MODULE is set (manage.py, wsgi, pytest).
_IN_PRODUCTION = os.environ.get("DJANGO_SETTINGS_MODULE", "").endswith(".production")

# Seconds an anonymous response is kept at most (0 turns the response cache off); content
# changes retire entries sooner.
CORDATA_RESPONSE_CACHE_SECONDS = env_int("RESPONSE_CACHE_SECONDS", 600 if _IN_PRODUCTION else 0)

if REDIS_URL:
    CACHES: dict[str, dict[str, Any]] = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "cordata",
        },
        "responses": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "cordata-responses",
        },
    }
    # The generation lives in Redis with the responses.
    CORDATA_RESPONSE_CACHE_GENERATION_FILE = ""
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "responses": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "cordata-responses",
            # Pages are tens of kilobytes: this bounds each process to some tens of megabytes.
            "OPTIONS": {"MAX_ENTRIES": env_int("RESPONSE_CACHE_MAX_ENTRIES", 1000)},
        },
    }
    # Every worker on this host reads the generation from this file; one file per database,
    # so that two sites on one host (or a benchmark beside a server) never share it.
    _database = env_str("DATABASE_URL") or str(Path(__file__).resolve().parent.parent.parent)
    CORDATA_RESPONSE_CACHE_GENERATION_FILE = env_str("RESPONSE_CACHE_GENERATION_FILE") or str(
        Path(tempfile.gettempdir())
        / f"cordata-responses-{hashlib.sha256(_database.encode()).hexdigest()[:16]}"
    )

# Never cached: the admin, document downloads (privacy is checked on each), accounts.
CORDATA_RESPONSE_CACHE_EXCLUDED_PATHS = (
    r"/admin/",
    r"/django-admin/",
    r"/documents/",
    r"/[a-z]{2}(?:-[a-z]+)?/account/",
)
# Cookies besides the session and messages cookies that identify a visitor: a request that
# carries one is never answered from the cache.
CORDATA_RESPONSE_CACHE_IDENTIFYING_COOKIES: tuple[str, ...] = ()
