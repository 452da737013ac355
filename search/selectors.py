"""Reads for site search: one language-aware query over pages and documents, with facets.

`site_search` asks the configured backend for the matching pages and documents the user may see
(privacy comes from `cms.core.privacy` and nowhere else), then reads each match's facet values
(type, thematic group, partner country, language, year, tag) with one query per relation over
the matched ids. What each model is filed under, which facets its objects provide and what its
hits show are the models' own declarations (`search.declarations`). Counting happens in Python over those rows so that every facet can be counted
against the *other* facets' selections (values within a facet are alternatives, facets narrow
each other) without a query per facet value. `search_items` then turns one page of matches
into displayable results, with a query per model rather than per result.
"""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter, itemgetter
from typing import Any, overload

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import Model, QuerySet
from django.http import HttpRequest
from django.utils.safestring import SafeString
from django.utils.text import capfirst
from django.utils.translation import get_language
from taggit.models import Tag
from wagtail.models import Locale, Page
from wagtail.search.backends.base import BaseSearchResults

from cms.core import languages
from cms.core.privacy import Viewer, visible_documents, visible_pages
from cms.core.translation import document_title, tag_names
from cms.knowledge.models import DocumentLanguage

from .backends.rows import id_list as _ids
from .backends.rows import joinable_scored_sql
from .declarations import (
    FILINGS,
    ITSELF,
    declaration_of,
    document_model,
    facet_filters,
    own_fields,
    page_field_path,
    relation_sources,
    searched_models,
)
from .indexing import locale_code, object_languages, readable_text
from .models import SearchRecord
from .query import LanguageQuery
from .ranking import RERANK_DEPTH, document_texts, page_texts, rank_key
from .text import SEARCH_LANGUAGES, highlight

FACETS = ("type", "group", "country", "language", "year", "tag")
ORDERS = ("relevance", "date")
#: Tags are many: the facet lists the most frequent ones (and any the visitor selected).
TAG_FACET_SIZE = 15
LANGUAGE_LABELS = {
    **{code: languages.label(code) for code in SEARCH_LANGUAGES},
    DocumentLanguage.OTHER: DocumentLanguage.OTHER.label,
}


def model_label(model: type[Model]) -> str:
    """The name a result type goes by in URLs and in the API: "home.PressReleasePage"."""
    return f"{model._meta.app_label}.{model.__name__}"


@dataclass(frozen=True)
class SearchFilters:
    """The facet values a visitor selected; values within a facet are alternatives."""

    type: tuple[str, ...] = ()
    group: tuple[str, ...] = ()
    country: tuple[str, ...] = ()
    language: tuple[str, ...] = ()
    year: tuple[int, ...] = ()
    tag: tuple[str, ...] = ()

    def active(self) -> dict[str, frozenset]:
        return {name: frozenset(getattr(self, name)) for name in FACETS if getattr(self, name)}


@dataclass(slots=True)
class Hit:
    """One match: what it is, how well it matched, and the values it has in each facet.

    Made only for the matches a page of results shows (see `Hits`); multi-valued facets are
    tuples without repeats.
    """

    kind: str  # "page" or "document"
    pk: int
    score: float
    type: str = ""
    language: str = ""
    date: datetime.date | None = None
    group: tuple = ()
    country: tuple = ()
    tag: tuple = ()


@dataclass(frozen=True)
class FacetValue:
    """One value of a facet, as the search page lists it."""

    value: str
    label: str
    count: int
    selected: bool


@dataclass
class SearchOutcome:
    """A search's matches (filtered and ordered), its facets, and the query as understood."""

    query: LanguageQuery
    hits: Hits
    facets: dict[str, list[FacetValue]]

    @property
    def total(self) -> int:
        return len(self.hits)


@dataclass(frozen=True)
class SearchItem:
    """One displayable result."""

    kind: str
    id: int
    type: str
    type_label: str
    title: str
    url: str
    locale: str | None
    date: datetime.date | None
    snippet: SafeString

    @property
    def language_label(self) -> str:
        return str(LANGUAGE_LABELS.get(self.locale or DocumentLanguage.OTHER, ""))


