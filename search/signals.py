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
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save
from taggit.models import TaggedItem
from wagtail.models import Page, get_page_models

from cms.groups.models import ThematicGroupMembership
from cms.home.models import PressReleaseGroup, PressReleasePartner, PressReleaseTag
from cms.knowledge.models import ProjectDocument


def _auto_update() -> bool:
    return settings.WAGTAILSEARCH_BACKENDS.get("default", {}).get("AUTO_UPDATE", True)


def _owners(instance) -> tuple[list[int], list[int]]:
    """(page ids, document ids) whose records `instance` contributes to."""
    if isinstance(instance, Page):
        return [instance.pk], []
    if isinstance(instance, ProjectDocument):
        return [], [instance.pk]
    if isinstance(instance, PressReleaseGroup | PressReleasePartner):
        return [instance.page_id], []
    if isinstance(instance, PressReleaseTag):
        return [instance.content_object_id], []
    if isinstance(instance, ThematicGroupMembership):
        return [instance.page_id, instance.partner_id], []
    if isinstance(instance, TaggedItem):
        if instance.content_type_id == ContentType.objects.get_for_model(ProjectDocument).pk:
            return [], [instance.object_id]
    return [], []


def _refresh(page_ids, document_ids) -> None:
    from .services import search_records_refresh

    search_records_refresh(
        page_ids=[pk for pk in page_ids if pk], document_ids=[pk for pk in document_ids if pk]
    )


def _forget(page_ids, document_ids) -> None:
    from .services import search_records_forget

    search_records_forget(page_ids=page_ids, document_ids=document_ids)


def membership_changing(instance, raw=False, **kwargs) -> None:
    """Remembers a membership's previous group and partner: moving it changes both records."""
    if raw or instance.pk is None:
        return
    instance._search_previous_owners = list(
        ThematicGroupMembership.objects.filter(pk=instance.pk).values_list("page_id", "partner_id")
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


RELATION_MODELS = (
    PressReleaseGroup,
    PressReleasePartner,
    PressReleaseTag,
    ThematicGroupMembership,
    TaggedItem,
)


def connect() -> None:
    """Connects the handlers for every page model, documents and the relation rows."""
    for model in (*get_page_models(), ProjectDocument, *RELATION_MODELS):
        uid = f"search_record_{model._meta.label_lower}"
        post_save.connect(record_saved, sender=model, dispatch_uid=uid)
        if model in RELATION_MODELS:
            post_delete.connect(record_source_deleted, sender=model, dispatch_uid=uid)
    pre_save.connect(
        membership_changing,
        sender=ThematicGroupMembership,
        dispatch_uid="search_record_membership_changing",
    )
