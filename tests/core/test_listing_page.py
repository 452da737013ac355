"""The listing page every index extends: its query string, its pages and what templates get.

Each behaviour is checked through a real index page and the test client; each index's own
filters are checked in `tests/home/test_filters.py` and `tests/groups/test_filters.py`.
"""

import datetime
import re

import pytest

from cms.groups.models import PartnerIndexPage
from cms.home.models import PressReleaseIndexPage
from tests import html
from tests.factories import (
    PartnerPageFactory,
    PressReleasePageFactory,
    StrategicPlanPageFactory,
    ThematicGroupPageFactory,
)

pytestmark = pytest.mark.django_db


def releases(count: int) -> list[str]:
    """`count` releases, one a day; their titles, newest first."""
    titles = [f"Comunicato del giorno {day:02d}" for day in range(1, count + 1)]
    for day, title in enumerate(titles, start=1):
        PressReleasePageFactory(
            title=title, date=datetime.date(2012, 1, 1) + datetime.timedelta(days=day)
        )
    return titles[::-1]


def shown(response, titles: list[str]) -> list[str]:
    text = html.text(response)
    return [title for title in titles if title in text]


def page_links(response) -> list[str]:
    """The pagination's entries as a visitor reads them: numbers, "…" and the current one."""
    nav = re.search(r'<nav class="pagination".*?</nav>', response.content.decode(), re.S)
    assert nav, "no pagination"
    entries = re.findall(
        r'<li>(?:<span class="pagination__link is-current"[^>]*>.*?</span>(\d+)</span>'
        r'|<span class="pagination__ellipsis">(…)</span>'
        r'|<a class="pagination__link" href="[^"]*"><span[^>]*>.*?</span>(\d+)</a>)</li>',
        nav.group(0),
    )
    return [
        f"[{current}]" if current else (ellipsis or number) for current, ellipsis, number in entries
    ]


def form_messages(response) -> list[str]:
    return [
        message
        for messages in response.context["filter_form"].errors.values()
        for message in messages
    ]


class TestPageNumber:
    def test_a_page_size_of_its_own(self, client, site_tree):
        titles = releases(PressReleaseIndexPage.per_page + 1)
        first = client.get(site_tree.press_index.url)
        second = client.get(site_tree.press_index.url, {"page": "2"})
        assert first.context["items"].paginator.per_page == 10
        assert shown(first, titles) == titles[:10]
        assert second.status_code == 200
        assert shown(second, titles) == titles[10:]

    def test_partners_come_24_to_a_page(self, client, site_tree):
        for n in range(25):
            PartnerPageFactory(title=f"Agenzia {n:02d}", country="DE")
        first = client.get(site_tree.partner_index.url)
        assert len(first.context["items"]) == 24
        assert len(client.get(site_tree.partner_index.url, {"page": "2"}).context["items"]) == 1

    @pytest.mark.parametrize("number", ["abc", "0", "-1", "1.5", "100001"])
    def test_a_bad_page_number_is_a_400_showing_the_first_page(self, client, site_tree, number):
        titles = releases(12)
        response = client.get(site_tree.press_index.url, {"page": number})
        assert response.status_code == 400
        assert response.context["items"].number == 1
        assert shown(response, titles) == titles[:10]
        messages = form_messages(response)
        assert messages and all(message in html.text(response) for message in messages)

    def test_a_page_past_the_end_is_a_404(self, client, site_tree):
        releases(12)
        assert client.get(site_tree.press_index.url, {"page": "2"}).status_code == 200
        assert client.get(site_tree.press_index.url, {"page": "3"}).status_code == 404

    def test_an_empty_list_has_its_first_page(self, client, site_tree):
        response = client.get(site_tree.press_index.url, {"page": "1"})
        assert response.status_code == 200
        assert response.context["items"].paginator.count == 0
        assert client.get(site_tree.press_index.url, {"page": "2"}).status_code == 404

    def test_an_empty_page_number_is_the_first_page(self, client, site_tree):
        titles = releases(3)
        response = client.get(site_tree.press_index.url, {"page": ""})
        assert response.status_code == 200
        assert shown(response, titles) == titles


