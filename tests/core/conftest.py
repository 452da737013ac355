"""Fixtures for the core tests: people with known passwords (the defences against guessing),
and the site tree in Italian and English (translation)."""

from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group

from tests.factories import TEST_PASSWORD, UserFactory, locale, publish
from tests.translating import translate


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


@pytest.fixture
def en(db):
    return locale("en")


@pytest.fixture
def english_tree(site_tree, en):
    """The Italian tree of `site_tree` published and translated: `it` and `en` namespaces."""
    italian = SimpleNamespace(
        home=publish(site_tree.home),
        press_index=publish(site_tree.press_index),
        partner_index=publish(site_tree.partner_index),
        group_index=publish(site_tree.group_index),
        knowledge_index=publish(site_tree.knowledge_index),
    )
    english = SimpleNamespace(**{name: translate(page) for name, page in vars(italian).items()})
    return SimpleNamespace(it=italian, en=english, site=site_tree.site)
