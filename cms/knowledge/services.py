"""Writes of the knowledge app: the text read from documents' files."""

from __future__ import annotations

import logging

from django.db import transaction

from .models import TEXT_FIELDS, ProjectDocument, TextExtractionNote, TextExtractionStatus

logger = logging.getLogger(__name__)


def _file_changed(document: ProjectDocument) -> bool:
    if not document.file._committed or document.pk is None:
        return True
    stored = (
        type(document)
        ._default_manager.filter(pk=document.pk)
        .values_list("file", flat=True)
        .first()
    )
    return stored != document.file.name


def document_text_mark_pending(document: ProjectDocument) -> bool:
    """Before a save: whether `document`'s file is new or replaced, in which case its old text
    is dropped and it waits to be read (`document_text_schedule`, after the save).

    A document without a file has no text, and nothing to read.
    """
    if not document.file:
        document.extracted_text = ""
        document.text_status = TextExtractionStatus.FAILED
        document.text_note = TextExtractionNote.MISSING_FILE
        return False
    if not _file_changed(document):
        return False
    document.extracted_text = ""
    document.text_status = TextExtractionStatus.PENDING
    document.text_note = ""
    return True


def document_text_schedule(*, document: ProjectDocument) -> None:
    """Queues the reading of `document`'s file, in the same transaction as its row.

    With a worker (the database task backend) the task is committed with the document and
    read afterwards; with the immediate backend it runs now and `document` is refreshed.
    """
    from .tasks import document_text_extract_task

    result = document_text_extract_task.enqueue(document.pk, document.file.name)
    if result.is_finished:
        document.refresh_from_db(fields=list(TEXT_FIELDS))


def document_text_extract(*, document_id: int, file_name: str | None = None) -> str:
    """Reads and stores the text of document `document_id`; returns its new text status.

    The file is read outside any lock (it may take a while); the text is stored only if the
    document still has that file. `file_name=None` reads whatever file it has now.
    """
    from .extraction import extract_stored

    document = ProjectDocument.objects.filter(pk=document_id).first()
    if document is None or (file_name is not None and document.file.name != file_name):
        return "superseded"
    result = extract_stored(document.file)
    with transaction.atomic():
        current = ProjectDocument.objects.select_for_update().filter(pk=document_id).first()
        if current is None or current.file.name != document.file.name:
            return "superseded"
        current.extracted_text = result.text
        current.text_status = result.status
        current.text_note = result.note
        # Saving the text fields also refreshes the document's search index entry.
        current.save(update_fields=list(TEXT_FIELDS))
    logger.info(
        "Document %s: text %s%s (peak %s KiB)",
        document_id,
        result.status,
        f", {result.note}" if result.note else "",
        result.peak_kib,
    )
    return result.status
