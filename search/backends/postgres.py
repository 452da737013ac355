"""PostgreSQL full-text search with per-language normalised text (see `search.text`)."""

from django.contrib.postgres.search import SearchQuery
from django.db.models import F
from modelsearch.backends.database.postgres import postgres
from modelsearch.backends.database.postgres.query import Lexeme
from wagtail.search.query import Phrase

from ..indexing import NormalisedObject
from ..query import Prefix, database_query
from ..ranking import FIELD_WEIGHTS


class PostgresIndex(postgres.PostgresIndex):
    """Stores each object's text normalised in its own language."""

    def add_items(self, model, objs):
        super().add_items(model, [NormalisedObject(obj) for obj in objs])


class PostgresSearchQueryCompiler(postgres.PostgresSearchQueryCompiler):
    """Asks PostgreSQL for the query's stems, under the `simple` configuration (no second stemming)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.query = database_query(self.query)

    def build_tsquery_content(self, query, config=None, invert=False):
        if isinstance(query, Prefix):
            lexeme = Lexeme(query.query_string, invert=invert, prefix=True)
            return SearchQuery(lexeme, search_type="raw", config=config)
        if isinstance(query, Phrase) and invert:
            # Wagtail's compiler drops the inversion of a phrase: `-"a b"` would match it instead.
            return ~SearchQuery(query.query_string, search_type="phrase", config=config)
        return super().build_tsquery_content(query, config=config, invert=invert)

    def get_index_vectors(self, search_query):
        # A title match weighs FIELD_WEIGHTS["title"] body matches (`search.ranking`).
        title_weight = FIELD_WEIGHTS["title"] / FIELD_WEIGHTS["body"]
        return [
            (F("index_entries__title"), F("index_entries__title_norm") * title_weight),
            (F("index_entries__body"), 1.0),
        ]


class PostgresSearchResults(postgres.PostgresSearchResults):
    """Search results that can also be read as bare (pk, score) pairs."""

    def id_scores(self, limit: int) -> list[tuple[int, float]]:
        """Up to `limit` matching pks with their score (higher is better), best first."""
        compiler = self.query_compiler
        queryset = compiler.search(
            compiler.get_config(self.backend), 0, limit, score_field="_score", backend=self.backend
        )
        return [(pk, score or 0.0) for pk, score in queryset.values_list("pk", "_score")]


class PostgresSearchBackend(postgres.PostgresSearchBackend):
    """Wagtail's PostgreSQL backend with Cordata's language normalisation.

    The text arrives stemmed already, so PostgreSQL must not stem it again: the text-search
    configuration is `simple` (lowercasing only) unless SEARCH_CONFIG says otherwise.
    """

    index_class = PostgresIndex
    query_compiler_class = PostgresSearchQueryCompiler
    results_class = PostgresSearchResults

    def __init__(self, params):
        super().__init__({"SEARCH_CONFIG": "simple", **params})


SearchBackend = PostgresSearchBackend
