"""Settings for site search: the backend, chosen from the environment, and the result limits.

The database backend (SQLite FTS5, or PostgreSQL full text when DATABASE_URL points there) is the
default; setting ELASTICSEARCH_URL switches to Elasticsearch 8/9 with Cordata's Italian and
English analyzers. Both are Cordata subclasses of Wagtail's backends (see `search.backends`).
"""

from .env import env_int, env_str

ELASTICSEARCH_URL = env_str("ELASTICSEARCH_URL")

if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.elasticsearch",
            "URLS": [ELASTICSEARCH_URL],
            "INDEX_PREFIX": env_str("ELASTICSEARCH_INDEX_PREFIX", "cordata_"),
            # Seconds a save or a search waits for the server before giving up (and queueing).
            "TIMEOUT": env_int("ELASTICSEARCH_TIMEOUT", 2),
            # Seconds one `update_index` batch may take.
            "BULK_TIMEOUT": env_int("ELASTICSEARCH_BULK_TIMEOUT", 60),
            # Seconds during which saves queue their index writes without trying the server again.
            "RETRY_AFTER": env_int("ELASTICSEARCH_RETRY_AFTER", 30),
        }
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.database"}}

# Results per page on the search page, and the API's default and largest `limit`.
CORDATA_SEARCH_PAGE_SIZE = 10
CORDATA_SEARCH_API_LIMIT = 20
CORDATA_SEARCH_API_LIMIT_MAX = 100
# The most matches counted per kind (pages, documents); Elasticsearch returns at most 10,000.
CORDATA_SEARCH_MAX_HITS = env_int("SEARCH_MAX_HITS", 10_000)
