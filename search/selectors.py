"""Reads for site search: one language-aware query over pages and documents, with facets.

`site_search` asks the configured backend for the matching pages and documents the user may see
(privacy comes from `cms.core.privacy` and nowhere else), then reads each match's facet values
(type, thematic group, partner country, language, year, tag) with one query per relation over
the matched ids. Counting happens in Python over those rows so that every facet can be counted
against the *other* facets' selections (values within a facet are alternatives, facets narrow
each other) without a query per facet value. `search_items` then turns one page of matches
into displayable results, with a query per model rather than per result.
"""

from __future__ import annotations

import datetime
import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import QuerySet, TextField
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast
from django.utils.safestring import SafeString
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from taggit.models import Tag, TaggedItem
from wagtail.models import Locale, Page

from cms.core.privacy import visible_documents, visible_pages
from cms.core.translation import document_title, tag_names
from cms.groups.models import PartnerPage, ThematicGroupMembership, ThematicGroupPage
from cms.home.models import (
    PressReleaseGroup,
    PressReleasePage,
    PressReleasePartner,
    PressReleaseTag,
)
from cms.knowledge.models import DocumentLanguage, ProjectDocument

from .indexing import locale_code, object_languages, readable_text
from .query import LanguageQuery
from .text import SEARCH_LANGUAGES, highlight

FACETS = ("type", "group", "country", "language", "year", "tag")
ORDERS = ("relevance", "date")
#: Tags are many: the facet lists the most frequent ones (and any the visitor selected).
TAG_FACET_SIZE = 15
LANGUAGE_LABELS = {
    "it": _("Italian"),
    "en": _("English"),
    DocumentLanguage.OTHER: DocumentLanguage.OTHER.label,
}


def model_label(model) -> str:
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

    Multi-valued facets are tuples without repeats rather than sets: a common word makes
    thousands of hits, and sets (unlike tuples of ids and codes) stay tracked by Python's
    garbage collector, so they made full collections, each costing ~100 ms, frequent.
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

    def add(self, facet: str, value) -> None:
        """Adds `value` to the multi-valued `facet` ("group", "country" or "tag") unless there."""
        values = getattr(self, facet)
        if value not in values:
            setattr(self, facet, (*values, value))

    def values(self, facet: str) -> Iterable:
        if facet == "type":
            return (self.type,)
        if facet == "language":
            return (self.language,) if self.language else ()
        if facet == "year":
            return (self.date.year,) if self.date else ()
        return getattr(self, facet)


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
    hits: list[Hit]
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


def _id_scores(results, limit: int) -> list[tuple[object, float]]:
    if hasattr(results, "id_scores"):
        return results.id_scores(limit)
    # A stock Wagtail backend: slower, but the same answer.
    scored = results.annotate_score("_score")[:limit]
    return [(obj.pk, getattr(obj, "_score", 0.0) or 0.0) for obj in scored]


def _page_hits(query: LanguageQuery, *, user, languages, limit: int) -> list[Hit]:
    pages = Page.objects.filter(depth__gt=1)
    if languages is not None:
        pages = pages.filter(locale__in=Locale.objects.filter(language_code__in=languages))
    results = visible_pages(pages, user=user).search(query)
    return [Hit("page", pk, score) for pk, score in _id_scores(results, limit)]


def _document_hits(query: LanguageQuery, *, user, languages, limit: int) -> list[Hit]:
    documents = ProjectDocument.objects.all()
    if languages is not None:
        documents = documents.filter(language__in=[*languages, DocumentLanguage.OTHER])
    visible = visible_documents(ProjectDocument.objects.all(), user=user)
    results = documents.filter(pk__in=visible.values("pk")).search(query)
    return [Hit("document", pk, score) for pk, score in _id_scores(results, limit)]