def _id_scores(results: BaseSearchResults, limit: int) -> list[tuple[object, float]]:
    if hasattr(results, "id_scores"):
        return results.id_scores(limit)
    # A stock Wagtail backend: slower, but the same answer.
    scored = results.annotate_score("_score")[:limit]
    return [(obj.pk, getattr(obj, "_score", 0.0) or 0.0) for obj in scored]


def _page_results(
    query: LanguageQuery, *, user: Viewer, languages: Sequence[str] | None
) -> BaseSearchResults:
    pages = Page.objects.filter(depth__gt=1)
    if languages is not None:
        pages = pages.filter(locale__in=Locale.objects.filter(language_code__in=languages))
    return visible_pages(pages, user=user).search(query)


def _document_results(
    query: LanguageQuery, *, user: Viewer, languages: Sequence[str] | None
) -> BaseSearchResults:
    model = document_model()
    documents = model.objects.all()
    if languages is not None:
        documents = documents.filter(language__in=[*languages, DocumentLanguage.OTHER])
    visible = visible_documents(model.objects.all(), user=user)
    return documents.filter(pk__in=visible.values("pk")).search(query)


def _day(value: str | None) -> datetime.date | None:
    # Dates arrive as text ("2012-01-16"): parsing it is far cheaper than the ORM's per-row
    # conversion.
    return datetime.date.fromisoformat(value[:10]) if value else None


# --- Search records: what each page and document is filed under --------------------------------


def _joined(ids: Iterable[object]) -> str:
    return " ".join(str(pk) for pk in dict.fromkeys(ids) if pk)


def _date_of(value: datetime.date | None) -> datetime.date | None:
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.UTC).date()
    return value


def _first_date(values: dict[str, Any], fields: Iterable[str]) -> datetime.date | None:
    return _date_of(next((values[name] for name in fields if values.get(name)), None))


def _file(filed: dict[str, dict[int, list]], objects: dict[type[Model], dict[int, dict]]) -> None:
    """Adds to `filed` what each object is filed under, source by source as its model declares."""
    for model, rows in objects.items():
        for filing, sources in declaration_of(model).facets.items():
            for source in sources:
                if source == ITSELF:
                    for pk in rows:
                        filed[filing][pk].append(pk)
                elif isinstance(source, str):
                    for pk, values in rows.items():
                        filed[filing][pk].append(values.get(source))
        for relation in relation_sources(model):
            for pk, value in relation.rows(_ids(rows)):
                filed[relation.filing][pk].append(value)


def _filed_records(filed: dict[str, dict[int, list]], pk: int) -> dict[str, str]:
    return {f"{filing}_ids": _joined(filed[filing][pk]) for filing in FILINGS}


def search_records_for(
    *, page_ids: Iterable[int] = (), document_ids: Iterable[int] = ()
) -> list[SearchRecord]:
    """Unsaved search records for these pages and documents, read from their live rows.

    A query per relation for all of them, none per object. Ids of objects that no longer exist
    (or the tree's root) get no record.
    """
    records: list[SearchRecord] = []
    page_ids = list(page_ids)
    if page_ids:
        # One query over the page tree for every page model's own fields.
        paths = {
            (model, name): page_field_path(model, name)
            for model in searched_models()
            if model is not document_model()
            for name in own_fields(model)
        }
        columns = list(dict.fromkeys(paths.values()))
        rows = (
            Page.objects.filter(pk__in=_ids(page_ids), depth__gt=1)
            .order_by()
            .values_list("pk", "content_type_id", "locale_id", *columns)
        )
        filed: dict[str, dict[int, list]] = {name: defaultdict(list) for name in FILINGS}
        by_model: dict[type[Model], dict[int, dict]] = defaultdict(dict)
        pages: list[tuple] = []
        for pk, content_type_id, locale_id, *values in rows:
            model = ContentType.objects.get_for_id(content_type_id).model_class() or Page
            by_column = dict(zip(columns, values, strict=True))
            own = {name: by_column[paths[model, name]] for name in own_fields(model)}
            by_model[model][pk] = own
            pages.append((pk, model, locale_id, _first_date(own, declaration_of(model).date)))
        _file(filed, by_model)
        for pk, model, locale_id, date in pages:
            records.append(
                SearchRecord(
                    page_id=pk,
                    type=model_label(model),
                    language=locale_code(locale_id) or "",
                    date=date,
                    **_filed_records(filed, pk),
                )
            )

    document_ids = list(document_ids)
    if document_ids:
        model = document_model()
        fields = own_fields(model)
        filed = {name: defaultdict(list) for name in FILINGS}
        rows = (
            model.objects.filter(pk__in=_ids(document_ids))
            .order_by()
            .values_list("pk", "language", *fields)
        )
        documents = {
            pk: (language, dict(zip(fields, values, strict=True))) for pk, language, *values in rows
        }
        _file(filed, {model: {pk: own for pk, (_language, own) in documents.items()}})
        label = model_label(model)
        date_fields = declaration_of(model).date
        for pk, (language, own) in documents.items():
            records.append(
                SearchRecord(
                    document_id=pk,
                    type=label,
                    language=language or "",
                    date=_first_date(own, date_fields),
                    **_filed_records(filed, pk),
                )
            )
    return records


