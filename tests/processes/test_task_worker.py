"""A real task worker (`manage.py db_worker`) reads the text of documents saved by another
process, over a real database: the production path of text extraction."""

import signal
import subprocess
import sys
import time

import pytest

from .conftest import ROOT

CREATE_DOCUMENTS = """
import json
from django.core.files.base import ContentFile
from wagtail.models import Collection
from cms.knowledge.models import ProjectDocument
from django_tasks_db.models import DBTaskResult
from tests.factories import docx_bytes, encrypted_pdf_bytes

root = Collection.get_first_root_node()
made = []
for title, name, data in [
    ("Verbale del forum di Piestany", "verbale.docx", docx_bytes("Forum di Piestany sul turismo")),
    ("Bilancio cifrato", "bilancio.pdf", encrypted_pdf_bytes("Bilancio", user_password="x")),
]:
    document = ProjectDocument(title=title, collection=root, file=ContentFile(data, name=name))
    document._set_document_file_metadata()
    document.save()
    made.append(document.pk)
print(json.dumps({
    "ids": made,
    "statuses": list(ProjectDocument.objects.filter(pk__in=made).values_list("text_status", flat=True)),
    "queued": DBTaskResult.objects.filter(
        status="READY", task_path="cms.knowledge.tasks.document_text_extract_task",
        args_kwargs__args__0__in=made,
    ).count(),
}))
"""

READ_DOCUMENTS = """
import json
from cms.knowledge.models import ProjectDocument
print(json.dumps({
    str(d.pk): [d.text_status, d.text_note, d.extracted_text]
    for d in ProjectDocument.objects.filter(title__in=[
        "Verbale del forum di Piestany", "Bilancio cifrato"])
}))
"""


@pytest.fixture
def worker(process_site):
    """`manage.py db_worker` running beside the test, stopped (TERM) afterwards."""
    process = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--interval", "0.2", "--no-startup-delay"],
        cwd=ROOT,
        env=process_site.env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    yield process
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def test_the_worker_reads_what_another_process_saved(process_site, worker):
    created = process_site.python(CREATE_DOCUMENTS)
    verbale, bilancio = (str(pk) for pk in created["ids"])
    deadline = time.monotonic() + 120
    while True:
        documents = process_site.python(READ_DOCUMENTS)
        if all(documents[pk][0] != "pending" for pk in (verbale, bilancio)):
            break
        assert worker.poll() is None, worker.stdout.read()
        assert time.monotonic() < deadline, documents
        time.sleep(0.5)
    assert documents[verbale][0] == "done"
    assert "Piestany" in documents[verbale][2]
    assert documents[bilancio][:2] == ["failed", "encrypted"]


def test_without_a_worker_documents_wait(process_site):
    created = process_site.python(CREATE_DOCUMENTS.replace("Piestany", "Ústí"))
    # Saved, the documents wait, each with its task committed beside its row.
    assert created["statuses"] == ["pending", "pending"]
    assert created["queued"] == 2
    # The queue outlives the process that filled it: a worker started later reads them.
    drained = process_site.manage(
        "db_worker", "--batch", "--no-startup-delay", "--interval", "0", timeout=180
    )
    assert drained.returncode == 0, drained.stdout + drained.stderr
    documents = process_site.python(READ_DOCUMENTS.replace("Piestany", "Ústí"))
    assert {status for status, _note, _text in documents.values()} == {"done", "failed"}
