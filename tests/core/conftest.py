"""Fixtures for the tests of the defences against guessing: people with known passwords."""

from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group

from tests.factories import TEST_PASSWORD, UserFactory


@pytest.fixture
def people(site_tree):
    """A partner and an editor (who may enter the admin), both with TEST_PASSWORD."""
    return SimpleNamespace(
        partner=UserFactory(username="socia", email="socia@example.org"),
        other=UserFactory(username="altra", email="altra@example.org"),
        editor=UserFactory(
            username="redattrice",
            email="redattrice@example.org",
            groups=[Group.objects.get(name="Editors")],
        ),
        password=TEST_PASSWORD,
    )
