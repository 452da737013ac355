"""Elasticsearch 8/9 search with an analyzer per configured language on per-language fields.

Each document keeps Wagtail's own fields (the admin's searches use them) and adds
`cordata_title_<lang>` / `cordata_text_<lang>` for the language(s) it is written in; those fields
use Cordata's analyzers (elision or possessives, lowercase, ASCII folding, the stop words of
`search.text`, Snowball), so Elasticsearch matches what the database backend matches. A
`LanguageQuery` (the query language) searches the text fields of the languages it is asked in
and boosts title matches by the search app's field weights.

Elasticsearch is a service that can be down or slow, and this backend alone decides what
that means (views only map `SearchUnavailable` to their answer):

- requests time out quickly (TIMEOUT) and are not retried;
- after an outage (no connection, a timeout, 429 or 5xx) searches and writes skip the server
  for RETRY_AFTER seconds rather than each waiting for it;
- a failed index or delete from a save is logged and queued (`search.PendingIndexUpdate`)
  instead of failing the save; `manage.py update_index --pending` replays the queue;
- a search raises `SearchUnavailable`, or inside `search.backends.database_fallback()` (the
  admin) is answered by Wagtail's database fallback match instead;
- `update_index` (`index_now`, `delete_now`, `unavailable_on_error`) raises
  `SearchUnavailable` with the reason, which the command reports.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from copy import deepcopy
from typing import Any

from elasticsearch import VERSION as CLIENT_VERSION
from elasticsearch import ApiError, TransportError
from elasticsearch.helpers import BulkIndexError
from modelsearch.utils import deep_update
from wagtail.search.backends.database.fallback import DatabaseSearchBackend
from wagtail.search.query import Fuzzy, PlainText

from cms.core.languages import SUPPORTED, Language

from ..indexing import indexed_text, object_languages
from ..query import Clause, LanguageQuery, clause_stems, language_groups
from ..ranking import FIELD_WEIGHTS
from ..text import SEARCH_LANGUAGES
from . import SearchUnavailable, database_fallback_active

# modelsearch ships no types: its classes are Any to mypy, declared so to serve as bases.
BaseMapping: Any
BaseQueryCompiler: Any
BaseResults: Any
BaseAutocompleteQueryCompiler: Any
BaseBackend: Any
if CLIENT_VERSION[0] >= 9:
    from modelsearch.backends import elasticsearch9 as base

    BaseMapping = base.Elasticsearch9Mapping
    BaseQueryCompiler = base.Elasticsearch9SearchQueryCompiler
    BaseResults = base.Elasticsearch9SearchResults
    BaseAutocompleteQueryCompiler = base.Elasticsearch9AutocompleteQueryCompiler
    BaseBackend = base.Elasticsearch9SearchBackend
else:  # pragma: no cover - the client installed here is 9.x
    from modelsearch.backends import elasticsearch8 as base

    BaseMapping = base.Elasticsearch8Mapping
    BaseQueryCompiler = base.Elasticsearch8SearchQueryCompiler
    BaseResults = base.Elasticsearch8SearchResults
    BaseAutocompleteQueryCompiler = base.Elasticsearch8AutocompleteQueryCompiler
    BaseBackend = base.Elasticsearch8SearchBackend

logger = logging.getLogger(__name__)

TITLE_FIELD = "cordata_title_{}"
TEXT_FIELD = "cordata_text_{}"
ANALYZER = "cordata_{}"
#: A title match weighs this many body matches (`search.ranking.FIELD_WEIGHTS`).
TITLE_BOOST = FIELD_WEIGHTS["title"] / FIELD_WEIGHTS["body"]
#: Elasticsearch's default `index.max_result_window`: the most hits one request may return.
MAX_HITS = 10_000


def _analysis(configured: Iterable[Language]) -> dict:
    """One analyzer per language, `cordata_<code>`, and its token filters (`cordata_<snowball>_…`).

    The language's own filters (elided articles, possessives) first, then lower case and ASCII
    folding, then the stop words and the Snowball stemmer of `cms.core.languages`. Folding comes
    before the stop words: the lists are accent-free, like `search.text`'s.
    """
    filters: dict[str, dict] = {}
    analyzers: dict[str, dict] = {}
    for language in configured:
        prefix = f"cordata_{language.snowball}"
        own = []
        for suffix, definition in language.elasticsearch_filters.items():
            filters[f"{prefix}_{suffix}"] = deepcopy(definition)
            own.append(f"{prefix}_{suffix}")
        filters[f"{prefix}_stop"] = {"type": "stop", "stopwords": sorted(language.stop_words)}
        filters[f"{prefix}_stemmer"] = {
            "type": "snowball",
            "language": language.snowball.capitalize(),
        }
        analyzers[ANALYZER.format(language.code)] = {
            "type": "custom",
            "tokenizer": "standard",
            "filter": [*own, "lowercase", "asciifolding", f"{prefix}_stop", f"{prefix}_stemmer"],
        }
    return {"filter": filters, "analyzer": analyzers}


#: Cordata's analysis settings for the configured languages, merged into Wagtail's (which keep
#: the admin's autocomplete).
INDEX_SETTINGS = {"settings": {"analysis": _analysis(SUPPORTED[code] for code in SEARCH_LANGUAGES)}}


class ElasticsearchMapping(BaseMapping):
    """Wagtail's mapping plus one title and one text field per language, with its analyzer."""

    def get_mapping(self):
        mapping = super().get_mapping()
        for language in SEARCH_LANGUAGES:
            field = {"type": "text", "analyzer": ANALYZER.format(language)}
            mapping["properties"][TITLE_FIELD.format(language)] = dict(field)
            mapping["properties"][TEXT_FIELD.format(language)] = dict(field)
        return mapping

    def get_document(self, obj):
        document = super().get_document(obj)
        title, body = indexed_text(obj)
        for language in object_languages(obj):
            document[TITLE_FIELD.format(language)] = title
            document[TEXT_FIELD.format(language)] = f"{title}\n{body}" if body else title
        return document


