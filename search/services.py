"""Writes for search: the pending-index queue and its replay, and the search records."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F, Model, Q
from django.utils import timezone
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.backends.base import BaseSearchBackend
from wagtail.search.index import Indexed, get_indexed_instance

from .backends import SearchUnavailable
from .declarations import document_model
from .models import PendingIndexUpdate, SearchRecord
from .selectors import RECORD_FIELDS, search_records_for

logger = logging.getLogger(__name__)

#: Called with (done, total) as a long write goes on.
Progress = Callable[[int, int], object]


def pending_index_update_add(*, obj: Model, action: str, error: str = "") -> None:
    """Remembers that `obj`'s index entry needs `action` ("index" or "delete") once the service is back."""
    content_type = ContentType.objects.get_for_model(obj, for_concrete_model=True)
    key = {"content_type": content_type, "object_id": str(obj.pk)}
    with transaction.atomic():
        updated = PendingIndexUpdate.objects.filter(**key).update(
            action=action, error=error[:2000], attempts=F("attempts") + 1, queued_at=timezone.now()
        )
        if not updated:
            PendingIndexUpdate.objects.create(**key, action=action, error=error[:2000])


@dataclass
class ReplayReport:
    """What one replay of the queue did: writes done, writes still queued, and why."""

    done: int = 0
    failed: int = 0
    reason: str = ""


def _apply(backend: BaseSearchBackend, entry: PendingIndexUpdate) -> None:
    model = entry.content_type.model_class()
    if model is None:
        return
    # Only searched (indexed) models are queued.
    obj: Indexed | None = model._default_manager.filter(pk=entry.object_id).first()
    indexed = get_indexed_instance(obj) if obj is not None else None
    if entry.action == PendingIndexUpdate.Action.INDEX and indexed is not None:
        getattr(backend, "index_now", backend.add)(indexed)
    else:
        # Gone, or no longer indexed: make sure the index forgets it too.
        stub = (obj.get_indexed_instance() if obj is not None else None) or model(
            pk=entry.object_id
        )
        getattr(backend, "delete_now", backend.delete)(stub)


def _keep(entry: PendingIndexUpdate, error: Exception) -> None:
    logger.warning("Replaying %s failed: %s", entry, error)
    PendingIndexUpdate.objects.filter(pk=entry.pk).update(
        error=str(error)[:2000], attempts=F("attempts") + 1
    )


def pending_index_updates_replay(
    *, backend_name: str = "default", progress: Progress | None = None
) -> ReplayReport:
    """Applies every queued index write to `backend_name`; what fails stays queued with its error.

    An unavailable backend stops the replay at the first write it refuses: the rest stay
    queued untried (counted as failed), rather than each waiting for the same timeout.
    """
    backend = get_search_backend(backend_name)
    report = ReplayReport()
    entries = list(PendingIndexUpdate.objects.select_related("content_type"))
    for position, entry in enumerate(entries, start=1):
        try:
            _apply(backend, entry)
        except SearchUnavailable as error:
            _keep(entry, error)
            report.failed = len(entries) - report.done
            report.reason = str(error)
            break
        except Exception as error:  # any failure keeps the entry for next time
            _keep(entry, error)
            report.failed += 1
            report.reason = str(error)
        else:
            report.done += 1
            PendingIndexUpdate.objects.filter(pk=entry.pk, queued_at=entry.queued_at).delete()
        if progress is not None:
            progress(position, len(entries))
    return report


def _records_write(records: list[SearchRecord]) -> None:
    # Upserts, not delete-then-insert: two transactions rewriting one record (two editors
    # publishing a group and one of its partners) must not collide on the unique object link.
    for key in ("page", "document"):
        rows = [record for record in records if getattr(record, f"{key}_id")]
        if rows:
            SearchRecord.objects.bulk_create(
                rows, update_conflicts=True, unique_fields=[key], update_fields=RECORD_FIELDS
            )


@transaction.atomic
def search_records_refresh(
    *, page_ids: Iterable[int] = (), document_ids: Iterable[int] = ()
) -> None:
    """Rewrites the search records of these pages and documents from their live rows.

    Objects that no longer exist (or are not searchable) lose their record.
    """
    page_ids, document_ids = list(page_ids), list(document_ids)
    if not page_ids and not document_ids:
        return
    records = search_records_for(page_ids=page_ids, document_ids=document_ids)
    _records_write(records)
    gone_pages = set(page_ids) - {record.page_id for record in records}
    gone_documents = set(document_ids) - {record.document_id for record in records}
    if gone_pages or gone_documents:
        SearchRecord.objects.filter(
            Q(page_id__in=gone_pages) | Q(document_id__in=gone_documents)
        ).delete()


def search_records_forget(
    *, page_ids: Iterable[int | None] = (), document_ids: Iterable[int | None] = ()
) -> None:
    """Drops these records: searches read those objects' live rows until they are rewritten."""
    SearchRecord.objects.filter(
        Q(page_id__in=[pk for pk in page_ids if pk])
        | Q(document_id__in=[pk for pk in document_ids if pk])
    ).delete()


RECORDS_BATCH_SIZE = 1000


def search_records_rebuild(*, progress: Progress | None = None) -> int:
    """Rewrites every search record (as `update_index` does); returns how many were written.

    One transaction per batch of a thousand, so that editors' own record writes never wait
    for the whole rebuild.
    """
    page_ids = list(Page.objects.filter(depth__gt=1).order_by("pk").values_list("pk", flat=True))
    document_ids = list(document_model().objects.order_by("pk").values_list("pk", flat=True))
    batches = [
        *(
            {"page_ids": page_ids[i : i + RECORDS_BATCH_SIZE]}
            for i in range(0, len(page_ids), RECORDS_BATCH_SIZE)
        ),
        *(
            {"document_ids": document_ids[i : i + RECORDS_BATCH_SIZE]}
            for i in range(0, len(document_ids), RECORDS_BATCH_SIZE)
        ),
    ]
    written = 0
    for position, batch in enumerate(batches, start=1):
        with transaction.atomic():
            records = search_records_for(**batch)
            _records_write(records)
        written += len(records)
        if progress is not None:
            progress(position, len(batches))
    return written
