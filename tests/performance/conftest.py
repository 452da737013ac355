"""Fixtures for the performance tests: the response cache switched on, with its own generation file."""

import pytest
from django.core.cache import caches


@pytest.fixture
def response_cache(settings, tmp_path):
    """The response cache as production runs it (the test settings leave it off)."""
    settings.CORDATA_RESPONSE_CACHE_SECONDS = 600
    settings.CORDATA_RESPONSE_CACHE_GENERATION_FILE = str(tmp_path / "response-generation")
    caches["responses"].clear()
    yield caches["responses"]
    caches["responses"].clear()
