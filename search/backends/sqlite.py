"""SQLite FTS5 search with per-language normalised text (see `search.text`)."""

from django.db.models import F, TextField
from django.db.models.functions import Cast
from modelsearch.backends.database.sqlite import sqlite
from modelsearch.backends.database.sqlite.query import BM25, MatchExpression, normalize
from modelsearch.query import MatchAll, Not
from modelsearch.utils import get_descendants_content_types_pks

from ..indexing import NormalisedObject
from ..query import database_query


class SQLiteIndex(sqlite.SQLiteIndex):
    """Stores each object's text normalised in its own language."""

    def add_items(self, model, objs):
        super().add_items(model, [NormalisedObject(obj) for obj in objs])


class SQLiteSearchQueryCompiler(sqlite.SQLiteSearchQueryCompiler):
    """Asks FTS5 for the query's stems; FTS5's own tokeniser then only has exact tokens to match."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.query = database_query(self.query)

    def id_scores(self, limit: int) -> list[tuple[object, float]] | None:
        """Matching pks and scores in one pass over the FTS index, or None for queries it cannot take.

        Wagtail's own path scores each result with a correlated FTS subquery, which costs a
        second full-text match per result; reading the scores from the match itself does not.
        """
        query = normalize(self.query)
        if isinstance(query, MatchAll | Not):
            return None
        model = self.queryset.model
        candidates = self.queryset.order_by().annotate(_text_pk=Cast("pk", TextField()))
        rows = (
            sqlite.SQLiteFTSIndexEntry.objects.filter(
                MatchExpression(
                    self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(query)
                )
            )
            .filter(
                index_entry__content_type__in=get_descendants_content_types_pks(model),
                index_entry__object_id__in=candidates.values("_text_pk"),
            )
            # Wagtail's rank, bm25 × title_norm + bm25, with bm25() computed once per row.
            .annotate(score=BM25() * (F("index_entry__title_norm") + 1.0))
            .order_by("score")
            .values_list("index_entry__object_id", "score")[:limit]
        )
        to_python = model._meta.pk.to_python
        # FTS5's bm25() is better the more negative it is.
        return [(to_python(object_id), -(score or 0.0)) for object_id, score in rows]


class SQLiteSearchResults(sqlite.SQLiteSearchResults):
    """Search results that can also be read as bare (pk, score) pairs."""

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
