"""The search query Cordata asks every backend, and its translation for the database backend."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property

from wagtail.search.query import (
    And,
    Boost,
    Fuzzy,
    MatchAll,
    Not,
    Or,
    Phrase,
    PlainText,
    SearchQuery,
)

from .text import SEARCH_LANGUAGES, normalise, query_stems, query_words

#: Matches nothing: what a query of only stop words or punctuation becomes.
NOTHING = Not(MatchAll())


class LanguageQuery(SearchQuery):
    """Free text asked in `languages`: content in one of them matches with that language's rules.

    The database backend receives the text's stems in each language (OR-ed across languages,
    `operator` between words); Elasticsearch receives the text itself, analysed per language.
    """

    def __init__(self, text: str, languages: Sequence[str] = SEARCH_LANGUAGES, operator="and"):
        self.text = " ".join(query_words(text).split())
        self.languages = tuple(language for language in languages if language in SEARCH_LANGUAGES)
        self.operator = operator.lower()

    @cached_property
    def terms(self) -> dict[str, tuple[str, ...]]:
        """The query's stems per language; a language whose stems are all stop words is left out."""
        terms = {language: query_stems(self.text, language) for language in self.languages}
        return {language: stems for language, stems in terms.items() if stems}

    @property
    def is_empty(self) -> bool:
        return not self.terms

    def __repr__(self):
        return f"<LanguageQuery {self.text!r} languages={self.languages!r}>"


def _any_of(queries: list[SearchQuery]) -> SearchQuery:
    queries = [query for query in queries if query is not NOTHING]
    if not queries:
        return NOTHING
    return queries[0] if len(queries) == 1 else Or(queries)


def database_query(query: SearchQuery) -> SearchQuery:
    """`query` with its text normalised the way the database index stores text (`search.text`).

    Plain strings (the admin's and the pages API's searches) are asked in every language.
    """
    if isinstance(query, LanguageQuery):
        branches = dict.fromkeys(" ".join(stems) for stems in query.terms.values())
        return _any_of([PlainText(branch, operator=query.operator) for branch in branches])
    if isinstance(query, PlainText | Fuzzy):
        return database_query(LanguageQuery(query.query_string, operator=query.operator))
    if isinstance(query, Phrase):
        phrases = dict.fromkeys(normalise(query.query_string, (lang,)) for lang in SEARCH_LANGUAGES)
        return _any_of([Phrase(phrase) for phrase in phrases if phrase])
    if isinstance(query, And):
        parts = [database_query(part) for part in query.subqueries]
        return NOTHING if NOTHING in parts else And(parts)
    if isinstance(query, Or):
        return _any_of([database_query(part) for part in query.subqueries])
    if isinstance(query, Not):
        inner = database_query(query.subquery)
        return MatchAll() if inner is NOTHING else Not(inner)
    if isinstance(query, Boost):
        inner = database_query(query.subquery)
        return inner if inner is NOTHING else Boost(inner, query.boost)
    return query
