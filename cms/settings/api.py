"""Settings for the public APIs (v2 and v3): limits, caching, CORS; deployments tune them by environment."""

from .env import env_bool, env_int, env_list

# Wagtail's API: at most this many items per request (`?limit` above it answers 400).
WAGTAILAPI_LIMIT_MAX = env_int("API_LIMIT_MAX", 100)
WAGTAILAPI_SEARCH_ENABLED = True
WAGTAILAPI_DOCS_ENABLED = env_bool("API_DOCS_ENABLED", True)
# Seconds between writes of a token's `last_used_at`: one write per token per interval.
WAGTAILAPI_TOKEN_LAST_USED_INTERVAL = 60

# Anonymous responses may be kept by browsers and shared caches for this many seconds.
CORDATA_API_CACHE_MAX_AGE = env_int("API_CACHE_MAX_AGE", 300)
# The one rendition every API image shape points to.
CORDATA_API_IMAGE_RENDITION = "max-1200x1200"

# Cross-origin reads by partners' sites: only the listed origins, only reading methods.
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS", [])
CORS_URLS_REGEX = r"^/api/v[23]/.*$"
CORS_ALLOW_METHODS = ("GET", "HEAD", "OPTIONS")
# Partners' scripts may read when to retry after a 429.
CORS_EXPOSE_HEADERS = ("ETag", "Retry-After")
