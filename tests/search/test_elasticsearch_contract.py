"""What Cordata asks of Elasticsearch: index settings, mappings, documents, queries, and outages.

No Elasticsearch server runs here. The settings, mappings and query bodies are built by the
backend classes themselves; requests go through the real client to a recording stand-in on
127.0.0.1 (`elasticsearch_server`); outages are a closed port or a server slower than the
timeout. `test_elasticsearch_live.py` runs the same searches against a real server.
"""

import io
import time

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from cms.home.models import PressReleasePage
from cms.knowledge.models import ProjectDocument
from search.backends import SearchUnavailable, database_fallback
from search.backends.elasticsearch import INDEX_SETTINGS, TITLE_BOOST, ElasticsearchMapping
from search.models import PendingIndexUpdate
from search.query import LanguageQuery
from search.ranking import FIELD_WEIGHTS
from search.selectors import site_search
from search.text import STOP_WORDS
from tests.factories import PressReleasePageFactory, ProjectDocumentFactory, publish_translation

from . import elasticsearch_server

PREFIX = "cordata_test_"


def es_settings(url: str, **options) -> dict:
    return {
        "default": {
            "BACKEND": "search.backends.elasticsearch",
            "URLS": [url],
            "INDEX_PREFIX": PREFIX,
            "TIMEOUT": 1,
            **options,
        }
    }


@pytest.fixture
def recorder():
    state, server = elasticsearch_server.start()
    with override_settings(WAGTAILSEARCH_BACKENDS=es_settings(state.url)):
        yield state
    server.shutdown()
    server.server_close()


@pytest.fixture
def unreachable():
    url = f"http://127.0.0.1:{elasticsearch_server.closed_port()}"
    with override_settings(WAGTAILSEARCH_BACKENDS=es_settings(url, RETRY_AFTER=30)):
        yield url


class TestIndexSettings:
    def test_italian_and_english_analyzers(self):
        backend = get_search_backend("search.backends.elasticsearch", URLS=["http://127.0.0.1:9"])
        analysis = backend.settings["settings"]["analysis"]
        assert analysis["analyzer"]["cordata_it"] == {
            "type": "custom",
            "tokenizer": "standard",
            "filter": [
                "cordata_italian_elision",
                "lowercase",
                "asciifolding",
                "cordata_italian_stop",
                "cordata_italian_stemmer",
            ],
        }
        assert analysis["analyzer"]["cordata_en"]["filter"] == [
            "cordata_english_possessive",
            "lowercase",
            "asciifolding",
            "cordata_english_stop",
            "cordata_english_stemmer",
        ]
        assert analysis["filter"]["cordata_italian_stemmer"] == {
            "type": "snowball",
            "language": "Italian",
        }
        assert analysis["filter"]["cordata_english_stemmer"] == {
            "type": "snowball",
            "language": "English",
        }
        # The same stop words as the database backend's normalisation.
        assert set(analysis["filter"]["cordata_italian_stop"]["stopwords"]) == STOP_WORDS["it"]
        assert set(analysis["filter"]["cordata_english_stop"]["stopwords"]) == STOP_WORDS["en"]
        # Wagtail's own analyzers (the admin's autocomplete) are kept.
        assert "edgengram_analyzer" in analysis["analyzer"]

    def test_settings_are_not_shared_between_backends(self):
        backend = get_search_backend("search.backends.elasticsearch", URLS=["http://127.0.0.1:9"])
        backend.settings["settings"]["analysis"]["analyzer"].pop("cordata_it")
        assert "cordata_it" in INDEX_SETTINGS["settings"]["analysis"]["analyzer"]

    def test_short_timeouts_and_no_retries(self):
        backend = get_search_backend("search.backends.elasticsearch", URLS=["http://127.0.0.1:9"])
        assert backend.timeout == 2
        # Per-request options of the client (the transport keeps its own defaults underneath).
        assert backend.es._max_retries == 0
        assert backend.es._retry_on_timeout is False