def _day(value) -> datetime.date | None:
    # Dates arrive as text ("2012-01-16", or a UTC timestamp): parsing the first ten characters
    # is far cheaper than the ORM's per-row conversion, and a day is all search needs.
    return datetime.date.fromisoformat(value[:10]) if value else None


def _text(field: str) -> Cast:
    return Cast(field, output_field=TextField())


def _ids(ids) -> RawSQL | list:
    """A `__in` value for thousands of ids sent as one parameter the database unpacks.

    The ORM prepares an `IN (%s, %s, …)` list id by id, which costs more than the query
    itself once a common word matches thousands of objects.
    """
    ids = list(ids)
    if connection.vendor == "sqlite":
        return RawSQL("SELECT value FROM json_each(%s)", (json.dumps(ids),))
    if connection.vendor == "postgresql":
        return RawSQL("SELECT unnest(%s::bigint[])", (ids,))
    return ids


def _annotate_pages(hits: dict[int, Hit]) -> set[int]:
    """Fills the facet values of page hits; returns the ids of the group pages they name."""
    by_model: dict[type, list[int]] = defaultdict(list)
    groups: set[int] = set()
    models: dict[int, type] = {}
    # One query for what every page has and what single-valued fields of its type add.
    # No ORDER BY: the hits keep the search's order, and sorting thousands of rows by path
    # would cost a temporary B-tree for nothing.
    rows = (
        Page.objects.filter(pk__in=_ids(hits))
        .order_by()
        .values_list(
            "pk",
            "content_type_id",
            "locale_id",
            _text("first_published_at"),
            _text("pressreleasepage__date"),
            _text("strategicplanpage__adopted_on"),
            "strategicplanpage__group_id",
            "partnerpage__country",
        )
    )
    labels: dict[int, str] = {}
    for pk, content_type_id, locale_id, published, date, adopted_on, plan_group, country in rows:
        if content_type_id not in models:
            models[content_type_id] = (
                ContentType.objects.get_for_id(content_type_id).model_class() or Page
            )
            labels[content_type_id] = model_label(models[content_type_id])
        model = models[content_type_id]
        hit = hits[pk]
        hit.type = labels[content_type_id]
        hit.language = locale_code(locale_id) or ""
        hit.date = _day(date or adopted_on or published)
        if plan_group:
            hit.add("group", plan_group)
        if country:
            hit.add("country", country)
        by_model[model].append(pk)

    if ids := by_model.get(PressReleasePage):
        links = PressReleaseGroup.objects.filter(page_id__in=_ids(ids)).values_list(
            "page_id", "group_id"
        )
        for pk, group_id in links:
            hits[pk].add("group", group_id)
        links = PressReleasePartner.objects.filter(page_id__in=_ids(ids))
        for pk, country in links.values_list("page_id", "partner__country"):
            hits[pk].add("country", country)
        tagged = PressReleaseTag.objects.filter(content_object_id__in=_ids(ids))
        for pk, tag_id in tagged.values_list("content_object_id", "tag_id"):
            hits[pk].add("tag", tag_id)
    if ids := by_model.get(PartnerPage):
        memberships = ThematicGroupMembership.objects.filter(partner_id__in=_ids(ids))
        for pk, group_id in memberships.values_list("partner_id", "page_id"):
            hits[pk].add("group", group_id)
    if ids := by_model.get(ThematicGroupPage):
        for pk in ids:
            hits[pk].add("group", pk)
        memberships = ThematicGroupMembership.objects.filter(page_id__in=_ids(ids))
        for pk, country in memberships.values_list("page_id", "partner__country"):
            hits[pk].add("country", country)
    for hit in hits.values():
        groups.update(hit.group)
    return groups


