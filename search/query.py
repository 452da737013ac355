"""The search query Cordata asks every backend, and its translation for the database backend."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

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

from .text import MAX_QUERY_TERMS, PREFIX_MARK, SEARCH_LANGUAGES, normalise, stems, tokens

#: Matches nothing: what a query of only stop words or punctuation becomes.
NOTHING = Not(MatchAll())


#: The last word as typed matches as the beginning of a word from this many letters on.
MIN_PREFIX = 3
#: How much shorter than the word being typed a stem it stands for may be (`prefix_alternatives`).
STEM_SHORTENING = 6
PREFIX_SHORTENING = 1

# A quoted phrase (an unclosed quote runs to the end), optionally excluded, or a bare piece.
_PIECE = re.compile(r'(-?)"([^"]*)(?:"|$)|(\S+)')
# Upper-case words other search boxes taught people: OR is an operator, the rest are dropped.
_DROPPED_OPERATORS = frozenset({"AND", "NEAR", "&&", "||", "+"})


@dataclass(frozen=True)
class Clause:
    """One thing a query asks for: a word, a quoted phrase, or the word being typed (a prefix).

    `text` holds the clause's folded words, space-separated, stop words included (each language
    drops its own). `typed` is the piece as it was typed (quotes and a leading minus aside), for a
    backend that analyses text itself: its own tokeniser then sees the apostrophes and the stop
    words the folded words have lost. It does not take part in comparisons.
    """

    text: str
    phrase: bool = False
    prefix: bool = False
    typed: str = field(default="", compare=False)

    @property
    def as_typed(self) -> str:
        return self.typed or self.text


@dataclass(frozen=True)
class ParsedQuery:
    """A query as understood: alternatives (`OR`) of clauses that must all match, and exclusions."""

    groups: tuple[tuple[Clause, ...], ...] = ()
    excluded: tuple[Clause, ...] = ()

    @property
    def clauses(self) -> tuple[Clause, ...]:
        """Every clause asked for, each once, in the order typed."""
        return tuple(dict.fromkeys(clause for group in self.groups for clause in group))


def parse(text: str) -> ParsedQuery:
    """The query language: words, `"phrases"`, `-excluded` words and phrases, upper-case `OR`.

    Anything else is literal text: punctuation separates words and nothing is a syntax error.
    The last word, when typed bare, is also a prefix. At most MAX_QUERY_TERMS words count.
    """
    groups: list[list[Clause]] = [[]]
    excluded: list[Clause] = []
    budget = MAX_QUERY_TERMS
    negate_next = False
    last_bare: Clause | None = None
    for match in _PIECE.finditer(text or ""):
        sign, quoted, bare = match.groups()
        if bare is not None:
            if bare == "OR":
                if groups[-1]:
                    groups.append([])
                continue
            if bare == "NOT":
                negate_next = True
                continue
            if bare in _DROPPED_OPERATORS:
                continue
            negated = negate_next or (bare.startswith("-") and len(bare) > 1)
            piece = bare[1:] if bare.startswith("-") else bare
        else:
            negated = negate_next or sign == "-"
            piece = quoted
        negate_next = False
        words = tokens(piece)
        if len(words) > budget:
            words, piece = words[:budget], ""
        if not words:
            last_bare = None
            continue
        budget -= len(words)
        clause = Clause(" ".join(words), phrase=len(words) > 1, typed=" ".join(piece.split()))
        (excluded if negated else groups[-1]).append(clause)
        last_bare = clause if bare is not None and not negated and not clause.phrase else None
        if not budget:
            break
    if last_bare is not None and len(last_bare.text) >= MIN_PREFIX and not last_bare.text.isdigit():
        # Only the clause's last occurrence (the word at the end of the query) becomes a prefix.
        group = groups[-1]
        if group and group[-1] == last_bare:
            group[-1] = Clause(last_bare.text, prefix=True, typed=last_bare.typed)
    return ParsedQuery(
        tuple(tuple(dict.fromkeys(group)) for group in groups if group),
        tuple(dict.fromkeys(excluded)),
    )


class LanguageQuery(SearchQuery):
    """Free text asked in `languages`: content in one of them matches with that language's rules.

    The text is read with the query language (`parse`). The database backend receives each
    clause's stems in each language (alternatives across languages); Elasticsearch receives the
    clauses' words, analysed per language. With `operator="or"` any one clause is enough.
    """

    def __init__(self, text: str, languages: Sequence[str] = SEARCH_LANGUAGES, operator="and"):
        self.text = " ".join((text or "").split())
        self.languages = tuple(language for language in languages if language in SEARCH_LANGUAGES)
        self.operator = (operator or "and").lower()
        parsed = parse(self.text)
        if self.operator == "or":
            parsed = ParsedQuery(tuple((clause,) for clause in parsed.clauses), parsed.excluded)
        self.parsed = parsed

    @cached_property
    def terms(self) -> dict[str, tuple[str, ...]]:
        """The stems asked for, per language; a language in which nothing is asked is left out.

        What highlighting marks: the word being typed also as itself and PREFIX_MARK.
        """
        terms = {}
        for language in self.languages:
            if language_groups(self.parsed, language):
                found = [
                    stem
                    for clause in self.parsed.clauses
                    for stem in clause_stems(clause, language)
                ]
                for clause in self.parsed.clauses:
                    if clause.prefix and clause_stems(clause, language):
                        alternatives = prefix_alternatives(clause.text, language)
                        found += [clause.text + PREFIX_MARK, *alternatives.exact]
                        found += [beginning + PREFIX_MARK for beginning in alternatives.beginnings]
                terms[language] = tuple(dict.fromkeys(found))
        return terms

    @property
    def is_empty(self) -> bool:
        return not self.terms

    def __repr__(self):
        return f"<LanguageQuery {self.text!r} languages={self.languages!r}>"


class Prefix(PlainText):
    """One folded word that matches any indexed token it begins (`agroalim` → `agroalimentar`)."""

    def __repr__(self):
        return f"<Prefix {self.query_string!r}>"


def clause_stems(clause: Clause, language: str) -> tuple[str, ...]:
    """The clause's stems in `language`, stop words dropped (a stop-word clause has none)."""
    return tuple(stems(clause.text, language))


