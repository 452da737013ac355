"""Site search over pages and documents: languages, documents' text, facets, order, privacy."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import BaseViewRestriction, Page

from search.selectors import SearchFilters, search_items, site_search
from tests.factories import (
    CollectionFactory,
    CollectionViewRestrictionFactory,
    GroupFactory,
    PageViewRestrictionFactory,
    PressReleasePageFactory,
    ProjectDocumentFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def titles(outcome) -> set[str]:
    return {item.title for item in search_items(outcome.hits, query=outcome.query, language="it")}


def search(text, language="it", **kwargs):
    return site_search(user=kwargs.pop("user", None), text=text, language=language, **kwargs)


class TestItalian:
    def test_a_singular_finds_the_plural_and_the_plural_the_singular(self, corpus):
        assert {"Piani strategici per la qualità del turismo", "Piano d'azione per il turismo"} <= (
            titles(search("piano"))
        )
        assert "Piano d'azione per il turismo" in titles(search("piani"))

    def test_a_noun_finds_the_verb(self, corpus):
        assert "Piani strategici per la qualità del turismo" in titles(search("cooperazione"))
        assert "Forum sull'efficienza energetica" in titles(search("valutazione"))

    def test_accents_do_not_matter(self, corpus):
        assert "Piani strategici per la qualità del turismo" in titles(search("qualita"))
        assert "Piani strategici per la qualità del turismo" in titles(search("QUALITÀ"))

    def test_every_word_must_match(self, corpus):
        assert titles(search("turismo energia")) == set()

    def test_english_content_is_not_searched_in_italian(self, corpus):
        assert "Strategic plans for tourism quality" not in titles(search("strategic plans"))


class TestEnglish:
    def test_english_inflections_in_english_content(self, corpus):
        found = titles(search("plan", language="en"))
        assert "Strategic plans for tourism quality" in found
        assert "Piani strategici per la qualità del turismo" not in found

    def test_english_documents_text(self, corpus):
        assert "Minutes of the Stuttgart forum" in titles(search("evaluating company", "en"))

    def test_the_english_page_searches_in_english(self, client, corpus):
        response = client.get("/en/search/", {"q": "cooperating agency"})
        assert response.status_code == 200
        assert [item.title for item in response.context["items"]] == [
            "Strategic plans for tourism quality"
        ]
        body = response.content.decode()
        assert "<mark>agencies</mark> <mark>cooperate</mark>" in body
        everything = client.get("/en/search/", {"q": "piani", "all_languages": "on"})
        assert "Piani strategici per la qualità del turismo" in everything.content.decode()

    def test_all_languages_finds_both(self, corpus):
        found = titles(search("strategici", language="en", all_languages=True))
        assert "Piani strategici per la qualità del turismo" in found
        found = titles(search("strategic plans", language="it", all_languages=True))
        assert "Strategic plans for tourism quality" in found


class TestDocuments:
    @pytest.mark.parametrize(
        ("text", "language", "title"),
        [
            ("servizi turistici", "it", "Rapporto di valutazione"),
            ("energy companies", "en", "Minutes of the Stuttgart forum"),
            ("cantina", "it", "Programma"),
            ("reti transnazionali", "it", "Glossary / Glossario"),
            ("network", "en", None),
        ],
    )
    def test_the_text_inside_each_format_is_searched(self, corpus, text, language, title):
        found = titles(search(text, language=language))
        if title:
            assert title in found
        else:
            assert not any(t.startswith("Glossary") for t in found)

    def test_a_document_of_other_language_is_found_in_both(self, corpus):
        assert "Glossary / Glossario" in titles(search("cluster", "en"))
        assert "Glossary / Glossario" in titles(search("cluster", "it"))

    def test_a_replaced_file_is_searched_with_its_new_text(self, corpus):
        from tests.factories import upload

        document = ProjectDocumentFactory(title="Bozza", file=upload("bozza.txt", b"vendemmia"))
        assert "Bozza" in titles(search("vendemmia"))
        document.file = upload("bozza-v2.txt", b"frantoio")
        document.save()
        assert "Bozza" not in titles(search("vendemmia"))
        assert "Bozza" in titles(search("frantoio"))


def facet(outcome, name) -> dict[str, int]:
    """A facet's counts by label (by value where labels follow the active language)."""
    key = "value" if name in ("type", "language") else "label"
    return {getattr(value, key): value.count for value in outcome.facets[name]}


