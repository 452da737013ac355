"""How well a match answers the query: field weights, and the re-ranking of the best matches.

One table, FIELD_WEIGHTS, says how much a match in each field counts: the title far above the
summary (search description, listing summary, lead, organisation names, a document's
description and tags), which is far above the body (a document's extracted text included).
Every backend weighs a title match by the table's title/body ratio in its own score (SQLite's
bm25() column weights, PostgreSQL's title rank weight, Elasticsearch's title boost), which
decides *which* matches are the best RERANK_DEPTH. Those are then ordered here, the same way
on every backend, by:

1. the title: equal to the query (stop words, inflection, case and accents aside), or
   holding every word of it, or neither;
2. the weight of the best field each word matched in (title, summary, else body);
3. how much of the title the query covers (a short title wholly asked for first);
4. the backend's own score.

Reading the texts costs a query per page type among those matches and one for documents.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model
from wagtail.models import Page

from .indexing import html_text
from .query import Clause, ParsedQuery, language_groups, prefix_alternatives
from .text import SEARCH_LANGUAGES, languages_of, stems, tokens

#: How much a match in each field counts, relative to the body (a document's text included).
FIELD_WEIGHTS = {"title": 10.0, "summary": 4.0, "body": 1.0}
#: How many of the backend's best matches are re-ranked (the rest follow in the backend's order).
RERANK_DEPTH = 60


@dataclass(frozen=True)
class RankingText:
    """What a match is ranked on: its title(s) and its summary, and the languages they are in."""

    titles: tuple[str, ...]
    summary: str
    languages: tuple[str, ...]


class _Field:
    """A text's stems (in order) and folded words, per language, read once."""

    def __init__(self, text: str, languages: Sequence[str]) -> None:
        self.stems = {language: stems(text, language) for language in languages}
        self.stem_sets = {language: set(found) for language, found in self.stems.items()}
        self.words = tokens(text)

    def has(self, clause: Clause, language: str) -> bool:
        found = stems(clause.text, language)
        if not found:
            return False
        own = self.stems[language]
        if clause.prefix:
            alternatives = prefix_alternatives(clause.text, language)
            beginnings = (clause.text, *alternatives.beginnings)
            return not self.stem_sets[language].isdisjoint(alternatives.exact) or any(
                token.startswith(beginnings) for token in (*self.words, *self.stem_sets[language])
            )
        if len(found) == 1:
            return found[0] in self.stem_sets[language]
        size = len(found)
        return any(own[i : i + size] == found for i in range(len(own) - size + 1))


def page_texts(ids: Iterable[int], *, tag_names: dict[int, list[str]]) -> dict[int, RankingText]:
    """Ranking texts of these pages: one query for titles, one per page type with a summary.

    `tag_names` holds each page's tag names, which count as summary.
    """
    from .declarations import declaration_of
    from .indexing import locale_code

    rows = Page.objects.filter(pk__in=list(ids)).values_list(
        "pk", "title", "content_type_id", "locale_id"
    )
    by_model: dict[type[Model], list[int]] = defaultdict(list)
    basics = {}
    for pk, title, content_type_id, locale_id in rows:
        model = ContentType.objects.get_for_id(content_type_id).model_class() or Page
        by_model[model].append(pk)
        basics[pk] = (title, languages_of(locale_code(locale_id)))
    summaries: dict[int, str] = {}
    for model, pks in by_model.items():
        fields = declaration_of(model).summary
        if fields:
            for pk, *values in model._default_manager.filter(pk__in=pks).values_list("pk", *fields):
                summaries[pk] = "\n".join(html_text(str(value)) for value in values if value)
    return {
        pk: RankingText(
            (title,), "\n".join([summaries.get(pk, ""), *tag_names.get(pk, [])]), languages
        )
        for pk, (title, languages) in basics.items()
    }


def document_texts(
    ids: Iterable[int], *, tag_names: dict[int, list[str]]
) -> dict[int, RankingText]:
    """Ranking texts of these documents: titles in every language, description and tags."""
    from .declarations import declaration_of, document_model

    model = document_model()
    fields = declaration_of(model).summary
    texts = {}
    for pk, title, translations, *values in model._default_manager.filter(
        pk__in=list(ids)
    ).values_list("pk", "title", "title_translations", *fields):
        titles = (title, *(name for name in (translations or {}).values() if name))
        summary = "\n".join([*(html_text(str(v)) for v in values if v), *tag_names.get(pk, [])])
        # A document's title and description are often in another language than its text.
        texts[pk] = RankingText(tuple(dict.fromkeys(titles)), summary, SEARCH_LANGUAGES)
    return texts


def rank_key(text: RankingText | None, parsed: ParsedQuery, languages: Sequence[str], score: float):
    """A sortable key, higher better, for one match (see the module's order)."""
    if text is None:
        return (0, 0.0, 0.0, score)
    best = (0, 0.0, 0.0)
    asked = [language for language in text.languages if language in languages] or list(languages)
    summary = _Field(text.summary, asked)
    for title_text in text.titles:
        title = _Field(title_text, asked)
        for language in asked:
            for group in language_groups(parsed, language):
                in_title = [title.has(clause, language) for clause in group]
                weight = sum(
                    FIELD_WEIGHTS["title"]
                    if found
                    else FIELD_WEIGHTS["summary"]
                    if summary.has(clause, language)
                    else FIELD_WEIGHTS["body"]
                    for clause, found in zip(group, in_title, strict=True)
                )
                asked_stems = _asked_stems(group, title, language)
                title_stems = title.stem_sets[language]
                tier = 0
                if all(in_title):
                    tier = 2 if title_stems and title_stems <= asked_stems else 1
                covered = len(title_stems & asked_stems) / len(title_stems) if title_stems else 0.0
                best = max(best, (tier, weight, covered))
    return (*best, score)


def _asked_stems(group: tuple[Clause, ...], title: _Field, language: str) -> set[str]:
    """The stems a group asks for; the word being typed stands for each title word it begins."""
    asked = {stem for clause in group for stem in stems(clause.text, language)}
    for clause in group:
        if clause.prefix:
            alternatives = prefix_alternatives(clause.text, language)
            beginnings = (clause.text, *alternatives.beginnings)
            for word in title.words:
                if word.startswith(beginnings):
                    asked.update(stems(word, language))
            asked |= {
                stem
                for stem in title.stem_sets[language]
                if stem in alternatives.exact or stem.startswith(beginnings)
            }
    return asked