class PrefixAlternatives(NamedTuple):
    """What a word being typed also tries: exact tokens, and shorter beginnings of it."""

    exact: tuple[str, ...]
    beginnings: tuple[str, ...]


def prefix_alternatives(word: str, language: str) -> PrefixAlternatives:
    """What else a word being typed may be the beginning of, besides itself as a prefix.

    The index holds Snowball stems, which are often shorter than the word they come from
    (`sustainable` is indexed as `sustain`, `destinazioni` as `destin`) or end differently
    (`efficienza` is `efficient`), so a typed prefix longer than the stem would miss it. So the
    word's own stem and its shortenings by up to STEM_SHORTENING letters (never under five) are
    tried as exact tokens, and its shortening by PREFIX_SHORTENING letter as a prefix (more would
    widen a whole word: `turis*` would find `turistiche` for `turismo`).
    """
    exact = [*stems(word, language)]
    exact += [word[:n] for n in range(len(word) - 1, max(5, len(word) - STEM_SHORTENING) - 1, -1)]
    beginnings = [
        word[:n] for n in range(len(word) - 1, max(5, len(word) - PREFIX_SHORTENING) - 1, -1)
    ]
    return PrefixAlternatives(
        tuple(dict.fromkeys(token for token in exact if token != word)), tuple(beginnings)
    )


def language_groups(parsed: ParsedQuery, language: str) -> tuple[tuple[Clause, ...], ...]:
    """The query's alternatives as asked in `language`: stop-word clauses dropped, empty ones too."""
    groups = []
    for group in parsed.groups:
        kept = tuple(clause for clause in group if clause_stems(clause, language))
        if kept:
            groups.append(kept)
    return tuple(groups)


def _clause_query(clause: Clause, language: str) -> SearchQuery:
    found = clause_stems(clause, language)
    if clause.phrase and len(found) > 1:
        return Phrase(" ".join(found))
    if clause.prefix:
        alternatives = prefix_alternatives(clause.text, language)
        return _any_of(
            [
                Prefix(clause.text),
                *(Prefix(token) for token in alternatives.beginnings),
                *(PlainText(token) for token in alternatives.exact),
            ]
        )
    return PlainText(" ".join(found))


def _group_query(group: tuple[Clause, ...], language: str) -> SearchQuery:
    # A group's plain words go as one text (one term list for the backend); phrases and the
    # prefix beside it.
    words: list[str] = []
    others: list[SearchQuery] = []
    for clause in group:
        found = clause_stems(clause, language)
        if clause.prefix or (clause.phrase and len(found) > 1):
            others.append(_clause_query(clause, language))
        else:
            words.extend(found)
    parts = [PlainText(" ".join(dict.fromkeys(words))), *others] if words else others
    return parts[0] if len(parts) == 1 else And(parts)


def _distinct(queries: list[SearchQuery]) -> list[SearchQuery]:
    return list({repr(query): query for query in queries}.values())


def language_query(query: LanguageQuery) -> SearchQuery:
    """What the database index is asked for `query`: its alternatives in each of its languages,
    less anything an exclusion matches in any of them."""
    branches = []
    for language in query.languages:
        groups = language_groups(query.parsed, language)
        if groups:
            branches.append(_any_of([_group_query(group, language) for group in groups]))
    positive = _any_of(_distinct(branches))
    if positive is NOTHING:
        return NOTHING
    # An excluded word is excluded in every stemming asked, so `-piani` also drops `piano`.
    excluded = [
        _clause_query(clause, language)
        for clause in query.parsed.excluded
        for language in query.languages
        if clause_stems(clause, language)
    ]
    if not excluded:
        return positive
    return And([positive, Not(_any_of(_distinct(excluded)))])


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
        return language_query(query)
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