# A match, as counted and sorted: one plain tuple per match, its facet values still as the ids
# and text its record holds. Thousands of matches cost no object each, and facets are counted
# per distinct value of a column (a few hundred) rather than per match.
SCORE, DATE, KIND, PK, TYPE, LANGUAGE, GROUP_IDS, PARTNER_IDS, TAG_IDS = range(9)
#: The column of a match holding the ids of each filing.
FILING_COLUMNS = {"group": GROUP_IDS, "partner": PARTNER_IDS, "tag": TAG_IDS}
assert tuple(FILING_COLUMNS) == FILINGS


def _facet_column(name: str) -> Callable[[tuple], Any]:
    """The column of a match a facet is counted from: its own, or its filter's filing."""
    columns = {"type": TYPE, "language": LANGUAGE, "year": DATE, "tag": TAG_IDS}
    if name in columns:
        return itemgetter(columns[name])
    return itemgetter(FILING_COLUMNS[facet_filters()[name].source])


def _scored_record_rows(statement: tuple[str, tuple] | None, kind: str) -> list[tuple] | None:
    """Runs a backend's scored match with each match's record joined to it (SQLite): matches
    as SCORE … TAG_IDS, TYPE None for a match without a record."""
    if statement is None:
        return None
    sql, params = statement
    table = connection.ops.quote_name(SearchRecord._meta.db_table)
    with connection.cursor() as cursor:
        # Values are parameters; what is joined into the text is the backend's compiled query,
        # a quoted table name and `kind`, "page" or "document" (never from the request).
        cursor.execute(
            f"SELECT -COALESCE(m.score, 0), COALESCE(CAST(r.date AS text), ''), %s, "  # nosec B608
            f"CAST(m.index_entry__object_id AS INTEGER), "
            f"r.type, r.language, r.group_ids, r.partner_ids, r.tag_ids "
            f"FROM ({sql}) m LEFT JOIN {table} r "
            f"ON r.{kind}_id = CAST(m.index_entry__object_id AS INTEGER)",
            (kind, *params),
        )
        return cursor.fetchall()


# A record's own values, in the order a match holds them after SCORE, DATE, KIND and PK.
RECORD_FIELDS = ("date", "type", "language", "group_ids", "partner_ids", "tag_ids")


def _match(
    score: float, kind: str, pk: object, date: datetime.date | None, *values: object
) -> tuple:
    return (score, date.isoformat() if date else "", kind, pk, *values)


def _match_rows(results: BaseSearchResults, kind: str, limit: int) -> list[tuple]:
    """The matches (SCORE … TAG_IDS) of one kind ("page" or "document"), with their records.

    On SQLite the records are joined to the full-text match in one statement; elsewhere the
    matching ids are read first, then their records. An object without a record (not recorded
    yet) is read from its live rows, so a search is never wrong, only slower, when records lag
    behind.
    """
    rows = _scored_record_rows(joinable_scored_sql(results, limit), kind)
    if rows is None:
        scores = dict(_id_scores(results, limit))
        recorded = {
            pk: values
            for pk, *values in SearchRecord.objects.filter(**{f"{kind}_id__in": _ids(scores)})
            .order_by()
            .values_list(f"{kind}_id", *RECORD_FIELDS)
        }
        rows = [
            _match(score, kind, pk, *recorded[pk])
            if pk in recorded
            else (score, "", kind, pk, None)
            for pk, score in scores.items()
        ]
    missing = {row[PK]: row[SCORE] for row in rows if row[TYPE] is None}
    if not missing:
        return rows
    live = {
        getattr(record, f"{kind}_id"): record
        for record in search_records_for(**{f"{kind}_ids": list(missing)})
    }
    return [row for row in rows if row[TYPE] is not None] + [
        _match(score, kind, pk, *attrgetter(*RECORD_FIELDS)(live[pk]))
        for pk, score in missing.items()
        if pk in live
    ]


