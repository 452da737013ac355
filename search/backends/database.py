"""The database search backend for the database in use: SQLite FTS5 or PostgreSQL full text.

Both store text normalised per object language (`search.text`) and match exact tokens, so one
index serves Italian and English content alike.
"""

from django.core.exceptions import ImproperlyConfigured
from django.db import connection

_fts_ready = False


def _sqlite_fts_ready() -> bool:
    # The check opens a connection and queries the FTS table: once it passed, it is not repeated
    # (a failure is, since `migrate` may create the table meanwhile).
    global _fts_ready
    if not _fts_ready:
        from modelsearch.backends.database.sqlite.utils import fts5_available, fts_table_exists

        _fts_ready = fts5_available() and fts_table_exists()
    return _fts_ready


def SearchBackend(params):  # Wagtail looks a backend module's class up under this name
    """The Cordata backend for the default database's vendor."""
    if connection.vendor == "postgresql":
        from .postgres import PostgresSearchBackend

        return PostgresSearchBackend(params)
    if connection.vendor == "sqlite":
        if not _sqlite_fts_ready():
            raise ImproperlyConfigured(
                "Cordata's search needs SQLite with the FTS5 extension (and `migrate` run)."
            )
        from .sqlite import SQLiteSearchBackend

        return SQLiteSearchBackend(params)
    raise ImproperlyConfigured(
        f"Cordata's database search supports SQLite and PostgreSQL, not {connection.vendor}; "
        "set ELASTICSEARCH_URL to search with Elasticsearch instead."
    )