class TestMapping:
    @pytest.mark.parametrize("model", [PressReleasePage, Page, ProjectDocument])
    def test_per_language_fields_with_their_analyzer(self, model):
        properties = ElasticsearchMapping(model).get_mapping()["properties"]
        for language in ("it", "en"):
            for kind in ("title", "text"):
                assert properties[f"cordata_{kind}_{language}"] == {
                    "type": "text",
                    "analyzer": f"cordata_{language}",
                }
        assert "_all_text" in properties  # Wagtail's own fields stay for the admin

    @pytest.mark.django_db
    def test_documents_fill_the_fields_of_their_language(self, site_tree):
        release = PressReleasePageFactory(title="Piani strategici", lead="Le agenzie cooperano.")
        italian = ElasticsearchMapping(PressReleasePage).get_document(release)
        assert italian["cordata_title_it"] == "Piani strategici"
        assert "Le agenzie cooperano." in italian["cordata_text_it"]
        assert "Piani strategici" in italian["cordata_text_it"]
        assert "cordata_text_en" not in italian

        english = publish_translation(release, title="Strategic plans")
        document = ElasticsearchMapping(PressReleasePage).get_document(english)
        assert document["cordata_title_en"] == "Strategic plans"
        assert "cordata_text_it" not in document

        glossary = ProjectDocumentFactory(title="Glossario", language="other")
        both = ElasticsearchMapping(ProjectDocument).get_document(glossary)
        assert both["cordata_title_it"] == both["cordata_title_en"] == "Glossario"


def compiled(text, languages=("it",)):
    compiler = get_search_backend(
        "search.backends.elasticsearch", URLS=["http://127.0.0.1:9"]
    ).query_compiler_class
    return compiler.language_query(LanguageQuery(text, languages))


class TestQueries:
    def test_a_language_query_matches_that_language_fields(self):
        assert compiled("Piani strategici") == {
            "bool": {
                "must": [
                    {
                        "bool": {
                            "should": [
                                {
                                    "bool": {
                                        "must": [
                                            {"match": {"cordata_text_it": {"query": "Piani"}}},
                                            {
                                                "bool": {
                                                    "should": [
                                                        {
                                                            "match": {
                                                                "cordata_text_it": {
                                                                    "query": "strategici"
                                                                }
                                                            }
                                                        },
                                                        {
                                                            "match_bool_prefix": {
                                                                "cordata_text_it": "strategici"
                                                            }
                                                        },
                                                    ],
                                                    "minimum_should_match": 1,
                                                }
                                            },
                                        ]
                                    }
                                }
                            ],
                            "minimum_should_match": 1,
                        }
                    }
                ],
                "should": [
                    {
                        "match": {
                            "cordata_title_it": {"query": "piani strategici", "boost": TITLE_BOOST}
                        }
                    }
                ],
            }
        }

    def test_the_title_boost_is_the_field_weights_ratio(self):
        assert TITLE_BOOST == FIELD_WEIGHTS["title"] / FIELD_WEIGHTS["body"] == 10.0

    def test_all_languages_query_both(self):
        body = compiled("strategic plans", ("it", "en"))
        alternatives = body["bool"]["must"][0]["bool"]["should"]
        fields = [next(iter(group["bool"]["must"][0]["match"])) for group in alternatives]
        assert fields == ["cordata_text_it", "cordata_text_en"]

    def test_backend_syntax_is_sent_as_words(self):
        body = compiled('title:x^3 AND "piano"')
        words = body["bool"]["must"][0]["bool"]["should"][0]["bool"]["must"]
        # A match query analyses, never parses: `title:x^3` goes as typed (two words, so a
        # phrase), `AND` is dropped, a quoted word is that word.
        assert words == [
            {"match_phrase": {"cordata_text_it": "title:x^3"}},
            {"match": {"cordata_text_it": {"query": "piano"}}},
        ]

    def test_phrases_or_and_exclusions(self):
        body = compiled('"piano strategico" OR turismo -energia -"efficienza energetica"')
        first, second = body["bool"]["must"][0]["bool"]["should"]
        assert first == {
            "bool": {"must": [{"match_phrase": {"cordata_text_it": "piano strategico"}}]}
        }
        assert second["bool"]["must"][0]["match"] == {"cordata_text_it": {"query": "turismo"}}
        assert body["bool"]["must_not"] == [
            {"match": {"cordata_text_it": {"query": "energia"}}},
            {"match_phrase": {"cordata_text_it": "efficienza energetica"}},
        ]

    def test_phrases_go_as_typed_for_the_analyzer_to_read(self):
        # The index has a position gap where a stop word was and elides `dell'`: the query's
        # text must reach the same analyzer with its stop words and apostrophes.
        body = compiled('"Ricerca e sviluppo" quest\'anno -"piano dell\'azione"')
        clauses = body["bool"]["must"][0]["bool"]["should"][0]["bool"]["must"]
        assert clauses == [
            {"match_phrase": {"cordata_text_it": "Ricerca e sviluppo"}},
            {"match_phrase": {"cordata_text_it": "quest'anno"}},
        ]
        assert body["bool"]["must_not"] == [
            {"match_phrase": {"cordata_text_it": "piano dell'azione"}}
        ]

    def test_an_exclusion_is_asked_in_every_language(self):
        body = compiled("turismo -plans", ("it", "en"))
        assert [next(iter(clause["match"])) for clause in body["bool"]["must_not"]] == [
            "cordata_text_it",
            "cordata_text_en",
        ]

    def test_a_stop_word_clause_is_left_out_in_its_language(self):
        body = compiled("come turismo", ("it", "en"))
        italian, english = body["bool"]["must"][0]["bool"]["should"]
        assert len(italian["bool"]["must"]) == 1  # "come" is an Italian stop word
        assert len(english["bool"]["must"]) == 2

    @pytest.mark.parametrize("text", ["il la", "-turismo", '"', "OR"])
    def test_nothing_to_search_is_a_match_none(self, text):
        assert compiled(text) == {"bool": {"must_not": {"match_all": {}}}}