class ElasticsearchSearchQueryCompiler(BaseQueryCompiler):
    """Compiles a `LanguageQuery` to matches on the per-language fields; other queries as Wagtail."""

    mapping_class = ElasticsearchMapping

    def get_inner_query(self):
        if isinstance(self.query, LanguageQuery):
            return self.language_query(self.query)
        if self._reads_query_language():
            # The listings' `search=`: the same query language as the database backends give
            # it, in every language.
            query = LanguageQuery(self.query.query_string, operator=self.query.operator)
            return self.language_query(query)
        return super().get_inner_query()

    def _reads_query_language(self) -> bool:
        # Wagtail's admin (which may fall back to the database, whose match knows no
        # per-language fields) and searches limited to some fields keep Wagtail's own query.
        return (
            isinstance(self.query, PlainText | Fuzzy)
            and not self.fields
            and not database_fallback_active()
        )

    @staticmethod
    def language_query(query: LanguageQuery) -> dict:
        """The query language (`search.query.parse`) on the per-language fields.

        Each language asked is an alternative; within it, each `OR` group must match all its
        clauses on the text field (a word as `match`, a phrase as `match_phrase`, the word
        being typed also as `match_bool_prefix`); a title match adds TITLE_BOOST; an excluded
        clause matching in any language asked drops the document.
        """
        alternatives = []
        for language in query.languages:
            field = TEXT_FIELD.format(language)
            for group in language_groups(query.parsed, language):
                alternatives.append({"bool": {"must": [_clause(c, field) for c in group]}})
        if not alternatives:
            return {"bool": {"must_not": {"match_all": {}}}}
        asked = " ".join(clause.text for clause in query.parsed.clauses)
        body: dict[str, Any] = {
            "must": [{"bool": {"should": alternatives, "minimum_should_match": 1}}],
            "should": [
                {"match": {TITLE_FIELD.format(language): {"query": asked, "boost": TITLE_BOOST}}}
                for language in query.languages
            ],
        }
        excluded = [
            _clause(clause, TEXT_FIELD.format(language))
            for clause in query.parsed.excluded
            for language in query.languages
            if clause_stems(clause, language)
        ]
        if excluded:
            body["must_not"] = excluded
        return {"bool": body}


