"""Factories for Wagtail's and Django's own models: locales, collections, users, restrictions."""

import factory
import wagtail_factories
from django.contrib.auth.models import Group
from factory.django import DjangoModelFactory
from wagtail.models import (
    BaseViewRestriction,
    Collection,
    CollectionViewRestriction,
    Locale,
    Page,
    PageViewRestriction,
)

# Fixed so a failing login in a test can be reproduced by hand.
TEST_PASSWORD = "cordata-test-password"


def locale(language_code: str) -> Locale:
    """The locale for `language_code`, created on first use (migrations only create the default)."""
    return Locale.objects.get_or_create(language_code=language_code)[0]


def publish_translation(page, language_code: str = "en", **changes):
    """Copy `page` (and its untranslated parents) into `language_code`, change it, publish all copies."""
    translation = page.copy_for_translation(locale(language_code), copy_parents=True)
    for name, value in changes.items():
        setattr(translation, name, value)
    translation.save()
    for copy in Page.objects.filter(locale__language_code=language_code, live=False):
        copy.specific.save_revision().publish()
    translation.refresh_from_db()
    return translation.specific


def publish(page):
    """Publish `page` through a revision, as the admin does (factories skip revisions), so the
    publication signals fire."""
    page.save_revision().publish()
    page.refresh_from_db()
    return page


class LocaleFactory(DjangoModelFactory):
    """A content locale; get-or-create, since a language code may exist once only."""

    language_code = "it"

    class Meta:
        model = Locale
        django_get_or_create = ["language_code"]


class CollectionFactory(wagtail_factories.CollectionFactory):
    """A collection under the root collection (the base factory would make a second root)."""

    name = factory.Sequence(lambda n: f"Raccolta {n}")
    parent = factory.LazyFunction(Collection.get_first_root_node)


class GroupFactory(DjangoModelFactory):
    """A Django auth group, as used by view restrictions."""

    name = factory.Sequence(lambda n: f"Gruppo di lavoro {n}")

    class Meta:
        model = Group
        django_get_or_create = ["name"]


class UserFactory(DjangoModelFactory):
    """A site user with a known password; pass `groups=[...]` to place them in auth groups."""

    username = factory.Sequence(lambda n: f"utente{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password(TEST_PASSWORD)
    is_active = True

    class Meta:
        model = "auth.User"
        skip_postgeneration_save = True
        django_get_or_create = ["username"]

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(*extracted)


class SuperUserFactory(UserFactory):
    """A superuser, who passes every view restriction."""

    username = factory.Sequence(lambda n: f"amministratore{n}")
    is_staff = True
    is_superuser = True


class PageViewRestrictionFactory(DjangoModelFactory):
    """A view restriction on a page and its subtree; `groups=[...]` for a groups restriction."""

    restriction_type = BaseViewRestriction.LOGIN

    class Meta:
        model = PageViewRestriction
        skip_postgeneration_save = True

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(*extracted)


class CollectionViewRestrictionFactory(DjangoModelFactory):
    """A view restriction on a collection and its descendant collections."""

    restriction_type = BaseViewRestriction.LOGIN

    class Meta:
        model = CollectionViewRestriction
        skip_postgeneration_save = True

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(*extracted)
