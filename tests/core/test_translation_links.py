"""Links between languages: the switcher, hreflang, the sitemap, the root redirect, and
relations that lead to pages in the reader's language."""

import re
import xml.etree.ElementTree as ET

import pytest

from cms.core.translation import localized_pages
from tests import html
from tests.factories import (
    PartnerPageFactory,
    PressReleasePageFactory,
    PressReleasePartnerFactory,
    locale,
    publish,
)
from tests.translating import translate

LINK = re.compile(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">')
SWITCHER = re.compile(
    r'<a class="language-switcher__link[^"]*" href="([^"]+)" lang="(\w+)"[^>]*>([^<]+)(<span)?'
)


def _alternates(response) -> dict[str, str]:
    return dict(LINK.findall(response.content.decode()))


def switcher_links(response) -> dict[str, tuple[str, bool]]:
    """Language code → (link, whether it leads to this page's translation)."""
    return {
        code: (url, not hidden)
        for url, code, _name, hidden in SWITCHER.findall(response.content.decode())
    }


@pytest.fixture
def pair(english_tree):
    italian = publish(PressReleasePageFactory(parent=english_tree.it.press_index, title="Notizia"))
    return italian, translate(italian)


def test_a_translated_page_links_its_translation(client, pair):
    italian, english = pair
    for page in (italian, english):
        response = client.get(page.url)
        assert response.status_code == 200
        assert _alternates(response) == {
            "it": f"http://localhost{italian.url}",
            "en": f"http://localhost{english.url}",
            "x-default": f"http://localhost{italian.url}",
        }
        assert switcher_links(response) == {"it": (italian.url, True), "en": (english.url, True)}
    assert english.url.startswith("/en/") and italian.url.startswith("/it/")


def test_an_untranslated_page_links_the_other_home(client, english_tree):
    italian = publish(PressReleasePageFactory(parent=english_tree.it.press_index, title="Solo"))
    response = client.get(italian.url)
    assert _alternates(response) == {}
    switcher = switcher_links(response)
    assert switcher["it"] == (italian.url, True)
    assert switcher["en"] == ("/en/", False)


def test_a_draft_translation_is_not_linked(client, english_tree):
    italian = publish(PressReleasePageFactory(parent=english_tree.it.press_index, title="Bozza"))
    english = translate(italian)
    english.unpublish()
    response = client.get(italian.url)
    assert _alternates(response) == {}
    assert switcher_links(response)["en"] == ("/en/", False)


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("en-GB,en;q=0.9", "/en/"),
        ("it-IT,it;q=0.9,en;q=0.5", "/it/"),
        ("de-DE,fr;q=0.8", "/it/"),
        ("", "/it/"),
    ],
)
def test_the_root_redirects_by_accept_language(client, english_tree, accept_language, expected):
    headers = {"HTTP_ACCEPT_LANGUAGE": accept_language} if accept_language else {}
    response = client.get("/", **headers)
    assert response.status_code == 302
    assert response["Location"] == expected
    assert client.get(expected).status_code == 200


def test_the_sitemap_lists_both_languages_with_alternates(client, pair):
    italian, english = pair
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    namespaces = {
        "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
        "x": "http://www.w3.org/1999/xhtml",
    }
    root = ET.fromstring(response.content)
    entries = {
        url.findtext("s:loc", namespaces=namespaces): {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", namespaces)
        }
        for url in root.findall("s:url", namespaces)
    }
    italian_url, english_url = (f"http://localhost{p.url}" for p in (italian, english))
    expected = {"it": italian_url, "en": english_url, "x-default": italian_url}
    assert entries[italian_url] == expected
    assert entries[english_url] == expected
    assert "http://localhost/en/" in entries


def test_localized_pages_falls_back_to_the_source(english_tree):
    translated = publish(PartnerPageFactory(title="Tradotto"))
    untranslated = publish(PartnerPageFactory(title="Non tradotto"))
    english = translate(translated)
    result = localized_pages([translated, None, untranslated], locale("en"))
    assert [getattr(page, "pk", None) for page in result] == [english.pk, None, untranslated.pk]
    # Already in the language: nothing to look up.
    assert localized_pages([english], locale("en")) == [english]


def test_localized_pages_costs_constant_queries(english_tree, django_assert_max_num_queries):
    partners = [publish(PartnerPageFactory(title=f"Partner {n}")) for n in range(4)]
    for partner in partners:
        translate(partner)
    en = locale("en")
    with django_assert_max_num_queries(2):
        localized_pages(partners, en)


def test_a_release_links_english_partners(client, english_tree):
    partner = publish(PartnerPageFactory(title="Agenzia Gamma"))
    english_partner = translate(partner)
    release = PressReleasePageFactory(parent=english_tree.it.press_index, title="Con partner")
    PressReleasePartnerFactory(page=release, partner=partner)
    publish(release)
    english = translate(release)
    hrefs = html.hrefs(client.get(english.url))
    assert english_partner.url in hrefs
    assert partner.url not in hrefs
