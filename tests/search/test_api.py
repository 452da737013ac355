"""The search API: `/api/v2/search/?q=&locale=`, its shape, paging, errors and who is asking."""

import pytest
from django.urls import resolve
from wagtail.models import APIToken, BaseViewRestriction

from cms.api import search as search_endpoint
from search.backends import SearchUnavailable
from tests.factories import (
    GroupFactory,
    PageViewRestrictionFactory,
    PressReleasePageFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

URL = "/api/v2/search/"


def get(client, **params):
    return client.get(URL, params)


class TestShape:
    def test_items_meta_and_facets(self, client, corpus):
        response = get(client, q="qualità")
        assert response.status_code == 200
        assert response["Content-Type"] == "application/json"
        body = response.json()
        assert set(body) == {"meta", "items", "facets"}
        assert body["meta"]["total_count"] == len(body["items"]) == 1
        release = next(item for item in body["items"] if item["type"] == "home.PressReleasePage")
        assert set(release) == {"type", "id", "title", "url", "locale", "date", "snippet"}
        assert release["id"] == corpus["release"].pk
        assert release["title"] == "Piani strategici per la qualità del turismo"
        assert release["url"] == corpus["release"].full_url
        assert release["locale"] == "it"
        assert release["date"] == "2012-01-16"
        assert "<mark>qualità</mark>" in release["snippet"]
        assert set(body["facets"]) == {"type", "group", "country", "language", "year", "tag"}
        assert {"value", "label", "count", "selected"} == set(body["facets"]["type"][0])

    def test_documents_link_to_their_file(self, client, corpus):
        item = get(client, q="cantine").json()["items"][0]
        assert item["type"] == "knowledge.ProjectDocument"
        assert item["url"].startswith("http://testserver/documents/")
        assert item["locale"] == "it"

    def test_locale_chooses_the_language(self, client, corpus):
        english = get(client, q="plans", locale="en").json()
        assert [item["title"] for item in english["items"]] == [
            "Strategic plans for tourism quality"
        ]
        assert english["items"][0]["locale"] == "en"
        assert get(client, q="plans").json()["meta"]["total_count"] == 0
        both = get(client, q="plans", locale="it", all_languages="true").json()
        assert both["meta"]["total_count"] == 1

    def test_facets_narrow_and_offset_limit_page(self, client, corpus):
        everything = get(client, q="valutazione").json()
        documents = get(client, q="valutazione", type="knowledge.ProjectDocument").json()
        assert documents["meta"]["total_count"] == 1
        assert everything["meta"]["total_count"] > 1
        first = get(client, q="valutazione", limit=1).json()
        second = get(client, q="valutazione", limit=1, offset=1).json()
        assert len(first["items"]) == len(second["items"]) == 1
        assert first["items"][0] != second["items"][0]
        assert first["meta"]["total_count"] == everything["meta"]["total_count"]

    def test_order_by_date(self, client, corpus):
        items = get(client, q="stoccarda", order="date").json()["items"]
        dates = [item["date"] for item in items if item["date"]]
        assert dates == sorted(dates, reverse=True)

    def test_anonymous_answers_are_cacheable(self, client, corpus):
        response = get(client, q="turismo")
        assert "public" in response["Cache-Control"]
        assert response.has_header("ETag")


TYPES = (
    "wagtailcore.Page, home.HomePage, home.PressReleaseIndexPage, home.PressReleasePage, "
    "groups.PartnerIndexPage, groups.PartnerPage, groups.ThematicGroupIndexPage, "
    "groups.ThematicGroupPage, groups.WorkspacePage, knowledge.KnowledgeIndexPage, "
    "knowledge.StrategicPlanPage, knowledge.ProjectDocument"
)
Q_REQUIRED = "q is required: the words to search for, e.g. /api/v2/search/?q=turismo."


class TestErrors:
    @pytest.mark.parametrize(
        ("params", "expected"),
        [
            ({}, Q_REQUIRED),
            ({"q": "   "}, Q_REQUIRED),
            (
                {"q": "x" * 10_000},
                "q must be the words to search for, at most 300 characters "
                f"(got '{'x' * 60}… (10000 characters)').",
            ),
            ({"q": "piano", "locale": "fr"}, "locale must be one of it, en (got 'fr')."),
            ({"q": "piano", "limit": "0"}, "limit must be a whole number from 1 to 100 (got '0')."),
            (
                {"q": "piano", "limit": "1000"},
                "limit must be a whole number from 1 to 100 (got '1000').",
            ),
            (
                {"q": "piano", "offset": "-1"},
                "offset must be a whole number from 0 to 100000 (got '-1').",
            ),
            (
                {"q": "piano", "year": "duemila"},
                "year must be a year from 1900 to 2200 (got 'duemila').",
            ),
            (
                {"q": "piano", "group": "not-a-uuid"},
                "group must be a thematic group's key (a UUID, as the group facet lists them) "
                "(got 'not-a-uuid').",
            ),
            (
                {"q": "piano", "type": "wagtailcore.Nope"},
                f"type must be one of {TYPES} (got 'wagtailcore.Nope').",
            ),
            (
                {"q": "piano", "country": "Italia"},
                "country must be a two-letter ISO 3166-1 country code, e.g. DE (got 'ITALIA').",
            ),
            ({"q": "piano", "language": "fr"}, "language must be one of it, en, other (got 'fr')."),
            (
                {"q": "piano", "tag": "a b"},
                "tag must be a tag's slug (letters, digits, - and _, at most 100 characters) "
                "(got 'a b').",
            ),
            (
                {"q": "piano", "tag": [f"t{i}" for i in range(21)]},
                "tag may be given at most 20 times.",
            ),
            (
                {"q": "piano", "order": "random"},
                "order must be one of relevance, date (got 'random').",
            ),
            (
                {"q": "piano", "all_languages": "maybe"},
                "all_languages must be true or false (or 1 or 0) (got 'maybe').",
            ),
            ({"q": ["piano", "turismo"]}, "q may be given only once (got 2 values)."),
            (
                {"q": "piano", "search": "piano"},
                "Unknown query parameter: search. /api/v2/search/ accepts q, all_languages, type, "
                "group, country, language, year, tag, order, locale, offset, limit.",
            ),
            (
                {"q": "piano", "page": "2"},
                "Unknown query parameter: page. /api/v2/search/ accepts q, all_languages, type, "
                "group, country, language, year, tag, order, locale, offset, limit.",
            ),
        ],
    )
    def test_bad_parameters_answer_400_with_a_message(self, client, params, expected):
        response = client.get(URL, params)
        assert response.status_code == 400
        assert response.json() == {"message": expected}

    def test_messages_are_english_whatever_the_request_language(self, client):
        response = client.get(URL, {"q": "piano", "limit": "x"}, HTTP_ACCEPT_LANGUAGE="it")
        assert response.json()["message"] == (
            "limit must be a whole number from 1 to 100 (got 'x')."
        )

    def test_all_languages_spelled_for_clients(self, client, corpus):
        assert get(client, q="plans", all_languages="1").json()["meta"]["total_count"] == 1
        assert get(client, q="plans", all_languages="false").json()["meta"]["total_count"] == 0

    def test_only_reading_methods(self, client):
        response = client.post(URL, {"q": "piano"})
        assert response.status_code == 405
        assert response["Allow"] == "GET, HEAD, OPTIONS"
        assert response.json() == {
            "message": "POST is not allowed: the API is read-only; use GET or HEAD."
        }

    def test_an_unavailable_search_service_answers_503(self, client, corpus, monkeypatch):
        from search import forms

        def unavailable(**kwargs):
            raise SearchUnavailable("the search service timed out")

        # Both the page and the API search through `SearchForm.search`.
        monkeypatch.setattr(forms, "site_search", unavailable)
        response = get(client, q="piano")
        assert response.status_code == 503
        assert response.json() == {"message": "Search is temporarily unavailable; try again later."}


class TestWhoAsks:
    @pytest.fixture
    def member(self, corpus):
        group = GroupFactory(name="Partner riservati")
        page = PressReleasePageFactory(title="Bilancio interno", lead="Riservato ai partner.")
        PageViewRestrictionFactory(
            page=page, restriction_type=BaseViewRestriction.GROUPS, groups=[group]
        )
        return UserFactory(username="partner", groups=[group])

    def test_a_bearer_token_identifies_a_member(self, client, member):
        token = APIToken.create_token(user=member, name="sito partner")[1]
        anonymous = get(client, q="bilancio").json()
        with_token = client.get(URL, {"q": "bilancio"}, HTTP_AUTHORIZATION=f"Bearer {token}")
        assert anonymous["meta"]["total_count"] == 0
        assert with_token.json()["meta"]["total_count"] == 1
        assert "private" in with_token["Cache-Control"]

    def test_a_session_identifies_a_member(self, client, member):
        client.force_login(member)
        assert get(client, q="bilancio").json()["meta"]["total_count"] == 1

    def test_an_unknown_token_is_anonymous(self, client, member):
        response = client.get(URL, {"q": "bilancio"}, HTTP_AUTHORIZATION="Bearer sbagliato")
        assert response.json()["meta"]["total_count"] == 0


class TestHTTPPolicy:
    """The endpoint is one of the APIs: routed by their URLconf, its headers written by their
    HTTP policy (`cms.api.http`, through `cms.core.response_policy`) as v2's are."""

    @pytest.fixture
    def member(self, corpus):
        return UserFactory(username="partner")

    def test_routed_by_the_apis_urlconf(self):
        assert resolve(URL).func is search_endpoint.search
        assert resolve(URL, urlconf="cms.api.urls").func is search_endpoint.search
        assert resolve(URL).url_name == "search_api"

    def test_anonymous_answers_are_public_and_vary_on_both_identities(
        self, client, corpus, settings
    ):
        settings.CORDATA_API_CACHE_MAX_AGE = 120
        response = get(client, q="turismo")
        assert response["Cache-Control"] == "public, max-age=120"
        assert response["Vary"].startswith("Authorization, Cookie")
        etag = response["ETag"]
        again = client.get(URL, {"q": "turismo"}, HTTP_IF_NONE_MATCH=etag)
        assert again.status_code == 304
        assert again["ETag"] == etag

    def test_a_session_reads_privately(self, client, member):
        client.force_login(member)
        response = get(client, q="turismo")
        assert response.status_code == 200
        assert response["Cache-Control"] == "private, no-store"
        assert response["Vary"].startswith("Authorization, Cookie")
        assert not response.has_header("ETag")

    def test_a_token_reads_privately(self, client, member):
        token = APIToken.create_token(user=member, name="sito partner")[1]
        response = client.get(URL, {"q": "turismo"}, HTTP_AUTHORIZATION=f"Bearer {token}")
        assert response["Cache-Control"] == "private, no-store"

    def test_an_inactive_account_reads_as_anyone(self, client, corpus):
        client.force_login(UserFactory(username="revocato", is_active=False))
        assert "public" in get(client, q="turismo")["Cache-Control"]

    @pytest.mark.parametrize("params", [{"q": ""}, {"q": "piano", "limit": "x"}])
    def test_refusals_are_never_stored(self, client, params):
        response = get(client, **params)
        assert response.status_code == 400
        assert response["Cache-Control"] == "no-store"
        assert response["Vary"].startswith("Authorization, Cookie")