class TestFacets:
    def test_counts_by_type_group_country_language_year_and_tag(self, corpus):
        outcome = search("turismo")
        assert facet(outcome, "type") == {
            "home.PressReleasePage": 1,
            "groups.ThematicGroupPage": 1,
            "knowledge.StrategicPlanPage": 1,
            "knowledge.ProjectDocument": 1,
        }
        assert facet(outcome, "group") == {"Turismo sostenibile": 4}
        assert facet(outcome, "country") == {"Slovenia": 2}
        assert facet(outcome, "language") == {"it": 4}
        assert facet(outcome, "tag") == {"turismo": 2, "qualita": 1}
        assert facet(outcome, "year")["2012"] == 1

    def test_a_facet_narrows_the_others_but_not_itself(self, corpus):
        tourism_key = str(corpus["tourism"].translation_key)
        outcome = search("valutazione", filters=SearchFilters(group=(tourism_key,)))
        assert titles(outcome) == {"Piano d'azione per il turismo", "Rapporto di valutazione"}
        # The group facet still offers the other group, counted without this selection.
        assert facet(outcome, "group") == {"Turismo sostenibile": 2, "Energia e ambiente": 1}
        assert facet(outcome, "type") == {
            "knowledge.StrategicPlanPage": 1,
            "knowledge.ProjectDocument": 1,
        }
        assert [value.selected for value in outcome.facets["group"]] == [True, False]

    def test_values_within_a_facet_are_alternatives(self, corpus):
        outcome = search(
            "valutazione",
            filters=SearchFilters(type=("knowledge.ProjectDocument", "home.PressReleasePage")),
        )
        assert titles(outcome) == {"Rapporto di valutazione", "Forum sull'efficienza energetica"}

    def test_country_tag_and_year(self, corpus):
        assert titles(search("stoccarda", filters=SearchFilters(country=("DE",)))) == {
            "Camera di commercio di Stoccarda",
            "Forum sull'efficienza energetica",
            "Energia e ambiente",
        }
        assert titles(search("turismo", filters=SearchFilters(tag=("qualita",)))) == {
            "Piani strategici per la qualità del turismo"
        }
        assert titles(search("stoccarda", filters=SearchFilters(year=(2013,)))) == {
            "Forum sull'efficienza energetica"
        }

    def test_facet_links_on_the_page_narrow_the_results(self, client, corpus):
        response = client.get("/it/search/", {"q": "turismo"})
        assert response.status_code == 200
        links = {
            entry["facet"].value: entry["url"]
            for panel in response.context["facet_panels"]
            for entry in panel["values"]
        }
        narrowed = client.get("/it/search/" + links["knowledge.ProjectDocument"])
        assert [item.title for item in narrowed.context["items"]] == ["Rapporto di valutazione"]
        assert [active["facet"].value for active in narrowed.context["active_filters"]] == [
            "knowledge.ProjectDocument"
        ]


class TestOrderAndPages:
    def test_order_by_date_puts_the_newest_first(self, corpus):
        outcome = search("stoccarda", order="date")
        dated = [hit.date for hit in outcome.hits if hit.date]
        assert dated[0].year == 2013
        assert dated == sorted(dated, reverse=True)
        assert outcome.hits[: len(dated)] == [hit for hit in outcome.hits if hit.date]

    def test_results_are_paginated(self, client, corpus):
        for number in range(12):
            PressReleasePageFactory(title=f"Vendemmia {number}", lead="Raccolta delle uve.")
        first = client.get("/it/search/", {"q": "vendemmia"})
        second = client.get("/it/search/", {"q": "vendemmia", "page": 2})
        assert first.context["outcome"].total == 12
        assert len(first.context["items"]) == 10
        assert len(second.context["items"]) == 2
        assert client.get("/it/search/", {"q": "vendemmia", "page": 3}).status_code == 404

    def test_queries_do_not_grow_with_the_results(self, client, corpus):
        def count():
            with CaptureQueriesContext(connection) as queries:
                assert client.get("/it/search/", {"q": "vendemmia"}).status_code == 200
            return len(queries)

        PressReleasePageFactory(title="Vendemmia", lead="Raccolta.", tags=["uva"])
        count()  # warms the per-process caches (content types, locales)
        one = count()
        for number in range(9):
            PressReleasePageFactory(title=f"Vendemmia {number}", lead="Raccolta.", tags=["uva"])
        assert count() == one


