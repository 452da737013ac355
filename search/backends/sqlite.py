"""SQLite FTS5 search with per-language normalised text (see `search.text`)."""

from django.db import connections
from django.db.models import IntegerField, TextField
from django.db.models.functions import Cast
from modelsearch.backends.database.sqlite import sqlite
from modelsearch.backends.database.sqlite.query import (
    BM25,
    Lexeme,
    MatchExpression,
    SearchQueryExpression,
    normalize,
)
from modelsearch.query import MatchAll, Not
from modelsearch.utils import get_descendants_content_types_pks

from ..indexing import NormalisedObject
from ..query import Prefix, database_query
from ..ranking import FIELD_WEIGHTS


class WeightedBM25(BM25):
    """FTS5's bm25() with the search app's weights for the title and body columns."""

    def as_sql(self, compiler, connection):
        table = sqlite.SQLiteFTSIndexEntry._meta.db_table
        # One weight per column, in the order modelsearch creates them: autocomplete, body, title.
        weights = f"0.0, {FIELD_WEIGHTS['body']:.2f}, {FIELD_WEIGHTS['title']:.2f}"
        return f"bm25({table}, {weights})", []


class SQLiteIndex(sqlite.SQLiteIndex):
    """Stores each object's text normalised in its own language."""

    def add_items(self, model, objs):
        super().add_items(model, [NormalisedObject(obj) for obj in objs])


class SQLiteSearchQueryCompiler(sqlite.SQLiteSearchQueryCompiler):
    """Asks FTS5 for the query's stems; FTS5's own tokeniser then only has exact tokens to match."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.query = database_query(self.query)

    def build_search_query_content(self, query, config=None):
        if isinstance(query, Prefix):
            return SearchQueryExpression(Lexeme(query.query_string, prefix=True), config=config)
        return super().build_search_query_content(query, config=config)

    def scored_sql(self, limit: int) -> tuple[str, tuple] | None:
        """SQL for the best `limit` matches as (`object_id`, `score`) rows, best first, or None.

        None for queries this path cannot take (match-all, negations). The ORDER BY also keeps
        SQLite's plan driven by the full-text match: without it, SQLite may probe the match once
        per candidate instead (measured: 315 ms instead of 7 for 2,000 documents). Wagtail's own path scores
        each result with a correlated FTS subquery, which costs a second full-text match per
        result; reading the scores from the match itself does not. Scores are FTS5's bm25(),
        better the more negative.
        """
        query = normalize(self.query)
        if isinstance(query, MatchAll | Not):
            return None
        model = self.queryset.model
        entries = sqlite.SQLiteFTSIndexEntry.objects.filter(
            MatchExpression(self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(query)),
            index_entry__content_type__in=get_descendants_content_types_pks(model),
        )
        candidates = self.queryset.order_by()
        pk = model._meta.pk
        if isinstance(pk.target_field if pk.is_relation else pk, IntegerField):
            # Comparing integers lets SQLite probe the candidates' primary key; comparing text
            # made it build a temporary index of every candidate on each search (~6 ms for
            # 5,000 pages).
            entries = entries.alias(
                _object_pk=Cast("index_entry__object_id", IntegerField())
            ).filter(_object_pk__in=candidates.values("pk"))
        else:
            entries = entries.filter(
                index_entry__object_id__in=candidates.annotate(
                    _text_pk=Cast("pk", TextField())
                ).values("_text_pk")
            )
        rows = (
            entries
            # A title match weighs FIELD_WEIGHTS["title"] body matches (`search.ranking`).
            .annotate(score=WeightedBM25())
            .order_by("score")
            .values_list("index_entry__object_id", "score")[:limit]
        )
        return rows.query.get_compiler(using=rows.db).as_sql()

    def id_scores(self, limit: int) -> list[tuple[object, float]] | None:
        """Matching pks and scores (higher is better) in one pass over the FTS index, or None."""
        statement = self.scored_sql(limit)
        if statement is None:
            return None
        # Read through a bare cursor: thousands of rows through the ORM's per-row converters
        # cost more than the query.
        with connections[self.queryset.db].cursor() as cursor:
            cursor.execute(*statement)
            fetched = cursor.fetchall()
        to_python = self.queryset.model._meta.pk.to_python
        return [(to_python(object_id), -(score or 0.0)) for object_id, score in fetched]


class SQLiteSearchResults(sqlite.SQLiteSearchResults):
    """Search results that can also be read as bare (pk, score) pairs, or as SQL giving them."""

    def scored_sql(self, limit: int) -> tuple[str, tuple] | None:
        """SQL for (`object_id`, `score`) rows, lower scores better; None if it cannot be had."""
        return self.query_compiler.scored_sql(limit)

    def id_scores(self, limit: int) -> list[tuple[object, float]]:
        """Up to `limit` matching pks with their score (higher is better), best first."""
        compiler = self.query_compiler
        fast = compiler.id_scores(limit)
        if fast is not None:
            return fast
        queryset = compiler.search(
            compiler.get_config(self.backend), 0, limit, score_field="_score"
        )
        return [(pk, -(score or 0.0)) for pk, score in queryset.values_list("pk", "_score")]


class SQLiteSearchBackend(sqlite.SQLiteSearchBackend):
    """Wagtail's SQLite backend with Cordata's language normalisation."""

    index_class = SQLiteIndex
    query_compiler_class = SQLiteSearchQueryCompiler
    results_class = SQLiteSearchResults


SearchBackend = SQLiteSearchBackend
