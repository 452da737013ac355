"""A database and media directory of their own for tests that run Cordata in other processes
(a task worker, a web server), as production does.

The test suite's own database lives in a transaction other processes cannot see, so these
tests migrate a throwaway database — a SQLite file, or a PostgreSQL database beside the test
database when `DATABASE_URL` points at PostgreSQL — and drive it through `manage.py`.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings

from bench.databases import throwaway_postgres_database

ROOT = Path(settings.BASE_DIR)


@dataclass
class ProcessSite:
    """The environment of the processes under test, and a way to run `manage.py` in it."""

    env: dict[str, str]
    media_root: Path

    def manage(self, *args: str, timeout: float = 120, **extra_env: str):
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env={**self.env, **extra_env},
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )

    def python(self, code: str, **extra_env: str):
        """Runs `code` in Django (`manage.py shell`); what it prints as JSON, parsed."""
        result = self.manage("shell", "--no-imports", "-c", code, **extra_env)
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="session")
def process_site(tmp_path_factory) -> Iterator[ProcessSite]:
    """A migrated database and a media directory, shared by the processes a test starts."""
    workdir = tmp_path_factory.mktemp("processes")
    url = os.environ.get("DATABASE_URL", "")
    drop = None
    if url.startswith(("postgres://", "postgresql://")):
        url, drop = throwaway_postgres_database(url, prefix="cordata_processes")
    else:
        url = f"sqlite:///{workdir / 'db.sqlite3'}"
    media_root = workdir / "media"
    media_root.mkdir()
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "PYTEST_", "TASK_", "RESPONSE_CACHE"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.test",
        DATABASE_URL=url,
        TEST_MEDIA_ROOT=str(media_root),
        TASK_BACKEND="database",
        RESPONSE_CACHE_SECONDS="0",
    )
    site = ProcessSite(env=env, media_root=media_root)
    migrated = site.manage("migrate", "--noinput", timeout=600)
    assert migrated.returncode == 0, migrated.stderr
    try:
        yield site
    finally:
        if drop is not None:
            drop()