class TestHighlighting:
    def test_the_page_marks_matches_in_snippets(self, client, corpus):
        body = client.get("/it/search/", {"q": "cooperazione"}).content.decode()
        assert "<mark>cooperano</mark>" in body
        assert "&lt;b&gt;" not in body  # rich text is read as words, not markup

    def test_matches_in_a_document_are_marked(self, corpus):
        outcome = search("servizi")
        items = search_items(outcome.hits, query=outcome.query, language="it")
        assert "<mark>servizi</mark>" in str(items[0].snippet)


class TestPrivacy:
    @pytest.fixture
    def people(self, corpus):
        group = GroupFactory(name="Gruppo riservato")
        return {
            "anonymous": None,
            "outsider": UserFactory(username="esterno"),
            "member": UserFactory(username="socio", groups=[group]),
            "group": group,
        }

    @pytest.fixture
    def private(self, corpus, people):
        page = PressReleasePageFactory(title="Riunione riservata", lead="Bilancio riservato.")
        PageViewRestrictionFactory(
            page=page, restriction_type=BaseViewRestriction.GROUPS, groups=[people["group"]]
        )
        collection = CollectionFactory(name="Area riservata")
        CollectionViewRestrictionFactory(
            collection=collection,
            restriction_type=BaseViewRestriction.GROUPS,
            groups=[people["group"]],
        )
        ProjectDocumentFactory(title="Verbale riservato", collection=collection)
        return page

    @pytest.mark.parametrize(
        ("who", "sees"), [("anonymous", False), ("outsider", False), ("member", True)]
    )
    def test_restricted_pages_and_documents(self, client, people, private, who, sees):
        user = people[who]
        outcome = search("riservato", user=user)
        expected = {"Riunione riservata", "Verbale riservato"} if sees else set()
        assert titles(outcome) == expected
        assert sum(value.count for value in outcome.facets["type"]) == len(expected)
        if user is not None:
            client.force_login(user)
        body = client.get("/it/search/", {"q": "riservato"}).content.decode()
        assert ("Riunione riservata" in body) is sees
        api = client.get("/api/v2/search/", {"q": "riservato"}).json()
        assert api["meta"]["total_count"] == len(expected)

    def test_drafts_are_not_found(self, corpus):
        draft = PressReleasePageFactory(title="Bozza segreta", lead="Vendita.", live=False)
        assert draft.pk
        assert "Bozza segreta" not in titles(search("segreta"))


def test_the_admin_and_the_pages_api_still_search_with_plain_strings(client, corpus):
    found = {page.title for page in Page.objects.live().search("qualità")}
    assert "Piani strategici per la qualità del turismo" in found
    response = client.get("/api/v2/pages/", {"search": "agenzie"})
    assert response.status_code == 200, response.content
    # The listings' `search` reads the same query language.
    phrase = client.get("/api/v2/pages/", {"search": '"strategici piani"'}).json()
    assert phrase["meta"]["total_count"] == 0
    excluded = client.get("/api/v2/pages/", {"search": "turismo -piani"}).json()
    titles = {item["title"] for item in excluded["items"]}
    assert "Turismo sostenibile" in titles
    assert not any(title.startswith("Pian") for title in titles)