class TestFilters:
    def test_a_bad_filter_value_is_a_400_with_the_whole_list(self, client, site_tree):
        titles = releases(3)
        response = client.get(site_tree.press_index.url, {"year": "duemiladodici", "page": "2"})
        assert response.status_code == 400
        # Nothing of an invalid query is applied: no filter, and the first page.
        assert response.context["active_filters"] == {}
        assert response.context["items"].number == 1
        assert shown(response, titles) == titles
        assert form_messages(response)[0] in html.text(response)

    def test_the_applied_filters_without_the_page(self, client, site_tree):
        releases(3)
        response = client.get(site_tree.press_index.url, {"year": "2012", "tag": "", "page": "1"})
        assert response.status_code == 200
        assert response.context["active_filters"] == {"year": 2012}

    def test_unknown_parameters_are_ignored(self, client, site_tree):
        titles = releases(3)
        response = client.get(site_tree.press_index.url, {"utm_source": "newsletter"})
        assert response.status_code == 200
        assert shown(response, titles) == titles

    def test_without_a_filter_form_a_paginated_list_checks_the_page_alone(
        self, client, site_tree, monkeypatch
    ):
        monkeypatch.setattr(PartnerIndexPage, "filter_form", "")
        PartnerPageFactory(title="Agenzia di Usti", country="CZ")
        url = site_tree.partner_index.url
        ignored = client.get(url, {"country": "XX"})
        assert ignored.status_code == 200
        assert "Agenzia di Usti" in html.text(ignored)
        assert set(ignored.context["filter_form"].fields) == {"page"}
        assert client.get(url, {"page": "abc"}).status_code == 400

    def test_the_feed_beside_the_list_takes_no_filters(self, client, site_tree):
        releases(2)
        response = client.get(site_tree.press_index.url + "feed/", {"page": "abc"})
        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/rss+xml")


class TestElidedPageRange:
    @pytest.fixture
    def index(self, site_tree, monkeypatch):
        monkeypatch.setattr(PressReleaseIndexPage, "per_page", 1)
        releases(12)
        return site_tree.press_index

    @pytest.mark.parametrize(
        ("number", "expected"),
        [
            ("1", ["[1]", "2", "3", "…", "12"]),
            ("6", ["1", "…", "4", "5", "[6]", "7", "8", "…", "12"]),
            ("12", ["1", "…", "10", "11", "[12]"]),
        ],
    )
    def test_two_pages_around_the_current_one_and_one_at_each_end(
        self, client, index, number, expected
    ):
        response = client.get(index.url, {"page": number})
        assert response.status_code == 200
        assert page_links(response) == expected

    def test_the_links_keep_the_filters(self, client, index):
        response = client.get(index.url, {"year": "2012", "page": "2"})
        nav = re.search(r'<nav class="pagination".*?</nav>', response.content.decode(), re.S)
        links = re.findall(r'href="([^"]*)"', nav.group(0))
        assert links and all("year=2012" in link for link in links)
        # The first page is the address without `page`.
        assert "?year=2012" in links


class TestListsShownWhole:
    """The thematic groups and the knowledge base list everything, and take no parameters."""

    def test_the_group_index_ignores_the_query_string(self, client, site_tree):
        ThematicGroupPageFactory(title="Turismo", sector="tourism")
        plain = client.get(site_tree.group_index.url)
        for query in ({"page": "abc"}, {"page": "99"}, {"sector": "bogus"}):
            response = client.get(site_tree.group_index.url, query)
            assert response.status_code == 200
            assert response.content == plain.content
        assert [group.title for group in plain.context["groups"]] == ["Turismo"]
        assert "filter_form" not in plain.context

    def test_the_knowledge_index_ignores_the_query_string(self, client, site_tree):
        StrategicPlanPageFactory(title="Piano strategico turismo")
        plain = client.get(site_tree.knowledge_index.url)
        response = client.get(site_tree.knowledge_index.url, {"page": "abc"})
        assert response.status_code == 200
        assert response.content == plain.content
        assert [plan.title for plan in plain.context["plans"]] == ["Piano strategico turismo"]


class TestPreview:
    """The editor's preview of an index shows its list, as the published page does."""

    def test_the_press_index_preview_lists_the_releases(self, site_tree):
        PressReleasePageFactory(title="Al via il meta-cluster", date=datetime.date(2012, 5, 3))
        index = site_tree.press_index
        index.intro = "<p>Comunicati in anteprima.</p>"
        response = index.make_preview_request()
        assert response.status_code == 200
        content = response.content.decode()
        assert "Comunicati in anteprima." in content
        assert "Al via il meta-cluster" in content

    def test_the_knowledge_index_preview_lists_the_plans(self, site_tree):
        StrategicPlanPageFactory(title="Piano strategico turismo")
        response = site_tree.knowledge_index.make_preview_request()
        assert response.status_code == 200
        assert "Piano strategico turismo" in response.content.decode()
