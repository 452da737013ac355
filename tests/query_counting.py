"""Counting the SQL a request costs, and reporting what grows when it should not."""

import re
from collections import Counter

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext


def query_shape(sql: str) -> str:
    """A query with its literal values blanked, so repeats of one query look alike."""
    sql = re.sub(r"'(?:[^']|'')*'", "?", sql)
    sql = re.sub(r"\b\d+\b", "?", sql)
    return re.sub(r"\((?:\?, )+\?\)", "(?...)", sql)


def queries_for(client, url: str, **extra) -> list[str]:
    """The SQL of a second request to `url` (the first fills per-process caches)."""
    assert client.get(url, **extra).status_code == 200
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, **extra)
    assert response.status_code == 200, (url, response.status_code)
    return [query["sql"] for query in captured.captured_queries]


def assert_same_cost(small: list[str], large: list[str], *, sizes: str) -> None:
    """Fails, naming the queries that differ, unless both requests issued as many queries."""
    if len(small) == len(large):
        return
    small_shapes, large_shapes = Counter(map(query_shape, small)), Counter(map(query_shape, large))
    extra = (large_shapes - small_shapes) + (small_shapes - large_shapes)
    report = "\n".join(f"{count}× {shape}" for shape, count in extra.most_common())
    pytest.fail(
        f"{len(small)} queries for {sizes.split('/')[0]} items, {len(large)} for "
        f"{sizes.split('/')[1]}; the queries that differ are:\n{report}"
    )


def writes_in(queries: list[str]) -> list[str]:
    """The statements among `queries` that write."""
    return [
        sql for sql in queries if sql.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]
