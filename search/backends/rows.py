"""What differs between databases when search reads thousands of matches' rows.

Search's reads are the same on every backend; the database in use only decides how a long id
list is sent and whether a backend's match can be joined to other tables in one statement.
"""

from __future__ import annotations

import json

from django.db import connection
from django.db.models.expressions import RawSQL


def id_list(ids) -> RawSQL | list:
    """A `__in` value for thousands of ids sent as one parameter the database unpacks.

    The ORM prepares an `IN (%s, %s, …)` list id by id, which costs more than the query
    itself once a common word matches thousands of objects.
    """
    ids = list(ids)
    if connection.vendor == "sqlite":
        return RawSQL("SELECT value FROM json_each(%s)", (json.dumps(ids),))
    if connection.vendor == "postgresql":
        return RawSQL("SELECT unnest(%s::bigint[])", (ids,))
    return ids


def joinable_scored_sql(results, limit: int) -> tuple[str, tuple] | None:
    """SQL for the best `limit` matches as (`object_id`, `score`) rows, lower scores better,
    to be joined to other tables in one statement; None where the backend cannot give it.

    Only the SQLite backend's results can (`search.backends.sqlite`): elsewhere the matching
    ids are read first.
    """
    if hasattr(results, "scored_sql") and connection.vendor == "sqlite":
        return results.scored_sql(limit)
    return None
