"""Keeps search records in step with the pages, documents and relation rows they are read from.

A record is rewritten when its object is saved and when a row it draws on (a release's groups,
partners and tags, a group's memberships, a document's tags) is saved. When such a row is
deleted, the record is dropped at once (a search then reads that object's live rows) and
rewritten once the transaction commits: rewriting it inside a delete could recreate the record
of an object the same delete is removing.

While search auto-update is off (bulk imports), or for raw fixture loading, the records
concerned are only dropped, as searches then read the live rows; `update_index` rewrites every
record.
"""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save
from wagtail.models import Page

from .declarations import document_model, relation_models, relation_sources, searched_models


def _auto_update() -> bool:
    return bool(settings.WAGTAILSEARCH_BACKENDS.get("default", {}).get("AUTO_UPDATE", True))


def _owners(instance) -> tuple[list[int], list[int]]:
    """(page ids, document ids) whose records `instance` contributes to."""
    if isinstance(instance, Page):
        return [instance.pk], []
    if isinstance(instance, document_model()):
        return [], [instance.pk]
    owners: dict[str, list[int]] = {"page": [], "document": []}
    for source in relation_sources():
        if isinstance(instance, source.model):
            owners[source.kind] += source.owners_of(instance)
    return list(dict.fromkeys(owners["page"])), list(dict.fromkeys(owners["document"]))


def _refresh(page_ids, document_ids) -> None:
    from .services import search_records_refresh

    search_records_refresh(
        page_ids=[pk for pk in page_ids if pk], document_ids=[pk for pk in document_ids if pk]
    )


def _forget(page_ids, document_ids) -> None:
    from .services import search_records_forget

    search_records_forget(page_ids=page_ids, document_ids=document_ids)


def _movable_sources(model) -> list:
    """The declared relations of `model` whose rows may move to another owner."""
    sources = [source for source in relation_sources() if source.model is model]
    return sources if any(source.owner_movable for source in sources) else []


def relation_changing(instance, raw=False, **kwargs) -> None:
    """Remembers a relation row's previous owners (a membership's group and partner): moving
    the row changes the records of both the old and the new owners."""
    if raw or instance.pk is None:
        return
    sources = _movable_sources(type(instance))
    owners = list(dict.fromkeys(source.related.owner for source in sources))
    instance._search_previous_owners = list(
        type(instance)._default_manager.filter(pk=instance.pk).values_list(*owners)
    )


def record_saved(instance, raw=False, **kwargs) -> None:
    page_ids, document_ids = _owners(instance)
    for previous in getattr(instance, "_search_previous_owners", ()):
        page_ids = [*page_ids, *previous]
    if raw or not _auto_update():
        # Bulk loading: a stale record would answer searches wrongly, a missing one only
        # more slowly (searches read the live rows), until `update_index` rewrites them.
        _forget(page_ids, document_ids)
        return
    _refresh(page_ids, document_ids)


def record_source_deleted(instance, **kwargs) -> None:
    # Only relation rows come here: an object's own record goes with it (on_delete=CASCADE).
    page_ids, document_ids = _owners(instance)
    if not page_ids and not document_ids:
        return
    _forget(page_ids, document_ids)
    if _auto_update():
        transaction.on_commit(lambda: _refresh(page_ids, document_ids))


def connect() -> None:
    """Connects the handlers for every searched model and the relation rows they declare."""
    relations = relation_models()
    for model in (*searched_models(), *relations):
        uid = f"search_record_{model._meta.label_lower}"
        post_save.connect(record_saved, sender=model, dispatch_uid=uid)
        if model in relations:
            post_delete.connect(record_source_deleted, sender=model, dispatch_uid=uid)
        if model in relations and _movable_sources(model):
            pre_save.connect(relation_changing, sender=model, dispatch_uid=f"{uid}_changing")