def _annotate_documents(hits: dict[int, Hit]) -> set[int]:
    """Fills the facet values of document hits; returns the ids of the group pages they name."""
    label = model_label(ProjectDocument)
    groups: set[int] = set()
    rows = (
        ProjectDocument.objects.filter(pk__in=_ids(hits))
        .order_by()
        .values_list("pk", "language", _text("created_at"), "thematic_group_id")
    )
    for pk, language, created_at, group_id in rows:
        hit = hits[pk]
        hit.type, hit.language, hit.date = label, language, _day(created_at)
        if group_id:
            hit.add("group", group_id)
            groups.add(group_id)
    content_type = ContentType.objects.get_for_model(ProjectDocument)
    tagged = TaggedItem.objects.filter(content_type=content_type, object_id__in=_ids(hits))
    for pk, tag_id in tagged.values_list("object_id", "tag_id"):
        hits[pk].add("tag", tag_id)
    return groups


def _name_relations(hits: list[Hit], group_ids: set[int]) -> dict[str, Tag]:
    """Replaces group page ids by translation keys and tag ids by slugs, with one query each.

    Returns the tags met, by slug, for the tag facet's labels.
    """
    keys = {
        pk: str(key)
        for pk, key in Page.objects.filter(pk__in=group_ids).values_list("pk", "translation_key")
    }
    tag_ids = set().union(*(hit.tag for hit in hits)) if hits else set()
    tags = {tag.pk: tag for tag in Tag.objects.filter(pk__in=tag_ids)} if tag_ids else {}
    for hit in hits:
        if hit.group:
            hit.group = tuple(dict.fromkeys(keys[pk] for pk in hit.group if pk in keys))
        if hit.tag:
            hit.tag = tuple(dict.fromkeys(tags[pk].slug for pk in hit.tag if pk in tags))
    return {tag.slug: tag for tag in tags.values()}


@lru_cache(maxsize=8)
def _type_labels_in(language: str | None) -> dict[str, str]:
    from wagtail.models import get_page_models

    models = [*get_page_models(), ProjectDocument]
    return {model_label(model): str(capfirst(model._meta.verbose_name)) for model in models}


def _type_labels() -> dict[str, str]:
    """Result types and their names in the active language."""
    return _type_labels_in(get_language())


def result_types() -> list[str]:
    """Every type a result can have, for validating the `type` filter."""
    return list(_type_labels())


def _group_labels(keys: set[str], *, user, language: str) -> dict[str, str]:
    if not keys:
        return {}
    groups = visible_pages(ThematicGroupPage.objects.filter(translation_key__in=keys), user=user)
    labels: dict[str, str] = {}
    for key, locale_id, title in groups.values_list("translation_key", "locale_id", "title"):
        if str(key) not in labels or locale_code(locale_id) == language:
            labels[str(key)] = title
    return labels


def _tag_labels(slugs: set[str], *, tags: dict[str, Tag], language: str) -> dict[str, str]:
    known = [tags[slug] for slug in slugs if slug in tags]
    # A selected tag no match carries is looked up, so that it can still be unselected.
    missing = [slug for slug in slugs if slug not in tags]
    if missing:
        known += list(Tag.objects.filter(slug__in=missing))
    names = tag_names(known, language) if known else {}
    return {tag.slug: names.get(tag.pk, tag.name) for tag in known}


def _count(hits: list[Hit], name: str) -> Counter:
    if name == "type":
        return Counter(hit.type for hit in hits)
    if name == "language":
        return Counter(hit.language for hit in hits if hit.language)
    if name == "year":
        return Counter(hit.date.year for hit in hits if hit.date)
    return Counter(value for hit in hits for value in getattr(hit, name))


