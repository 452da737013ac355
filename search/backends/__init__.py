"""Cordata's search backends: Wagtail's, taught to match Italian and English in one index.

Configure `search.backends.database` (SQLite or PostgreSQL, chosen by the database in use) or
`search.backends.elasticsearch`; `cms/settings/search.py` picks one from the environment.
"""


class SearchUnavailable(Exception):
    """The search service cannot answer now (Elasticsearch down or too slow); try again later."""
