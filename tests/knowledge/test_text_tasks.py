"""Text extraction leaves the request: a saved document waits (pending) for the task queue, which
reads it (done) or says why it could not (failed, with the reason editors and members see)."""

import io

import pytest
from django.core.management import call_command
from django.utils import translation
from django_tasks_db.models import DBTaskResult

from cms.knowledge.models import ProjectDocument, TextExtractionNote, TextExtractionStatus
from tests import hostile_files
from tests.factories import (
    ProjectDocumentFactory,
    docx_bytes,
    encrypted_pdf_bytes,
    pdf_bytes,
    upload,
)

pytestmark = pytest.mark.django_db

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.fixture
def queued(settings):
    """Tasks go to the database queue, as in production, instead of running at once."""
    settings.TASKS = DATABASE_TASKS


def _extraction_tasks():
    return DBTaskResult.objects.filter(
        task_path="cms.knowledge.tasks.document_text_extract_task"
    ).order_by("enqueued_at")


def _run_worker():
    """What `manage.py db_worker --batch` does, inside this test's transaction: the command
    closes its connection between tasks, which would end the transaction (tests/processes
    runs the real command against a database of its own)."""
    from django_tasks_db.management.commands.db_worker import Worker

    worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="tests",
        excluded_queue_names=[],
    )
    while (task := DBTaskResult.objects.ready().order_by("enqueued_at").first()) is not None:
        task.claim(worker.worker_id)
        worker.run_task(task)


class TestWithAWorker:
    def test_an_upload_waits_then_the_worker_reads_it(self, queued, client_for, groups):
        from django.core.files.uploadedfile import SimpleUploadedFile

        response = client_for("member").post(
            f"{groups.agri_workspace.url}upload/",
            {
                "language": "it",
                "kind": "minutes",
                "file": SimpleUploadedFile("verbale.docx", docx_bytes("Forum di Usti")),
            },
        )
        assert response.status_code == 303
        document = ProjectDocument.objects.get()
        assert (document.text_status, document.extracted_text) == (
            TextExtractionStatus.PENDING,
            "",
        )
        task = _extraction_tasks().get()
        assert task.args_kwargs["args"] == [document.pk, document.file.name]
        # The member sees that the text is on its way.
        listing = client_for("member").get(groups.agri_workspace.url).content.decode()
        with translation.override("it"):
            assert translation.gettext("Its text is being read for search.") in listing

        _run_worker()
        document.refresh_from_db()
        assert document.text_status == TextExtractionStatus.DONE
        assert "Usti" in document.extracted_text
        task.refresh_from_db()
        assert task.status == "SUCCESSFUL"

    def test_a_replaced_file_supersedes_the_waiting_task(self, queued):
        document = ProjectDocumentFactory(file=upload("prima.txt", b"Prima versione"))
        document.file = upload("seconda.txt", b"Seconda versione")
        document.save()
        assert _extraction_tasks().count() == 2
        _run_worker()
        document.refresh_from_db()
        assert document.extracted_text == "Seconda versione"
        assert [task.return_value for task in _extraction_tasks()] == ["superseded", "done"]

    def test_running_a_task_twice_stores_the_same_text(self, queued):
        document = ProjectDocumentFactory(file=upload("nota.txt", b"Nota del gruppo"))
        from cms.knowledge.tasks import document_text_extract_task

        document_text_extract_task.enqueue(document.pk, document.file.name)
        _run_worker()
        document.refresh_from_db()
        assert (document.text_status, document.extracted_text) == (
            TextExtractionStatus.DONE,
            "Nota del gruppo",
        )
        assert {task.status for task in _extraction_tasks()} == {"SUCCESSFUL"}

    def test_an_edit_of_an_instance_loaded_before_the_reading_keeps_the_text(self, queued):
        ProjectDocumentFactory(title="Verbale", file=upload("verbale.txt", b"Forum di Linz"))
        loaded = ProjectDocument.objects.get(title="Verbale")
        assert loaded.text_status == TextExtractionStatus.PENDING
        _run_worker()  # the worker stores the text meanwhile
        loaded.title = "Verbale del forum di Linz"
        loaded.save()
        loaded.refresh_from_db()
        assert loaded.title == "Verbale del forum di Linz"
        assert (loaded.text_status, loaded.extracted_text) == (
            TextExtractionStatus.DONE,
            "Forum di Linz",
        )

    def test_saving_other_fields_queues_nothing(self, queued):
        document = ProjectDocumentFactory(file=upload("nota.txt", b"Nota"))
        document.title = "Nota rinominata"
        document.save()
        assert _extraction_tasks().count() == 1


