"""Cordata's search backends: Wagtail's, taught to match Italian and English in one index.

Configure `search.backends.database` (SQLite or PostgreSQL, chosen by the database in use) or
`search.backends.elasticsearch`; `cms/settings/search.py` picks one from the environment.

When the search service cannot answer, a search raises `SearchUnavailable`, which each surface
turns into its own answer (the search page's message, the APIs' 503). Inside a
`database_fallback()` block (every Wagtail admin request, see `search.middleware`) the same
search is answered instead by a plain database match, so editors can still find their pages,
documents and images.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar


class SearchUnavailable(Exception):
    """The search service cannot answer now (Elasticsearch down or too slow); try again later."""


_database_fallback: ContextVar[bool] = ContextVar("cordata_search_database_fallback", default=False)


@contextmanager
def database_fallback() -> Iterator[None]:
    """Within this block, searches the service cannot answer are matched in the database.

    The match is Wagtail's fallback backend (`wagtail.search.backends.database.fallback`):
    every word contained, case-insensitively, in one of the model's searchable columns; no
    stemming and no relevance. It needs no index, so it answers whatever the index missed.
    """
    token = _database_fallback.set(True)
    try:
        yield
    finally:
        _database_fallback.reset(token)


def database_fallback_active() -> bool:
    """Whether a search the service cannot answer should be matched in the database."""
    return _database_fallback.get()