def _translator(table: dict[str, str]) -> Callable[[str], tuple]:
    """A function from a space-separated id list to the tuple of its names in `table`."""

    def names(ids: str) -> tuple:
        return tuple(dict.fromkeys(table[pk] for pk in ids.split() if pk in table))

    return names


def _met_ids(matches: list[tuple], column: int) -> set[str]:
    return {pk for id_list in {match[column] for match in matches} for pk in id_list.split()}


class _FacetValues:
    """What a match's raw column values mean in each facet, read once per search.

    Tag ids become slugs, and the ids of a declared facet (`search.declarations`) the values
    of its model's field (group ids translation keys, partner ids countries), with a query
    each over the ids met.
    """

    def __init__(self, matches: list[tuple]) -> None:
        tag_ids = _met_ids(matches, TAG_IDS)
        tags = Tag.objects.filter(pk__in=tag_ids) if tag_ids else []
        self.tags = {str(tag.pk): tag for tag in tags}
        self._expand: dict[str, Callable[[Any], tuple]] = {
            "type": lambda value: (value,),
            "language": lambda value: (value,) if value else (),
            "year": lambda value: (int(value[:4]),) if value else (),
            "tag": _translator({pk: tag.slug for pk, tag in self.tags.items()}),
        }
        for name, facet in facet_filters().items():
            ids = _met_ids(matches, FILING_COLUMNS[facet.source])
            self._expand[name] = _translator(facet.values(_ids(map(int, ids))) if ids else {})
        self._memo: dict[str, dict] = {name: {} for name in FACETS}

    def of(self, facet: str, raw: Any) -> tuple:
        """The values a raw column value stands for in `facet`."""
        memo = self._memo[facet]
        values = memo.get(raw)
        if values is None:
            values = memo[raw] = self._expand[facet](raw)
        return values

    def tags_by_slug(self) -> dict[str, Tag]:
        return {tag.slug: tag for tag in self.tags.values()}


class Hits(Sequence[Hit]):
    """A search's matches in order, made into `Hit`s only when read (a page at a time)."""

    def __init__(self, matches: list[tuple], values: _FacetValues | None = None) -> None:
        self._matches = matches
        self._values = values

    def __len__(self) -> int:
        return len(self._matches)

    def _hit(self, match: tuple) -> Hit:
        values = self._values
        return Hit(
            match[KIND],
            match[PK],
            match[SCORE],
            match[TYPE],
            match[LANGUAGE],
            _day(match[DATE]),
            values.of("group", _facet_column("group")(match)) if values else (),
            values.of("country", _facet_column("country")(match)) if values else (),
            values.of("tag", match[TAG_IDS]) if values else (),
        )

    @overload
    def __getitem__(self, index: int) -> Hit: ...

    @overload
    def __getitem__(self, index: slice) -> list[Hit]: ...

    def __getitem__(self, index: int | slice) -> Hit | list[Hit]:
        if isinstance(index, slice):
            return [self._hit(match) for match in self._matches[index]]
        return self._hit(self._matches[index])


@lru_cache(maxsize=8)
def _type_labels_in(language: str | None) -> dict[str, str]:
    models = searched_models()
    return {model_label(model): str(capfirst(model._meta.verbose_name)) for model in models}


def _type_labels() -> dict[str, str]:
    """Result types and their names in the active language."""
    return _type_labels_in(get_language())


def result_types() -> list[str]:
    """Every type a result can have, for validating the `type` filter."""
    return list(_type_labels())


