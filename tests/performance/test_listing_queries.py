"""Listings cost the same number of SQL queries for 5 items as for 50.

The Italian home, press release index and partner index, and the API lists, are covered in
`tests/performance/test_queries.py` and `tests/api/test_queries.py`; these are the remaining
listings: the thematic group index, the knowledge index, site search (page and API), the
English home and press release index (whose relations are resolved to English pages), the RSS
feed and the sitemap. No search request writes to the database.
"""

import datetime

import pytest
from django.core.files.base import ContentFile

from cms.groups.models import MembershipRole
from tests.factories import (
    PartnerPageFactory,
    PressReleaseDocumentFactory,
    PressReleaseGroupFactory,
    PressReleasePageFactory,
    PressReleasePartnerFactory,
    ProjectDocumentFactory,
    StrategicPlanPageFactory,
    ThematicGroupMembershipFactory,
    ThematicGroupPageFactory,
    publish_translation,
)
from tests.query_counting import assert_same_cost, queries_for, writes_in

pytestmark = pytest.mark.django_db

COUNTRIES = ["IT", "DE", "HU", "SK", "CZ", "PL", "SI", "AT"]


def text_document(n: int, **fields):
    """A small plain-text document (quicker to make than the factory's PDF)."""
    text = f"Verbale della vendemmia numero {n}: cooperazione tra cluster."
    return ProjectDocumentFactory(
        title=f"Verbale {n}", file=ContentFile(text.encode(), name=f"verbale-{n}.txt"), **fields
    )


def add_groups(count: int, *, start: int) -> None:
    """Groups with a coordinator and a member each (partners from several countries) and a plan."""
    for n in range(start, start + count):
        group = ThematicGroupPageFactory(title=f"Gruppo {n}")
        for role in (MembershipRole.COORDINATOR, MembershipRole.MEMBER):
            partner = PartnerPageFactory(
                title=f"Partner {role} {n}", country=COUNTRIES[n % len(COUNTRIES)]
            )
            ThematicGroupMembershipFactory(page=group, partner=partner, role=role)
        StrategicPlanPageFactory(title=f"Piano {n}", group=group)


def add_library(count: int, *, start: int, group) -> None:
    """Strategic plans with an attachment, and library documents with a group and tags."""
    for n in range(start, start + count):
        document = text_document(n, thematic_group=group)
        document.tags.add(f"tema-{n}", "comune")
        StrategicPlanPageFactory(title=f"Piano {n}", group=group, attachment=None)


def add_releases(count: int, *, start: int, group, partner, translate: bool = False) -> None:
    """Releases about "vendemmia" with tags, a group, a partner and an attachment."""
    for n in range(start, start + count):
        release = PressReleasePageFactory(
            title=f"Vendemmia {n}",
            lead="La raccolta delle uve tra i partner del gruppo.",
            date=datetime.date(2012, 1, 1) + datetime.timedelta(days=n),
            tags=["vendemmia", f"annata {n % 4}"],
        )
        PressReleaseGroupFactory(page=release, group=group)
        PressReleasePartnerFactory(page=release, partner=partner)
        PressReleaseDocumentFactory(page=release, document=text_document(n))
        if translate:
            publish_translation(release, title=f"Grape harvest {n}", slug=f"grape-harvest-{n}")


def test_thematic_group_index(client, site_tree):
    url = site_tree.group_index.url
    add_groups(5, start=0)
    small = queries_for(client, url)
    add_groups(45, start=5)
    large = queries_for(client, url)
    assert_same_cost(small, large, sizes="5/50")


def test_knowledge_index(client, site_tree):
    group = ThematicGroupPageFactory(title="Agroalimentare")
    url = site_tree.knowledge_index.url
    add_library(5, start=0, group=group)
    small = queries_for(client, url)
    add_library(45, start=5, group=group)
    large = queries_for(client, url)
    assert_same_cost(small, large, sizes="5/50")


# One type per results page: which types share the first page of a relevance ranking differs
# between backends, and each type on the page is loaded by one query (not one per item).
@pytest.mark.parametrize(
    "url",
    [
        "/it/search/?q=vendemmia&type=home.PressReleasePage",
        "/it/search/?q=vendemmia&order=date&type=home.PressReleasePage",
        "/api/v2/search/?q=vendemmia&limit=100",
    ],
)
def test_search_results(client, site_tree, url):
    group = ThematicGroupPageFactory(title="Agroalimentare")
    partner = PartnerPageFactory(title="Parco Tecnologico Padano")
    add_releases(5, start=0, group=group, partner=partner)
    small = queries_for(client, url)
    add_releases(45, start=5, group=group, partner=partner)
    large = queries_for(client, url)
    assert_same_cost(small, large, sizes="5/50")
    # Searching records no hit, no query log, nothing: a read is a read.
    assert writes_in(large) == []


def test_english_home_and_press_release_index(client, site_tree):
    group = ThematicGroupPageFactory(title="Agroalimentare")
    partner = PartnerPageFactory(title="Parco Tecnologico Padano")
    publish_translation(group, title="Agri-food", slug="agri-food")
    seed = PressReleasePageFactory(title="Comunicato di partenza")
    english_index = publish_translation(seed).get_parent().specific
    english_home = english_index.get_parent().specific
    urls = [english_home.url, english_index.url]
    add_releases(5, start=0, group=group, partner=partner, translate=True)
    small = {url: queries_for(client, url) for url in urls}
    add_releases(45, start=5, group=group, partner=partner, translate=True)
    large = {url: queries_for(client, url) for url in urls}
    for url in urls:
        assert_same_cost(small[url], large[url], sizes="5/50")


def test_press_release_feed(client, site_tree):
    group = ThematicGroupPageFactory(title="Agroalimentare")
    partner = PartnerPageFactory(title="Parco Tecnologico Padano")
    url = site_tree.press_index.url + "feed/"
    add_releases(5, start=0, group=group, partner=partner)
    small = queries_for(client, url)
    add_releases(45, start=5, group=group, partner=partner)
    large = queries_for(client, url)
    assert_same_cost(small, large, sizes="5/50")


def test_sitemap(client, site_tree):
    group = ThematicGroupPageFactory(title="Agroalimentare")
    partner = PartnerPageFactory(title="Parco Tecnologico Padano")
    add_releases(5, start=0, group=group, partner=partner, translate=True)
    small = queries_for(client, "/sitemap.xml")
    add_releases(45, start=5, group=group, partner=partner, translate=True)
    large = queries_for(client, "/sitemap.xml")
    assert_same_cost(small, large, sizes="5/50")
