"""The search page explains its query language in a collapsible help the search field points to."""

from html.parser import HTMLParser

import pytest

pytestmark = pytest.mark.django_db


class _Page(HTMLParser):
    """Every element's attributes by id, the search field, and the text of each <summary>."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.by_id: dict[str, tuple[str, dict[str, str | None]]] = {}
        self.search_input: dict[str, str | None] | None = None
        self.summaries: list[str] = []
        self._summary: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if attributes.get("id"):
            self.by_id[attributes["id"]] = (tag, attributes)
        if (
            tag == "input"
            and attributes.get("name") == "q"
            and "search-form__input" in (attributes.get("class") or "")
        ):
            self.search_input = attributes
        if tag == "summary":
            self._summary = []

    def handle_endtag(self, tag):
        if tag == "summary" and self._summary is not None:
            self.summaries.append(" ".join("".join(self._summary).split()))
            self._summary = None

    def handle_data(self, data):
        if self._summary is not None:
            self._summary.append(data)


def _page(client, url, **params) -> _Page:
    response = client.get(url, params)
    assert response.status_code == 200
    page = _Page()
    page.feed(response.content.decode())
    return page


@pytest.mark.parametrize(
    ("url", "summary"), [("/it/search/", "Come cercare"), ("/en/search/", "How to search")]
)
@pytest.mark.parametrize("params", [{}, {"q": "turismo"}], ids=["empty", "query"])
def test_the_help_is_there_and_the_field_points_to_it(client, site_tree, url, summary, params):
    page = _page(client, url, **params)
    assert page.by_id["search-help"][0] == "details"
    assert summary in page.summaries
    assert page.search_input is not None
    described_by = (page.search_input.get("aria-describedby") or "").split()
    assert "search-help-rules" in described_by
    for target in described_by:
        assert target in page.by_id, target
    assert page.by_id["search-help-rules"][0] == "ul"


def test_the_italian_help_reads_in_italian(client, site_tree):
    body = client.get("/it/search/").content.decode()
    assert "How to search" not in body
    assert "«piani» trova anche «piano»" in body
    assert "<code>turismo OR energia</code>" in body
