"""The press releases' RSS feed: valid XML, newest first, only what the public may read."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from wagtail.models import BaseViewRestriction

from tests.factories import (
    GroupFactory,
    PageViewRestrictionFactory,
    PressReleasePageFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def feed_url(index) -> str:
    return index.url + "feed/"


def fetch(client, index) -> ET.Element:
    response = client.get(feed_url(index))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)
    assert root.tag == "rss"
    channel = root.find("channel")
    assert channel is not None
    return channel


def item_titles(channel: ET.Element) -> list[str]:
    return [item.findtext("title") for item in channel.findall("item")]


@pytest.fixture
def releases(site_tree):
    return [
        PressReleasePageFactory(
            title="Prima International Benchmarking Conference",
            date=datetime.date(2011, 10, 26),
            tags=["benchmarking"],
        ),
        PressReleasePageFactory(
            title="Piani strategici in consultazione", date=datetime.date(2013, 2, 1)
        ),
        PressReleasePageFactory(
            title="Avviati i cinque gruppi tematici",
            date=datetime.date(2012, 1, 16),
            lead="Sono appena stati avviati i cinque gruppi tematici.",
            tags=["gruppi tematici", "Clusters Cord"],
        ),
    ]


def test_feed_is_rss_newest_first(client, site_tree, releases):
    channel = fetch(client, site_tree.press_index)
    assert channel.findtext("title").startswith(site_tree.press_index.title)
    assert channel.findtext("link").endswith(site_tree.press_index.url)
    assert item_titles(channel) == [
        "Piani strategici in consultazione",
        "Avviati i cinque gruppi tematici",
        "Prima International Benchmarking Conference",
    ]


def test_feed_items_carry_link_lead_date_and_tags(client, site_tree, releases):
    channel = fetch(client, site_tree.press_index)
    item = next(i for i in channel.findall("item") if i.findtext("title").startswith("Avviati"))
    # Items link to the canonical address of the Wagtail site.
    assert item.findtext("link") == releases[2].get_full_url()
    assert item.findtext("description") == "Sono appena stati avviati i cinque gruppi tematici."
    assert "16 Jan 2012" in item.findtext("pubDate")
    assert {c.text for c in item.findall("category")} == {"gruppi tematici", "Clusters Cord"}


def test_feed_excludes_drafts(client, site_tree, releases):
    PressReleasePageFactory(
        title="Bozza non pubblicata", date=datetime.date(2014, 1, 1), live=False
    )
    titles = item_titles(fetch(client, site_tree.press_index))
    assert "Bozza non pubblicata" not in titles
    assert len(titles) == 3


def test_feed_is_public_whoever_fetches_it(client, site_tree, releases):
    partners = GroupFactory(name="Partner di progetto")
    member = UserFactory(username="socio", groups=[partners])
    restricted = PressReleasePageFactory(
        title="Nota riservata ai partner", date=datetime.date(2014, 1, 1)
    )
    PageViewRestrictionFactory(
        page=restricted, restriction_type=BaseViewRestriction.GROUPS, groups=[partners]
    )
    assert "Nota riservata ai partner" not in item_titles(fetch(client, site_tree.press_index))
    client.force_login(member)
    assert "Nota riservata ai partner" not in item_titles(fetch(client, site_tree.press_index))


def test_empty_feed_is_still_valid(client, site_tree):
    assert item_titles(fetch(client, site_tree.press_index)) == []


def test_feed_keeps_the_latest_twenty(client, site_tree):
    for day in range(1, 23):
        PressReleasePageFactory(title=f"Notizia {day:02d}", date=datetime.date(2012, 5, day))
    titles = item_titles(fetch(client, site_tree.press_index))
    assert titles == [f"Notizia {day:02d}" for day in range(22, 2, -1)]


def test_index_links_to_its_feed(client, site_tree):
    response = client.get(site_tree.press_index.url)
    assert feed_url(site_tree.press_index).encode() in response.content
