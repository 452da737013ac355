"""What an object contributes to the search index: its language(s) and its searchable text."""

from __future__ import annotations

import re
from functools import lru_cache
from html import unescape

from django.core.exceptions import FieldDoesNotExist
from django.db.models import Manager
from django.db.models.signals import post_delete, post_save
from django.utils.encoding import force_str
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale
from wagtail.search import index

from .text import SEARCH_LANGUAGES, languages_of, normalise

_locale_codes: dict[int, str] = {}


def _forget_locales(**kwargs) -> None:
    _locale_codes.clear()


post_save.connect(_forget_locales, sender=Locale, dispatch_uid="search_forget_locales")
post_delete.connect(_forget_locales, sender=Locale, dispatch_uid="search_forget_locales")


def locale_code(locale_id: int | None) -> str | None:
    """The language code of a locale id, cached per process (locales almost never change)."""
    if locale_id is None:
        return None
    if locale_id not in _locale_codes:
        _locale_codes.clear()
        _locale_codes.update(Locale.objects.values_list("pk", "language_code"))
    return _locale_codes.get(locale_id)


def object_languages(obj) -> tuple[str, ...]:
    """The languages `obj` is written in: a page's locale, a document's `language`, else all."""
    if hasattr(obj, "locale_id"):
        return languages_of(locale_code(obj.locale_id))
    language = getattr(obj, "language", None)
    if isinstance(language, str):
        return languages_of(language)
    return SEARCH_LANGUAGES


def prepare_value(value) -> str:
    """A search field's value as one string (lists and dicts joined), as Wagtail's indexers do."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, list | tuple):
        return ", ".join(prepare_value(item) for item in value)
    if isinstance(value, dict):
        return ", ".join(prepare_value(item) for item in value.values())
    return force_str(value)


def _related_objects(value):
    if value is None:
        return []
    if isinstance(value, Manager):
        return list(value.all())
    if callable(value):
        value = value()
    return [value]


def _search_values(obj, fields, *, top_level: bool = True):
    for field in fields:
        if isinstance(field, index.SearchField):
            yield field.field_name == "title" and top_level, prepare_value(field.get_value(obj))
        elif isinstance(field, index.RelatedFields):
            for related in _related_objects(field.get_value(obj)):
                yield from _search_values(related, field.fields, top_level=False)


def indexed_text(obj) -> tuple[str, str]:
    """(title, body): the object's searchable text in its own words, as Elasticsearch receives it.

    The title is the object's own `title` search field; the body is every other search field,
    related ones (tags) included, in the order `search_fields` lists them.
    """
    title: list[str] = []
    body: list[str] = []
    for is_title, value in _search_values(obj, obj.get_search_fields()):
        if value:
            (title if is_title else body).append(value)
    return " ".join(title), "\n".join(body)


# --- The database backend's view of an object: the same fields, with normalised values ------


def _unwrap(obj):
    return obj.indexed_object if isinstance(obj, NormalisedObject) else obj


class _NormalisedSearchField(index.SearchField):
    """A search field whose value is the original field's value, normalised in `languages`."""

    def __init__(self, field: index.SearchField, languages: tuple[str, ...]):
        super().__init__(field.field_name, boost=field.boost, **field.kwargs)
        self.original = field
        self.languages = languages

    def get_value(self, obj):
        return normalise(prepare_value(self.original.get_value(_unwrap(obj))), self.languages)


class _UnwrappingAutocompleteField(index.AutocompleteField):
    """An autocomplete field read from the wrapped object, unchanged (prefix matching needs words)."""

    def __init__(self, field: index.AutocompleteField):
        super().__init__(field.field_name, **field.kwargs)
        self.original = field

    def get_value(self, obj):
        return self.original.get_value(_unwrap(obj))


