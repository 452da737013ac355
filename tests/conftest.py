"""Shared fixtures: an Italian site tree and per-test media storage."""

from types import SimpleNamespace

import pytest
from django.core.cache import cache
from wagtail.models import Site

from tests.factories import (
    home_page,
    knowledge_index,
    partner_index,
    press_release_index,
    thematic_group_index,
)


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    # Each test writes its uploads to its own directory, so file names never collide.
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture(autouse=True)
def _empty_cache():
    # Wagtail caches site root paths by page id; ids are reused after a rollback.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def site_tree(db):
    """The default Site rooted at an Italian HomePage with its four indexes."""
    indexes = {
        "press_index": press_release_index(),
        "partner_index": partner_index(),
        "group_index": thematic_group_index(),
        "knowledge_index": knowledge_index(),
    }
    # Fetched after the indexes exist, so the home's child count is current.
    return SimpleNamespace(site=Site.objects.get(is_default_site=True), home=home_page(), **indexes)