def _facets(hits: list[Hit], filters: SearchFilters, *, user, language: str, tags: dict[str, Tag]):
    """Counts per facet value, each facet counted over the matches the other facets admit."""
    active = filters.active()
    passes = {
        name: [not wanted.isdisjoint(hit.values(name)) for hit in hits]
        for name, wanted in active.items()
    }

    def admitted_by(names) -> list[Hit]:
        checks = [passes[name] for name in names]
        if not checks:
            return hits
        return [hit for i, hit in enumerate(hits) if all(check[i] for check in checks)]

    admitted = admitted_by(active)
    counters = {
        name: _count(admitted if name not in active else admitted_by(set(active) - {name}), name)
        for name in FACETS
    }

    for name, wanted in active.items():
        for value in wanted:
            counters[name].setdefault(value, 0)

    type_labels = _type_labels()
    labels = {
        "type": {value: type_labels.get(value, value) for value in counters["type"]},
        "group": _group_labels(set(counters["group"]), user=user, language=language),
        "country": {code: str(countries.name(code) or code) for code in counters["country"]},
        "language": {code: str(LANGUAGE_LABELS.get(code, code)) for code in counters["language"]},
        "year": {year: str(year) for year in counters["year"]},
        "tag": _tag_labels(set(counters["tag"]), tags=tags, language=language),
    }
    facets: dict[str, list[FacetValue]] = {}
    for name in FACETS:
        selected = active.get(name, frozenset())
        values = [
            FacetValue(str(value), labels[name][value], count, value in selected)
            for value, count in counters[name].items()
            if value in labels[name]
        ]
        if name == "year":
            values.sort(key=lambda item: item.value, reverse=True)
        else:
            values.sort(key=lambda item: (-item.count, item.label.casefold()))
        if name == "tag":
            values = [v for i, v in enumerate(values) if i < TAG_FACET_SIZE or v.selected]
        facets[name] = values
    return admitted, facets


def _sort(hits: list[Hit], order: str) -> None:
    def day(hit: Hit) -> int:
        return hit.date.toordinal() if hit.date else 0

    if order == "date":
        hits.sort(key=lambda hit: (-day(hit), -hit.score, hit.kind, hit.pk))
    else:
        hits.sort(key=lambda hit: (-hit.score, -day(hit), hit.kind, hit.pk))


def site_search(
    *,
    user,
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
        return SearchOutcome(query, [], {name: [] for name in FACETS})

    limit = settings.CORDATA_SEARCH_MAX_HITS
    pages = {hit.pk: hit for hit in _page_hits(query, user=user, languages=languages, limit=limit)}
    documents = {
        hit.pk: hit for hit in _document_hits(query, user=user, languages=languages, limit=limit)
    }
    group_ids = _annotate_pages(pages) if pages else set()
    if documents:
        group_ids |= _annotate_documents(documents)
    # A match deleted between the search and the reads has no type: leave it out.
    hits = [hit for hit in (*pages.values(), *documents.values()) if hit.type]
    tags = _name_relations(hits, group_ids)
    admitted, facets = _facets(hits, filters, user=user, language=language, tags=tags)
    _sort(admitted, order)
    return SearchOutcome(query, admitted, facets)


def _highlight_terms(query: LanguageQuery, obj) -> dict[str, frozenset[str]]:
    terms = {
        language: frozenset(query.terms[language])
        for language in object_languages(obj)
        if language in query.terms
    }
    return terms or {language: frozenset(stems) for language, stems in query.terms.items()}


def search_items(
    hits: Sequence[Hit], *, query: LanguageQuery, language: str, request=None, absolute=False
) -> list[SearchItem]:
    """Displayable results for `hits` (one page of them): a query per model, none per result."""
    page_ids = [hit.pk for hit in hits if hit.kind == "page"]
    document_ids = [hit.pk for hit in hits if hit.kind == "document"]
    pages = {page.pk: page for page in _specific_pages(page_ids)}
    documents = {doc.pk: doc for doc in ProjectDocument.objects.filter(pk__in=document_ids)}
    type_labels = _type_labels()
    items = []
    for hit in hits:
        if hit.kind == "page" and hit.pk in pages:
            page = pages[hit.pk]
            url = page.get_full_url(request) if absolute else page.get_url(request)
            text = readable_text(page) or getattr(page, "summary_text", "")
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


def _specific_pages(ids: list[int]) -> QuerySet | list:
    return Page.objects.filter(pk__in=ids).specific() if ids else []