class _NormalisedRelatedFields(index.RelatedFields):
    """Related objects (tags) indexed in the language of the object that holds them."""

    def __init__(self, field: index.RelatedFields, languages: tuple[str, ...]):
        super().__init__(field.field_name, _normalised_fields(tuple(field.fields), languages))
        self.original = field

    def get_value(self, obj):
        return self.original.get_value(_unwrap(obj))


def _normalised_fields(fields: tuple, languages: tuple[str, ...]) -> list:
    wrapped = []
    for field in fields:
        if isinstance(field, index.SearchField):
            wrapped.append(_NormalisedSearchField(field, languages))
        elif isinstance(field, index.AutocompleteField):
            wrapped.append(_UnwrappingAutocompleteField(field))
        elif isinstance(field, index.RelatedFields):
            wrapped.append(_NormalisedRelatedFields(field, languages))
    return wrapped


@lru_cache(maxsize=256)
def _model_fields(model, languages: tuple[str, ...]) -> list:
    return _normalised_fields(tuple(model.get_search_fields()), languages)


class NormalisedObject:
    """An indexed object as the database backend's indexers read it: same pk, normalised text.

    Wagtail's database indexers only ask an object for its `pk` and its `get_search_fields()`,
    then read each field's value from the object; this view hands them fields whose values are
    normalised in the object's own language (see `search.text`).
    """

    def __init__(self, obj):
        self.indexed_object = obj
        self.pk = obj.pk
        self.languages = object_languages(obj)

    def get_search_fields(self):
        return _model_fields(type(self.indexed_object), self.languages)

    def __getattr__(self, name):
        return getattr(self.indexed_object, name)


# --- Readable text for snippets: the object's own fields, without a query ---------------------

_TAG = re.compile(r"<[^>]+>")


def html_text(html: str | None) -> str:
    """Rich text as readable words: tags become spaces, entities characters."""
    return unescape(_TAG.sub(" ", html or ""))


def stream_text(block, raw) -> str:
    """The words of a StreamField's raw data, read through its block definitions.

    Reading the raw JSON (rather than the bound value) never loads chosen images, documents or
    pages, so a page of results costs no query per result.
    """
    parts: list[str] = []
    _walk_block(block, raw, parts)
    return "\n".join(part for part in parts if part)


def _walk_block(block, value, parts: list[str]) -> None:
    if value is None:
        return
    if isinstance(block, blocks.StreamBlock):
        for item in value:
            if isinstance(item, dict) and item.get("type") in block.child_blocks:
                _walk_block(block.child_blocks[item["type"]], item.get("value"), parts)
    elif isinstance(block, blocks.ListBlock):
        for item in value:
            is_wrapped = isinstance(item, dict) and item.get("type") == "item" and "value" in item
            _walk_block(block.child_block, item["value"] if is_wrapped else item, parts)
    elif isinstance(block, blocks.StructBlock):
        if isinstance(value, dict):
            for name, child in block.child_blocks.items():
                _walk_block(child, value.get(name), parts)
    elif isinstance(block, blocks.RichTextBlock):
        parts.append(html_text(value if isinstance(value, str) else str(value)))
    elif isinstance(block, blocks.CharBlock | blocks.TextBlock) and isinstance(value, str):
        parts.append(value)


def readable_text(obj) -> str:
    """The text a snippet is cut from: the object's own search fields except the title.

    Only stored fields are read (related objects and computed values would cost queries).
    """
    parts = []
    for field in obj.get_search_fields():
        if not isinstance(field, index.SearchField) or field.field_name == "title":
            continue
        try:
            model_field = obj._meta.get_field(field.field_name)
        except FieldDoesNotExist:
            continue
        value = getattr(obj, model_field.attname, None)
        if isinstance(model_field, StreamField):
            parts.append(stream_text(model_field.stream_block, getattr(value, "raw_data", value)))
        elif isinstance(model_field, RichTextField):
            parts.append(html_text(value))
        elif isinstance(value, str):
            parts.append(value)
    return "\n".join(part for part in parts if part)
