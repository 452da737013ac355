"""Counting the SQL a request costs, and reporting what grows when it should not."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.test_queries import assert_same_cost

__all__ = ["assert_same_cost", "queries_for", "writes_in"]


def queries_for(client, url: str, **extra) -> list[str]:
    """The SQL of a second request to `url` (the first fills per-process caches)."""
    assert client.get(url, **extra).status_code == 200
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, **extra)
    assert response.status_code == 200, (url, response.status_code)
    return [query["sql"] for query in captured.captured_queries]


def writes_in(queries: list[str]) -> list[str]:
    return [
        sql for sql in queries if sql.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]
