"""Writes for search: the pending-index queue and its replay."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from wagtail.search.backends import get_search_backend
from wagtail.search.index import get_indexed_instance

from .models import PendingIndexUpdate

logger = logging.getLogger(__name__)


def pending_index_update_add(*, obj, action: str, error: str = "") -> None:
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
    """What one replay of the queue did."""

    done: int = 0
    failed: int = 0


def _apply(backend, entry: PendingIndexUpdate) -> None:
    model = entry.content_type.model_class()
    if model is None:
        return
    obj = model._default_manager.filter(pk=entry.object_id).first()
    indexed = get_indexed_instance(obj) if obj is not None else None
    if entry.action == PendingIndexUpdate.Action.INDEX and indexed is not None:
        getattr(backend, "index_now", backend.add)(indexed)
    else:
        # Gone, or no longer indexed: make sure the index forgets it too.
        stub = (obj.get_indexed_instance() if obj is not None else None) or model(
            pk=entry.object_id
        )
        getattr(backend, "delete_now", backend.delete)(stub)


def pending_index_updates_replay(*, backend_name: str = "default", progress=None) -> ReplayReport:
    """Applies every queued index write to `backend_name`; what fails stays queued with its error."""
    backend = get_search_backend(backend_name)
    report = ReplayReport()
    entries = list(PendingIndexUpdate.objects.select_related("content_type"))
    for position, entry in enumerate(entries, start=1):
        try:
            _apply(backend, entry)
        except Exception as error:  # any failure keeps the entry for next time
            report.failed += 1
            logger.warning("Replaying %s failed: %s", entry, error)
            PendingIndexUpdate.objects.filter(pk=entry.pk).update(
                error=str(error)[:2000], attempts=F("attempts") + 1
            )
        else:
            report.done += 1
            PendingIndexUpdate.objects.filter(pk=entry.pk, queued_at=entry.queued_at).delete()
        if progress is not None:
            progress(position, len(entries))
    return report
