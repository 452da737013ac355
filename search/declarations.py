"""The searched models and what each declares for search (`cms.core.searchable`).

Search covers every page model and the document model (`WAGTAILDOCS_DOCUMENT_MODEL`); what
they are filed under, which facets their objects provide and what a hit shows come from each
model's `search_declaration`, so this app never names another app's fields.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Model
from django.utils.module_loading import import_string
from modelcluster.fields import ParentalKey
from wagtail.documents import get_document_model
from wagtail.models import Page, get_page_models

from cms.core.searchable import ITSELF, FacetFilter, Related, SearchDeclaration

#: What an object is filed under, as its search record holds it: ids of groups, partners, tags.
FILINGS = ("group", "partner", "tag")
#: A page type that declares nothing: undated (a publication time is not the content's date).
PAGE_DEFAULT = SearchDeclaration(summary=("search_description",))
DOCUMENT_DEFAULT = SearchDeclaration()


def declaration_of(model) -> SearchDeclaration:
    """What `model` declares for search, or the default for a page or a document."""
    declared = getattr(model, "search_declaration", None)
    if declared is not None:
        return declared
    return PAGE_DEFAULT if issubclass(model, Page) else DOCUMENT_DEFAULT


def document_model():
    """The document model search covers."""
    return get_document_model()


def searched_models() -> list[type[Model]]:
    """Every model a result can be: the page models, then the document model."""
    return [*get_page_models(), document_model()]


def kind_of(model) -> str:
    """ "page" or "document": which search record column an object of `model` is filed by."""
    return "page" if issubclass(model, Page) else "document"


def own_fields(model) -> list[str]:
    """The fields of `model`'s own rows that its declaration reads (dates and filed ids)."""
    declaration = declaration_of(model)
    names = list(declaration.date)
    for sources in declaration.facets.values():
        names += [source for source in sources if isinstance(source, str) and source != ITSELF]
    return list(dict.fromkeys(names))


def page_field_path(model, name: str) -> str:
    """The lookup reaching field `name` of page model `model` from `Page` (`pressreleasepage__date`)."""
    owner = model._meta.get_field(name).model._meta.concrete_model
    if owner is Page:
        return name
    chain = [
        parent
        for parent in reversed(owner._meta.get_parent_list())
        if parent is not Page and issubclass(parent, Page)
    ]
    return "__".join([*(parent._meta.model_name for parent in chain), owner._meta.model_name, name])


@dataclass(frozen=True)
class RelationSource:
    """A `Related` declaration, resolved: rows of `model` file objects of `owner_model`."""

    model: type[Model]
    owner_model: type[Model]
    filing: str
    related: Related

    @property
    def kind(self) -> str:
        return kind_of(self.owner_model)

    def rows(self, owner_ids):
        """The (owner id, filed id) rows for these owners, in the relation's own order."""
        rows = self.model._default_manager.filter(**{f"{self.related.owner}__in": owner_ids})
        if self.related.generic:
            rows = rows.filter(content_type=ContentType.objects.get_for_model(self.owner_model))
        return rows.values_list(self.related.owner, self.related.value)

    def owners_of(self, instance) -> list[int]:
        """The owner ids a saved or deleted row of `model` files something for."""
        if self.related.generic:
            content_type = ContentType.objects.get_for_model(self.owner_model)
            if instance.content_type_id != content_type.pk:
                return []
        return [getattr(instance, self.related.owner)]

    @property
    def owner_movable(self) -> bool:
        """Whether a row may move to another owner (a plain foreign key, not a parental key)."""
        field = self.model._meta.get_field(self.related.owner)
        return field.is_relation and not isinstance(field, ParentalKey)


def relation_sources(model=None) -> list[RelationSource]:
    """The declared `Related` sources, of every searched model or of `model` only."""
    sources = _relation_sources()
    return sources if model is None else [s for s in sources if s.owner_model is model]


@cache
def _relation_sources() -> list[RelationSource]:
    sources = []
    for model in searched_models():
        for filing, declared in declaration_of(model).facets.items():
            for source in declared:
                if isinstance(source, Related):
                    sources.append(
                        RelationSource(apps.get_model(source.model), model, filing, source)
                    )
    return sources


def relation_models() -> list[type[Model]]:
    """The models whose rows file searched objects under something, each once."""
    return list(dict.fromkeys(source.model for source in relation_sources()))


@dataclass(frozen=True)
class Filter:
    """A facet provided by a model's objects (`FacetFilter`, resolved)."""

    name: str
    model: type[Model]
    declared: FacetFilter

    @property
    def source(self) -> str:
        return self.declared.source

    def values(self, ids) -> dict[str, str]:
        """{id as text: facet value} for these ids of `model` (objects without a value left out)."""
        rows = self.model._default_manager.filter(pk__in=ids).values_list("pk", self.declared.field)
        return {str(pk): str(value) for pk, value in rows if value}

    def labels(self, values: set[str], *, user, language: str) -> dict[str, str]:
        return import_string(self.declared.labels)(values, user=user, language=language)


@cache
def facet_filters() -> dict[str, Filter]:
    """The facets searched models provide, by facet name."""
    filters = {}
    for model in searched_models():
        for name, declared in declaration_of(model).filters.items():
            filters[name] = Filter(name, model, declared)
    return filters