def test_the_database_index_holds_stems_in_each_objects_language(corpus):
    from django.db import connection
    from wagtail.search.backends import get_search_backend
    from wagtail.search.models import IndexEntry

    backend = get_search_backend()
    if connection.vendor == "postgresql":
        from search.backends.postgres import PostgresSearchBackend

        assert type(backend) is PostgresSearchBackend
        assert backend.config == "simple"  # no second stemming of stemmed text
    else:
        from search.backends.sqlite import SQLiteSearchBackend

        assert type(backend) is SQLiteSearchBackend

    def body(page):
        entry = IndexEntry.objects.get(object_id=str(page.pk), content_type_id=page.content_type_id)
        return str(entry.body)

    assert "agenz" in body(corpus["release"]) and "agenzie" not in body(corpus["release"])
    assert "agenc" in body(corpus["english_release"])


def ranked(outcome, language="it") -> list[str]:
    return [
        item.title for item in search_items(outcome.hits, query=outcome.query, language=language)
    ]


class TestQueryLanguage:
    def test_a_phrase_needs_its_words_together_and_in_order(self, corpus):
        assert "Piani strategici per la qualità del turismo" in titles(search('"piano strategico"'))
        assert titles(search('"strategici piani"')) == set()
        # Stop words inside a phrase are ignored, as in the index.
        assert "Piani strategici per la qualità del turismo" in titles(
            search('"qualità del turismo"')
        )

    def test_an_excluded_word_drops_every_inflection(self, corpus):
        found = titles(search("turismo -piani"))
        assert "Piani strategici per la qualità del turismo" not in found
        assert "Piano d'azione per il turismo" not in found
        assert "Turismo sostenibile" in found
        assert titles(search('turismo -"azione turismo"')) >= {"Turismo sostenibile"}
        assert "Piano d'azione per il turismo" not in titles(search('turismo -"azione turismo"'))

    def test_or_finds_either(self, corpus):
        found = titles(search("energetica OR cooperazione"))
        assert {
            "Forum sull'efficienza energetica",
            "Piani strategici per la qualità del turismo",
        } <= found
        assert titles(search("energetica cooperazione")) == set()

    def test_the_word_being_typed_matches_as_a_beginning(self, corpus):
        assert "Forum sull'efficienza energetica" in titles(search("efficien"))
        assert "Forum sull'efficienza energetica" in titles(search("valutaz"))
        # Stems shorter than the word typed, or ending otherwise, are still reached.
        for typed in ("valutazio", "valutazion", "efficienz"):
            assert "Forum sull'efficienza energetica" in titles(search(typed)), typed
        for typed in ("destinazio", "destinazion"):
            assert "Piani strategici per la qualità del turismo" in titles(search(typed)), typed
        assert "Development" not in " ".join(titles(search("develop")))
        assert "Strategic plans for tourism quality" in titles(search("develop", language="en"))
        # Only the last word: a word before it must match whole.
        assert titles(search("efficien energetica")) == set()

    def test_an_exact_title_comes_first(self, corpus):
        assert ranked(search("Piano d'azione per il turismo"))[0] == "Piano d'azione per il turismo"
        assert (
            ranked(search("piani strategici"))[0] == "Piani strategici per la qualità del turismo"
        )
        assert ranked(search("turismo"))[0] == "Turismo sostenibile"

    @pytest.mark.parametrize(
        "text", ['"', '-"', "OR", "-turismo", "NOT", '"""', "turismo OR", '-"piano', "**", "\x00"]
    )
    def test_syntax_never_fails(self, client, corpus, text):
        outcome = search(text)
        assert outcome.total >= 0
        # A null character is refused by the form (400); anything else is a search.
        assert client.get("/en/search/", {"q": text}).status_code == (
            400 if "\x00" in text else 200
        )
        response = client.get("/api/v2/search/", {"q": text})
        assert response.status_code in (200, 400)
        assert "message" in response.json() or "items" in response.json()


class TestResultDates:
    def test_only_content_with_a_date_of_its_own_shows_one(self, corpus):
        hits = {
            item.title: item.date
            for item in search_items(
                search("turismo").hits, query=search("turismo").query, language="it"
            )
        }
        assert hits["Piani strategici per la qualità del turismo"] is not None
        assert hits["Turismo sostenibile"] is None  # a thematic group
        assert hits["Piano d'azione per il turismo"] is None  # a plan not adopted yet