def _clause(clause: Clause, field: str) -> dict:
    # The text as typed: the field's analyzer then treats its apostrophes (elision) and stop
    # words (position gaps) as it did the indexed text's.
    typed = clause.as_typed
    if clause.phrase:
        return {"match_phrase": {field: typed}}
    word = {"match": {field: {"query": typed}}}
    if clause.prefix:
        # The analysed word (its stem) or any indexed term it begins.
        prefix = {"match_bool_prefix": {field: typed}}
        return {"bool": {"should": [word, prefix], "minimum_should_match": 1}}
    return word


class ElasticsearchAutocompleteQueryCompiler(BaseAutocompleteQueryCompiler):
    """Wagtail's autocomplete, reading Cordata's mapping."""

    mapping_class = ElasticsearchMapping


class ElasticsearchSearchResults(BaseResults):
    """Search results that can also be read as bare (pk, score) pairs; failures are `SearchUnavailable`.

    While the server cannot answer, a search raises `SearchUnavailable`; inside
    `database_fallback()` its results, count and facets come from the database instead.
    """

    def id_scores(self, limit: int) -> list[tuple[object, float]]:
        """Up to `limit` (at most 10,000) matching pks with their score, best first."""
        model = self.query_compiler.queryset.model
        # Scores are the site search's ordering: a database match has none, so no fallback.
        with self.backend.unavailable_on_error():
            response = self._backend_do_search(
                self._get_es_body(),
                index=self.backend.get_index_for_model(model).name,
                _source=False,
                stored_fields="pk",
                size=min(limit, MAX_HITS),
                track_total_hits=False,
            )
        to_python = model._meta.pk.to_python
        return [
            (to_python(hit["fields"]["pk"][0]), hit["_score"] or 0.0)
            for hit in response["hits"]["hits"]
        ]

    def _do_search(self):
        try:
            with self.backend.unavailable_on_error():
                return list(super()._do_search())
        except SearchUnavailable as error:
            return list(self._database_results(error)._do_search())

    def _do_count(self):
        try:
            with self.backend.unavailable_on_error():
                return super()._do_count()
        except SearchUnavailable as error:
            return self._database_results(error)._do_count()

    def facet(self, field_name):
        try:
            with self.backend.unavailable_on_error():
                return super().facet(field_name)
        except SearchUnavailable as error:
            return self._database_results(error).facet(field_name)

    def _database_results(self, error: SearchUnavailable):
        """These results as Wagtail's database fallback backend finds them, or `error` again.

        Only inside `database_fallback()`, and only for Wagtail's own queries (a
        `LanguageQuery` needs the analyzers the database fallback does not have).
        """
        compiler = self.query_compiler
        if not database_fallback_active() or isinstance(compiler.query, LanguageQuery):
            raise error
        logger.warning(
            "Elasticsearch is unavailable; %s searched in the database instead: %s",
            compiler.queryset.model.__name__,
            error,
        )
        backend = DatabaseSearchBackend({})
        results = backend.results_class(
            backend,
            backend.query_compiler_class(
                compiler.queryset,
                compiler.query,
                fields=compiler.fields,
                order_by_relevance=compiler.order_by_relevance,
            ),
            prefetch_related=self.prefetch_related,
        )
        results.start, results.stop, results._score_field = self.start, self.stop, self._score_field
        return results


SERVICE_ERRORS = (TransportError, ApiError, BulkIndexError)


def _is_outage(error: Exception) -> bool:
    """Whether `error` means the server is unreachable or struggling, not that a request was bad."""
    if isinstance(error, TransportError):
        return True
    status = getattr(error, "status_code", 0) or getattr(getattr(error, "meta", None), "status", 0)
    return status == 429 or status >= 500


def _reason(error: Exception) -> str:
    # The client's `str()` of a connection error is only "Connection error"; `message` says why.
    return f"{type(error).__name__}: {getattr(error, 'message', None) or error}"


