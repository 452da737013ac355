"""The demo loaded for a module of tests, inside a transaction rolled back at its end."""

import io
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction

DEMO_PASSWORD = "clusters-cord-2012"


@contextmanager
def demo_loaded(django_db_blocker, *, verbosity: int = 0) -> Iterator[str]:
    """Run `load_demo` (its logins get DEMO_PASSWORD); yields what it printed.

    For module-scoped fixtures: each test's own transaction nests inside this one as a
    savepoint, so tests may write freely, and nothing of the demo outlives the module.
    """
    with django_db_blocker.unblock(), pytest.MonkeyPatch.context() as patch:
        patch.setenv("DEMO_PASSWORD", DEMO_PASSWORD)
        cache.clear()
        with transaction.atomic():
            output = io.StringIO()
            call_command("load_demo", verbosity=verbosity, stdout=output)
            yield output.getvalue()
            transaction.set_rollback(True)
        cache.clear()
