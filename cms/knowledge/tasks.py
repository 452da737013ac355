"""Background work on documents, on the task queue (`django_tasks`; see cms/settings/tasks.py)."""

from django_tasks import task


@task()
def document_text_extract_task(document_id: int, file_name: str) -> str:
    """Reads the text of document `document_id` if its file is still `file_name`.

    Idempotent: run twice (a worker restarted), it stores the same text twice; run after the
    file was replaced, it does nothing (the new file has a task of its own).
    """
    from .services import document_text_extract

    return document_text_extract(document_id=document_id, file_name=file_name)