class ElasticsearchSearchBackend(BaseBackend):
    """Wagtail's Elasticsearch backend with Cordata's analyzers, short timeouts and a retry queue.

    Options beyond Wagtail's: BULK_TIMEOUT (seconds for `update_index` batches, default 60) and
    RETRY_AFTER (seconds during which, after an outage, writes go straight to the queue and
    searches answer unavailable without asking, default 30). TIMEOUT defaults to 2 seconds and
    the client does not retry, so neither a save nor a search waits long.
    """

    mapping_class = ElasticsearchMapping
    query_compiler_class = ElasticsearchSearchQueryCompiler
    autocomplete_query_compiler_class = ElasticsearchAutocompleteQueryCompiler
    results_class = ElasticsearchSearchResults
    settings = deep_update(deepcopy(BaseBackend.settings), INDEX_SETTINGS)

    #: When each server (by its hosts) may be tried again after an outage.
    _retry_at: dict[str, float] = {}

    def __init__(self, params):
        params = dict(params)
        self.bulk_timeout = params.pop("BULK_TIMEOUT", 60)
        self.retry_after = params.pop("RETRY_AFTER", 30)
        params.setdefault("TIMEOUT", 2)
        params["OPTIONS"] = {
            "max_retries": 0,
            "retry_on_timeout": False,
            **params.get("OPTIONS", {}),
        }
        super().__init__(params)
        self._server_key = repr(self.hosts)

    # Outages: one rule for searches, saves and `update_index`.

    def is_down(self) -> bool:
        """Whether this server failed less than RETRY_AFTER seconds ago (and is not asked yet)."""
        return time.monotonic() < self._retry_at.get(self._server_key, 0.0)

    def _note(self, error: Exception) -> None:
        if _is_outage(error):
            self._retry_at[self._server_key] = time.monotonic() + self.retry_after

    @contextmanager
    def unavailable_on_error(
        self, *, skip_while_down: bool = True, outages_only: bool = False
    ) -> Iterator[None]:
        """Runs requests to the server, raising `SearchUnavailable` (with the reason) if they fail.

        With `skip_while_down`, a server that failed less than RETRY_AFTER seconds ago is not
        asked at all. With `outages_only`, an error about the request itself (a 4xx other
        than 429) is raised as the client raised it.
        """
        if skip_while_down and self.is_down():
            raise SearchUnavailable(
                f"Elasticsearch failed less than {self.retry_after} seconds ago; "
                "it is not asked again before then"
            )
        try:
            yield
        except SERVICE_ERRORS as error:
            self._note(error)
            if outages_only and not _is_outage(error):
                raise
            raise SearchUnavailable(f"Elasticsearch is unavailable ({_reason(error)})") from error

    # Writes from saves and deletes: never raise, queue instead.

    def add(self, obj):
        self._write_or_queue(obj, "index", super().add)

    def delete(self, obj):
        self._write_or_queue(obj, "delete", super().delete)

    def _write_or_queue(self, obj, action: str, write) -> None:
        from ..services import pending_index_update_add

        if self.is_down():
            pending_index_update_add(obj=obj, action=action, error="Elasticsearch was unavailable")
            return
        try:
            write(obj)
        except SERVICE_ERRORS as error:
            self._note(error)
            logger.warning("Search index %s of %r failed and was queued: %s", action, obj, error)
            pending_index_update_add(obj=obj, action=action, error=_reason(error))

    # Writes from `update_index`: always try the server; an outage raises `SearchUnavailable`,
    # so the replay stops and reports it; an error about one object is raised as it is.

    def index_now(self, obj) -> None:
        with self.unavailable_on_error(skip_while_down=False, outages_only=True):
            super().add(obj)
        self._retry_at.pop(self._server_key, None)

    def delete_now(self, obj) -> None:
        with self.unavailable_on_error(skip_while_down=False, outages_only=True):
            super().delete(obj)
        self._retry_at.pop(self._server_key, None)

    def bulk(self, client, actions, **kwargs):
        return super().bulk(client.options(request_timeout=self.bulk_timeout), actions, **kwargs)


SearchBackend = ElasticsearchSearchBackend