class TestFailuresSayWhy:
    def test_the_workspace_list_shows_the_reason(self, client_for, groups):
        ProjectDocumentFactory(
            title="Bilancio cifrato",
            file=upload("bilancio.pdf", encrypted_pdf_bytes("Bilancio", user_password="x")),
            collection=groups.agri_workspace.collection,
            thematic_group=groups.agri,
        )
        listing = client_for("member").get(groups.agri_workspace.url).content.decode()
        with translation.override("it"):
            assert translation.gettext("Its text cannot be searched:") in listing
            assert str(TextExtractionNote.ENCRYPTED.label) in listing

    def test_retry_failed_reads_them_again(self, settings):
        fine = ProjectDocumentFactory(file=upload("piano.pdf", pdf_bytes("Piano agroalimentare")))
        settings.CORDATA_EXTRACTION_TIMEOUT_SECONDS = 1
        settings.CORDATA_DOCUMENT_ZIP_MAX_RATIO = 10**6
        settings.CORDATA_DOCUMENT_TEXT_MAX_CHARS = 10**9
        slow = ProjectDocumentFactory(
            file=upload(
                "lento.docx",
                hostile_files.docx_package(hostile_files.document_xml("x" for _ in range(200_000))),
            )
        )
        slow.refresh_from_db()
        assert (slow.text_status, slow.text_note) == (
            TextExtractionStatus.FAILED,
            TextExtractionNote.TIMEOUT,
        )
        settings.CORDATA_EXTRACTION_TIMEOUT_SECONDS = 120
        output = io.StringIO()
        call_command("extract_text", retry_failed=True, stdout=output)
        slow.refresh_from_db()
        fine.refresh_from_db()
        assert slow.text_status == TextExtractionStatus.DONE
        assert "1 documents: 1 with text, 0 whose text could not be read." in output.getvalue()
        assert fine.text_status == TextExtractionStatus.DONE

    def test_queue_leaves_the_work_to_the_worker(self, queued):
        document = ProjectDocumentFactory(file=upload("nota.txt", b"Nota"))
        _run_worker()
        ProjectDocument.objects.filter(pk=document.pk).update(
            text_status=TextExtractionStatus.FAILED, text_note=TextExtractionNote.CORRUPT
        )
        output = io.StringIO()
        call_command("extract_text", retry_failed=True, queue=True, stdout=output)
        assert "1 documents queued for reading." in output.getvalue()
        document.refresh_from_db()
        assert document.text_status == TextExtractionStatus.FAILED
        _run_worker()
        document.refresh_from_db()
        assert document.text_status == TextExtractionStatus.DONE


def test_a_document_is_searchable_once_read(queued, client_for, documents):
    ProjectDocumentFactory(
        title="Allegato tecnico",
        file=upload("allegato.txt", "Il distretto della lavanda di Kecskemét".encode()),
    )
    assert (
        "Allegato tecnico"
        not in client_for("anonymous").get("/it/search/", {"q": "lavanda"}).content.decode()
    )
    _run_worker()
    assert (
        "Allegato tecnico"
        in client_for("anonymous").get("/it/search/", {"q": "lavanda"}).content.decode()
    )