@pytest.mark.django_db
class TestThroughTheClient:
    def test_saving_indexes_the_object_with_its_language_fields(self, site_tree, recorder):
        release = PressReleasePageFactory(title="Qualità del turismo", lead="Destinazioni.")
        documents = recorder.bodies("PUT", f"/{PREFIX}wagtailcore_page/_doc/{release.pk}")
        assert documents, [r.path for r in recorder.requests]
        assert documents[-1]["cordata_title_it"] == "Qualità del turismo"
        assert documents[-1]["live_filter"] is True

    def test_unpublishing_and_deleting_follow(self, site_tree, recorder):
        release = PressReleasePageFactory(title="Notizia", lead="Breve.")
        release.unpublish()
        assert recorder.bodies("PUT", f"/_doc/{release.pk}")[-1]["live_filter"] is False
        pk = release.pk
        release.delete()
        assert any(
            r.method == "DELETE" and r.path.endswith(f"/_doc/{pk}") for r in recorder.requests
        )

    def test_the_listings_search_reads_the_query_language(self, client, site_tree, recorder):
        response = client.get("/api/v2/pages/", {"search": 'turismo -piani "ricerca e sviluppo"'})
        assert response.status_code == 200, response.content
        query = recorder.bodies("POST", f"/{PREFIX}wagtailcore_page/_search")[-1]["query"]
        text = str(query)
        assert "must_not" in text and "'cordata_text_it': {'query': 'piani'}" in text
        assert "'cordata_text_en': {'query': 'piani'}" in text  # every language
        assert "{'match_phrase': {'cordata_text_it': 'ricerca e sviluppo'}}" in text

    def test_the_admin_keeps_wagtails_own_query(self, site_tree, recorder):
        with database_fallback():
            list(Page.objects.live().search("turismo -piani"))
        query = recorder.bodies("POST", f"/{PREFIX}wagtailcore_page/_search")[-1]["query"]
        assert "cordata_text_it" not in str(query)

    def test_a_search_sends_the_language_query_and_reads_the_hits(self, site_tree, recorder):
        release = PressReleasePageFactory(title="Piani strategici", lead="Agenzie.")
        recorder.hits = [(str(release.pk), 4.5)]
        outcome = site_search(user=None, text="piano", language="it")
        page_search = recorder.bodies("POST", f"/{PREFIX}wagtailcore_page/_search")[-1]
        query = page_search["query"]["bool"]
        word = query["must"]["bool"]["must"][0]["bool"]["should"][0]["bool"]["must"][0]
        assert word["bool"]["should"] == [
            {"match": {"cordata_text_it": {"query": "piano"}}},
            {"match_bool_prefix": {"cordata_text_it": "piano"}},
        ]
        filters = str(query["filter"])
        assert "live_filter" in filters and "locale_id_filter" in filters
        assert page_search["size"] == 10_000 and page_search["_source"] is False
        assert [(hit.kind, hit.pk, hit.score) for hit in outcome.hits] == [
            ("page", release.pk, 4.5)
        ]
        document_search = recorder.bodies("POST", f"/{PREFIX}knowledge_projectdocument/_search")
        assert "language_filter" in str(document_search[-1]["query"])

    def test_update_index_creates_indexes_with_cordata_settings(self, site_tree, recorder):
        PressReleasePageFactory(title="Piani", lead="Agenzie.")
        output = io.StringIO()
        call_command("update_index", stdout=output)
        created = [
            r.body
            for r in recorder.requests
            if r.method == "PUT" and r.path.count("/") == 1 and r.body
        ]
        assert any("cordata_it" in str(body.get("settings")) for body in created)
        mappings = recorder.bodies("PUT", "/_mapping")
        assert any("cordata_text_it" in body["properties"] for body in mappings)
        bulk = [
            line
            for body in recorder.bodies("PUT", "/_bulk") + recorder.bodies("POST", "/_bulk")
            for line in body
        ]
        assert any(line.get("cordata_title_it") == "Piani" for line in bulk)
        assert "indexed" in output.getvalue()


