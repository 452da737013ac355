"""`demo_load`: every step of the demo, the public site's and then the workspaces', in order.

The public site's steps are in `builder`, the private side's in `workspaces`; this module is
the only one that names both, so neither imports the other's caller.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction
from wagtail.models import Site

from cms.home.models import HomePage

from . import content
from .builder import (
    collections_ensure,
    documents_ensure,
    groups_ensure,
    home_ensure,
    locales_ensure,
    logo_ensure,
    partners_ensure,
    plans_ensure,
    press_releases_ensure,
    roles_ensure,
    sections_ensure,
    tag_translations_ensure,
    translations_ensure,
    users_ensure,
)
from .workspaces import workspaces_load


@dataclass(frozen=True)
class DemoSite:
    """What a demo load leaves behind, for the summary the command prints."""

    home: HomePage
    site: Site
    usernames: tuple[str, ...]


def demo_load(*, password: str, log: Callable[[str], None] = lambda message: None) -> DemoSite:
    """Load the whole demo in one transaction, reporting each step through `log`."""
    with transaction.atomic():
        locale, result = locales_ensure()
        log(f"Locales ({', '.join(content.LANGUAGES)}): {result}")
        collections, result = collections_ensure()
        log(f"Collections: {result}")
        logo, result = logo_ensure(collection=collections[content.PUBLIC_COLLECTION])
        log(f"Logo image: {result}")
        home, site, result = home_ensure(locale=locale, logo=logo)
        log(f"Home page and site: {result}")
        sections, result = sections_ensure(home=home)
        log(f"Section pages: {result}")
        partners, result = partners_ensure(index=sections.partners)
        log(f"Partners: {result}")
        groups, result = groups_ensure(index=sections.groups, partners=partners)
        log(f"Thematic groups: {result}")
        documents, result = documents_ensure(collections=collections, groups=groups)
        log(f"Documents: {result}")
        plan_documents, result = plans_ensure(
            index=sections.knowledge, collections=collections, groups=groups, partners=partners
        )
        log(f"Strategic plans and their PDFs: {result}")
        _, result = press_releases_ensure(
            index=sections.press,
            groups=groups,
            partners=partners,
            documents={**documents, **plan_documents},
            logo=logo,
        )
        log(f"Press releases: {result}")
        english_home, result = translations_ensure(home=home)
        log(f"English translations: {result}")
        result = tag_translations_ensure()
        log(f"English tag names: {result}")
        result = roles_ensure(home=home, english_home=english_home)
        log(f"Editors and Translators permissions: {result}")
        usernames, result = users_ensure(password=password)
        log(f"Users: {result}")
        workspaces_load(password=password, log=log)
    return DemoSite(home=home, site=site, usernames=usernames)
