"""Throwaway databases for benchmarks and whole-process tests."""

from __future__ import annotations

import uuid
from collections.abc import Callable


def throwaway_postgres_database(url: str, *, prefix: str) -> tuple[str, Callable[[], None]]:
    """A new, empty PostgreSQL database on the server of `url`; its URL and how to drop it.

    The database is named `prefix` and a random suffix; the URL keeps `url`'s query string.
    """
    import dj_database_url
    import psycopg

    config = dj_database_url.parse(url)
    name = f"{prefix}_{uuid.uuid4().hex[:8]}"
    admin = {
        "host": config["HOST"] or None,
        "port": config["PORT"] or None,
        "user": config["USER"] or None,
        "password": config["PASSWORD"] or None,
        "dbname": "postgres",
        "autocommit": True,
    }
    with psycopg.connect(**admin) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')

    def drop() -> None:
        with psycopg.connect(**admin) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    address, _, query = url.partition("?")
    base = address.rpartition("/")[0]
    return f"{base}/{name}" + (f"?{query}" if query else ""), drop
