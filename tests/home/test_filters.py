"""Press release index filters: valid values narrow the list; invalid ones answer 400 with a
message, never 500."""

import datetime

import pytest

from tests import html
from tests.factories import PressReleasePageFactory
from tests.html import assert_bad_request, listed

pytestmark = pytest.mark.django_db

RELEASES = {
    "launch": ("Avviati i cinque gruppi tematici", datetime.date(2012, 1, 16), ["gruppi tematici"]),
    "benchmarking": (
        "Prima International Benchmarking Conference",
        datetime.date(2011, 10, 26),
        ["benchmarking"],
    ),
    "energy": (
        "Exchange forum su energia e ambiente",
        datetime.date(2012, 6, 5),
        ["energia", "gruppi tematici"],
    ),
    "plans": ("Piani strategici in consultazione", datetime.date(2013, 2, 1), []),
}


class TestPressReleaseFilters:
    """Tag (slug) and year narrow the press releases; the rest is refused."""

    @pytest.fixture
    def index(self, site_tree):
        for title, date, tags in RELEASES.values():
            PressReleasePageFactory(title=title, date=date, tags=tags)
        return site_tree.press_index

    @pytest.fixture
    def titles(self):
        return {key: title for key, (title, _date, _tags) in RELEASES.items()}

    def test_unfiltered_lists_all(self, client, index, titles):
        response = client.get(index.url)
        assert response.status_code == 200
        assert listed(response, titles) == set(RELEASES)

    def test_newest_first(self, client, index, titles):
        text = html.text(client.get(index.url))
        positions = [text.index(titles[key]) for key in ("plans", "energy", "launch")]
        assert positions == sorted(positions)
        assert text.index(titles["launch"]) < text.index(titles["benchmarking"])

    def test_tag(self, client, index, titles):
        response = client.get(index.url, {"tag": "gruppi-tematici"})
        assert response.status_code == 200
        assert listed(response, titles) == {"launch", "energy"}

    def test_year(self, client, index, titles):
        response = client.get(index.url, {"year": "2012"})
        assert response.status_code == 200
        assert listed(response, titles) == {"launch", "energy"}
        assert listed(client.get(index.url, {"year": "2011"}), titles) == {"benchmarking"}

    def test_tag_and_year(self, client, index, titles):
        response = client.get(index.url, {"tag": "gruppi-tematici", "year": "2012"})
        assert listed(response, titles) == {"launch", "energy"}
        response = client.get(index.url, {"tag": "energia", "year": "2011"})
        assert response.status_code == 200
        assert listed(response, titles) == set()

    def test_empty_values_mean_no_filter(self, client, index, titles):
        response = client.get(index.url, {"tag": "", "year": "", "page": ""})
        assert response.status_code == 200
        assert listed(response, titles) == set(RELEASES)

    def test_unknown_tag_is_an_empty_list(self, client, index, titles):
        response = client.get(index.url, {"tag": "nessun-comunicato"})
        assert response.status_code == 200
        assert listed(response, titles) == set()
        assert response.context["items"].paginator.count == 0

    def test_tag_used_only_by_a_draft_is_an_empty_list(self, client, index, titles):
        PressReleasePageFactory(title="Bozza sul turismo", tags=["turismo"], live=False)
        response = client.get(index.url, {"tag": "turismo"})
        assert response.status_code == 200
        assert listed(response, {**titles, "draft": "Bozza sul turismo"}) == set()

    @pytest.mark.parametrize(
        "query",
        [
            {"year": "abc"},
            {"year": "99999"},
            {"year": "-2012"},
            {"year": "2012.5"},
            {"page": "0"},
            {"page": "-1"},
            {"page": "abc"},
            {"page": "1e3"},
            {"tag": "<script>alert(1)</script>"},
            {"tag": "gruppi tematici"},
            {"tag": "x" * 101},
            {"tag": "gruppi-tematici", "year": "duemiladodici"},
        ],
        ids=lambda query: "&".join(f"{k}={v[:12]}" for k, v in query.items()),
    )
    def test_invalid_values_are_a_400_with_a_message(self, client, index, query):
        assert_bad_request(client.get(index.url, query))

    def test_script_in_a_filter_is_not_reflected(self, client, index):
        response = client.get(index.url, {"tag": "<script>alert(1)</script>"})
        assert response.status_code == 400
        assert "<script>alert(1)" not in response.content.decode()

    def test_page_past_the_end_is_a_404(self, client, index):
        assert client.get(index.url, {"page": "1"}).status_code == 200
        assert client.get(index.url, {"page": "2"}).status_code == 404
        assert client.get(index.url, {"page": "500"}).status_code == 404

    def test_second_page(self, client, index, titles):
        for day in range(1, 10):
            PressReleasePageFactory(
                title=f"Notizia di marzo {day}", date=datetime.date(2014, 3, day)
            )
        assert index.per_page == 10
        first = client.get(index.url)
        second = client.get(index.url, {"page": "2"})
        assert second.status_code == 200
        # The oldest releases move to the second page.
        assert listed(first, titles) == {"plans"}
        assert listed(second, titles) == {"launch", "energy", "benchmarking"}
        assert client.get(index.url, {"page": "3"}).status_code == 404