def _tag_labels(slugs: set[str], *, tags: dict[str, Tag], language: str) -> dict[str, str]:
    known = [tags[slug] for slug in slugs if slug in tags]
    # A selected tag no match carries is looked up, so that it can still be unselected.
    missing = [slug for slug in slugs if slug not in tags]
    if missing:
        known += list(Tag.objects.filter(slug__in=missing))
    names = tag_names(known, language) if known else {}
    return {tag.slug: names.get(tag.pk, tag.name) for tag in known}


def _count(matches: list[tuple], name: str, values: _FacetValues) -> Counter:
    counter: Counter = Counter()
    for raw, count in Counter(map(_facet_column(name), matches)).items():
        for value in values.of(name, raw):
            counter[value] += count
    return counter


def _facets(
    matches: list[tuple],
    filters: SearchFilters,
    *,
    values: _FacetValues,
    user: Viewer,
    language: str,
) -> tuple[list[tuple], dict[str, list[FacetValue]]]:
    """Counts per facet value, each facet counted over the matches the other facets admit.

    Returns the matches every selected facet admits, and the facets.
    """
    active = filters.active()
    passes = {}
    for name, wanted in active.items():
        column, admits = _facet_column(name), {}
        for raw in set(map(column, matches)):
            admits[raw] = not wanted.isdisjoint(values.of(name, raw))
        passes[name] = [admits[raw] for raw in map(column, matches)]

    def admitted_by(names: Iterable[str]) -> list[tuple]:
        checks = [passes[name] for name in names]
        if not checks:
            return matches
        return [match for i, match in enumerate(matches) if all(check[i] for check in checks)]

    admitted = admitted_by(active)
    counters = {
        name: _count(
            admitted if name not in active else admitted_by(set(active) - {name}), name, values
        )
        for name in FACETS
    }

    for name, wanted in active.items():
        for value in wanted:
            counters[name].setdefault(value, 0)

    type_labels = _type_labels()
    labels = {
        "type": {value: type_labels.get(value, value) for value in counters["type"]},
        "language": {code: str(LANGUAGE_LABELS.get(code, code)) for code in counters["language"]},
        "year": {year: str(year) for year in counters["year"]},
        "tag": _tag_labels(set(counters["tag"]), tags=values.tags_by_slug(), language=language),
    }
    for name, facet in facet_filters().items():
        labels[name] = facet.labels(set(counters[name]), user=user, language=language)
    facets: dict[str, list[FacetValue]] = {}
    for name in FACETS:
        selected = active.get(name, frozenset())
        facet_values = [
            FacetValue(str(value), labels[name][value], count, value in selected)
            for value, count in counters[name].items()
            if value in labels[name]
        ]
        if name == "year":
            facet_values.sort(key=lambda item: item.value, reverse=True)
        else:
            facet_values.sort(key=lambda item: (-item.count, item.label.casefold()))
        if name == "tag":
            facet_values = [
                v for i, v in enumerate(facet_values) if i < TAG_FACET_SIZE or v.selected
            ]
        facets[name] = facet_values
    return admitted, facets


def _sort(matches: list[tuple], order: str) -> None:
    """Best first (then newest), or newest first (then best); then pages before documents and
    the newest object first, so that equal matches keep one order from page to page.

    One sort on plain columns, all descending: ISO dates sort as text, and no key function runs
    per match.
    """
    if order == "date":
        matches.sort(key=itemgetter(DATE, SCORE, KIND, PK), reverse=True)
    else:
        matches.sort(key=itemgetter(SCORE, DATE, KIND, PK), reverse=True)


def site_search(
    *,
    user: Viewer,
    text: str,
    language: str,
    all_languages: bool = False,
    filters: SearchFilters | None = None,
    order: str = "relevance",
) -> SearchOutcome:
    """Pages and documents `user` may see that match `text`, with facets.

    `text` is understood in `language` (the visitor's), or in every language with
    `all_languages`; without it only content in `language` (and documents of other or mixed
    language) is searched. Raises `search.backends.SearchUnavailable` when the backend is down.
    """
    filters = filters or SearchFilters()
    languages = None if all_languages else (language,)
    query = LanguageQuery(text, SEARCH_LANGUAGES if all_languages else (language,))
    if query.is_empty:
        return SearchOutcome(query, Hits([]), {name: [] for name in FACETS})

    limit = settings.CORDATA_SEARCH_MAX_HITS
    matches = _match_rows(_page_results(query, user=user, languages=languages), "page", limit)
    matches += _match_rows(
        _document_results(query, user=user, languages=languages), "document", limit
    )
    values = _FacetValues(matches)
    admitted, facets = _facets(matches, filters, values=values, user=user, language=language)
    _sort(admitted, order)
    if order == "relevance":
        admitted[:RERANK_DEPTH] = _reranked(admitted[:RERANK_DEPTH], query, values)
    return SearchOutcome(query, Hits(admitted, values), facets)