@pytest.mark.django_db
class TestOutages:
    def test_saving_while_elasticsearch_is_down_is_quick_and_queued(self, site_tree, unreachable):
        started = time.monotonic()
        release = PressReleasePageFactory(title="Comunicato", lead="Durante un guasto.")
        release.save_revision().publish()
        assert time.monotonic() - started < 3
        entry = PendingIndexUpdate.objects.get(object_id=str(release.pk))
        assert entry.action == "index"
        assert entry.content_type.model_class() is PressReleasePage
        assert entry.error

    def test_a_slow_server_costs_one_timeout_then_writes_go_to_the_queue(self, site_tree):
        state, server = elasticsearch_server.start()
        state.delay = 3
        try:
            with override_settings(WAGTAILSEARCH_BACKENDS=es_settings(state.url, RETRY_AFTER=30)):
                started = time.monotonic()
                first = PressReleasePageFactory(title="Primo", lead="Lento.")
                first_took = time.monotonic() - started
                started = time.monotonic()
                second = PressReleasePageFactory(title="Secondo", lead="Lento.")
                second_took = time.monotonic() - started
        finally:
            server.shutdown()
            server.server_close()
        assert first_took < 2.5
        assert second_took < 0.5
        queued = set(PendingIndexUpdate.objects.values_list("object_id", flat=True))
        assert {str(first.pk), str(second.pk)} <= queued

    def test_deleting_while_down_is_queued_as_a_delete(self, site_tree, unreachable):
        release = PressReleasePageFactory(title="Da cancellare", lead="Via.")
        pk = release.pk
        release.delete()
        assert PendingIndexUpdate.objects.get(object_id=str(pk)).action == "delete"

    def test_search_says_it_is_unavailable(self, client, site_tree, unreachable):
        with pytest.raises(SearchUnavailable):
            site_search(user=None, text="piano", language="it")
        page = client.get("/it/search/", {"q": "piano"})
        assert page.status_code == 503
        assert "alert alert--error" in page.content.decode()
        api = client.get("/api/v2/search/", {"q": "piano"})
        assert api.status_code == 503
        assert "unavailable" in api.json()["message"]

    def test_update_index_pending_catches_up(self, site_tree, unreachable):
        kept = PressReleasePageFactory(title="Recuperato", lead="Dopo il guasto.")
        gone = PressReleasePageFactory(title="Sparito", lead="Cancellato.")
        gone_pk = gone.pk
        gone.delete()
        assert (
            PendingIndexUpdate.objects.filter(object_id__in=[str(kept.pk), str(gone_pk)]).count()
            == 2
        )

        state, server = elasticsearch_server.start()
        try:
            with override_settings(WAGTAILSEARCH_BACKENDS=es_settings(state.url)):
                output = io.StringIO()
                call_command("update_index", "--pending", stdout=output)
        finally:
            server.shutdown()
            server.server_close()
        assert not PendingIndexUpdate.objects.exists()
        assert state.bodies("PUT", f"/_doc/{kept.pk}")[-1]["cordata_title_it"] == "Recuperato"
        assert any(
            r.method == "DELETE" and r.path.endswith(f"/_doc/{gone_pk}") for r in state.requests
        )
        assert "failed" not in output.getvalue().lower() or "0 still failing" in output.getvalue()

    def test_replay_keeps_what_still_fails(self, site_tree, unreachable):
        release = PressReleasePageFactory(title="Ancora giù", lead="Guasto.")
        with pytest.raises(CommandError):
            call_command("update_index", "--pending", stdout=io.StringIO())
        entry = PendingIndexUpdate.objects.get(object_id=str(release.pk))
        assert entry.attempts >= 2
