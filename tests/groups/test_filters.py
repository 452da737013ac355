"""Partner index filters: valid values narrow the list; invalid ones answer 400 with a message,
never 500."""

import pytest

from cms.groups.models import PartnerKind
from tests.factories import PartnerPageFactory
from tests.html import assert_bad_request, listed

pytestmark = pytest.mark.django_db

PARTNERS = {
    "milano": ("Milano Metropoli Agenzia di Sviluppo", "IT", PartnerKind.DEVELOPMENT_AGENCY),
    "usti": ("Regional Development Agency of Usti Region", "CZ", PartnerKind.DEVELOPMENT_AGENCY),
    "cvr": (
        "Centre for research, innovation and regional development",
        "CZ",
        PartnerKind.RESEARCH_CENTRE,
    ),
    "linz": ("Upper Austrian Chamber of Commerce", "AT", PartnerKind.CHAMBER_OF_COMMERCE),
}


class TestPartnerFilters:
    """Country (ISO code, any case) and kind narrow the partners; the rest is refused."""

    @pytest.fixture
    def index(self, site_tree):
        for title, country, kind in PARTNERS.values():
            PartnerPageFactory(title=title, country=country, kind=kind)
        return site_tree.partner_index

    @pytest.fixture
    def titles(self):
        return {key: title for key, (title, _country, _kind) in PARTNERS.items()}

    def test_unfiltered_lists_all(self, client, index, titles):
        response = client.get(index.url)
        assert response.status_code == 200
        assert listed(response, titles) == set(PARTNERS)

    @pytest.mark.parametrize("code", ["CZ", "cz", "Cz", " cz "])
    def test_country_in_any_case(self, client, index, titles, code):
        response = client.get(index.url, {"country": code})
        assert response.status_code == 200
        assert listed(response, titles) == {"usti", "cvr"}

    def test_kind(self, client, index, titles):
        response = client.get(index.url, {"kind": "chamber_of_commerce"})
        assert response.status_code == 200
        assert listed(response, titles) == {"linz"}

    def test_country_and_kind(self, client, index, titles):
        response = client.get(index.url, {"country": "CZ", "kind": "research_centre"})
        assert listed(response, titles) == {"cvr"}

    def test_valid_country_without_partners_is_an_empty_list(self, client, index, titles):
        response = client.get(index.url, {"country": "DE"})
        assert response.status_code == 200
        assert listed(response, titles) == set()

    @pytest.mark.parametrize(
        "query",
        [
            {"country": "XX"},
            {"country": "ITA"},
            {"country": "12"},
            {"country": "<script>"},
            {"kind": "bogus"},
            {"kind": "Chamber_of_commerce"},
            {"country": "CZ", "kind": "bogus"},
            {"page": "0"},
            {"page": "abc"},
        ],
        ids=lambda query: "&".join(f"{k}={v}" for k, v in query.items()),
    )
    def test_invalid_values_are_a_400_with_a_message(self, client, index, query):
        assert_bad_request(client.get(index.url, query))

    def test_page_past_the_end_is_a_404(self, client, index):
        assert client.get(index.url, {"page": "2"}).status_code == 404