def _reranked(matches: list[tuple], query: LanguageQuery, values: _FacetValues) -> list[tuple]:
    """The best matches in `search.ranking`'s order (equal keys keep the backend's order)."""
    names: dict[str, list[str]] = defaultdict(list)
    met = _met_ids(matches, TAG_IDS)
    tags = [tag for pk, tag in values.tags.items() if pk in met]
    for language in query.languages:
        for pk, name in tag_names(tags, language).items():
            names[str(pk)].append(name)
    tagged = {
        (match[KIND], match[PK]): [name for pk in match[TAG_IDS].split() for name in names[pk]]
        for match in matches
        if match[TAG_IDS]
    }

    def of(kind: str) -> dict[int, list[str]]:
        return {pk: found for (owner, pk), found in tagged.items() if owner == kind}

    page_ids = [match[PK] for match in matches if match[KIND] == "page"]
    document_ids = [match[PK] for match in matches if match[KIND] == "document"]
    texts = {
        **{("page", pk): t for pk, t in page_texts(page_ids, tag_names=of("page")).items()},
        **{
            ("document", pk): t
            for pk, t in document_texts(document_ids, tag_names=of("document")).items()
        },
    }
    keys = {
        id(match): rank_key(
            texts.get((match[KIND], match[PK])), query.parsed, query.languages, match[SCORE]
        )
        for match in matches
    }
    return sorted(matches, key=lambda match: keys[id(match)], reverse=True)


def _highlight_terms(query: LanguageQuery, obj: Model) -> dict[str, frozenset[str]]:
    terms = {
        language: frozenset(query.terms[language])
        for language in object_languages(obj)
        if language in query.terms
    }
    return terms or {language: frozenset(stems) for language, stems in query.terms.items()}


def search_items(
    hits: Sequence[Hit],
    *,
    query: LanguageQuery,
    language: str,
    request: HttpRequest | None = None,
    absolute: bool = False,
) -> list[SearchItem]:
    """Displayable results for `hits` (one page of them): a query per model, none per result."""
    page_ids = [hit.pk for hit in hits if hit.kind == "page"]
    document_ids = [hit.pk for hit in hits if hit.kind == "document"]
    pages = {page.pk: page for page in _specific_pages(page_ids)}
    documents = {doc.pk: doc for doc in document_model().objects.filter(pk__in=document_ids)}
    type_labels = _type_labels()
    items = []
    for hit in hits:
        if hit.kind == "page" and hit.pk in pages:
            page = pages[hit.pk]
            url = page.get_full_url(request) if absolute else page.get_url(request)
            text = readable_text(page) or _fallback_text(page)
            title, locale = page.title, locale_code(page.locale_id)
            obj = page
        elif hit.kind == "document" and hit.pk in documents:
            obj = documents[hit.pk]
            url = request.build_absolute_uri(obj.url) if absolute and request else obj.url
            text = readable_text(obj)
            title = document_title(obj, language)
            locale = obj.language if obj.language in SEARCH_LANGUAGES else None
        else:
            continue
        items.append(
            SearchItem(
                kind=hit.kind,
                id=hit.pk,
                type=hit.type,
                type_label=type_labels.get(hit.type, hit.type),
                title=title,
                url=url or "",
                locale=locale,
                date=hit.date,
                snippet=highlight(text, _highlight_terms(query, obj)),
            )
        )
    return items


def _fallback_text(obj: Model) -> str:
    attribute = declaration_of(type(obj)).fallback_text
    return getattr(obj, attribute, "") if attribute else ""


def _specific_pages(ids: list[int]) -> QuerySet[Page] | list[Page]:
    return Page.objects.filter(pk__in=ids).specific() if ids else []
