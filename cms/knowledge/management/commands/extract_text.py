"""`manage.py extract_text`: read documents' text again (those waiting, failed, or all)."""

from django.core.management.base import BaseCommand

from cms.core.progress import progress_line
from cms.knowledge.models import ProjectDocument, TextExtractionStatus
from cms.knowledge.services import document_text_extract
from cms.knowledge.tasks import document_text_extract_task


class Command(BaseCommand):
    """Reads the text of the documents waiting for it (by default), of those whose reading
    failed (`--retry-failed`) or of every document (`--all`), here or on the task queue."""

    help = (
        "Read the text of documents' files: those waiting to be read, or with --retry-failed "
        "those whose reading failed, or with --all every document. Each file is read in a "
        "child process with the extraction limits; --queue leaves the work to the task worker."
    )

    def add_arguments(self, parser):
        which = parser.add_mutually_exclusive_group()
        which.add_argument(
            "--retry-failed",
            action="store_true",
            help="Documents whose text could not be read (and those still waiting).",
        )
        which.add_argument("--all", action="store_true", help="Every document.")
        parser.add_argument(
            "--queue",
            action="store_true",
            help="Enqueue a task per document for `manage.py db_worker` instead of reading here.",
        )

    def handle(self, *args, retry_failed=False, all=False, queue=False, verbosity=1, **options):
        documents = ProjectDocument.objects.order_by("pk")
        if retry_failed:
            documents = documents.filter(
                text_status__in=[TextExtractionStatus.FAILED, TextExtractionStatus.PENDING]
            )
        elif not all:
            documents = documents.filter(text_status=TextExtractionStatus.PENDING)
        work = list(documents.values_list("pk", "file"))
        total = len(work)
        if queue:
            for pk, file_name in work:
                document_text_extract_task.enqueue(pk, file_name)
            self.stdout.write(self.style.SUCCESS(f"{total} documents queued for reading."))
            return
        counts = dict.fromkeys(TextExtractionStatus.values, 0)
        interactive = verbosity > 0 and self.stdout.isatty()
        for done, (pk, file_name) in enumerate(work, start=1):
            status = document_text_extract(document_id=pk, file_name=file_name)
            counts[status] = counts.get(status, 0) + 1
            if interactive:
                self.stdout.write(f"\r{progress_line(done, total)}", ending="")
            elif verbosity > 0 and (done == total or done % max(1, total // 10) == 0):
                self.stdout.write(progress_line(done, total))
        if interactive and total:
            self.stdout.write("")
        # A document deleted or given a new file meanwhile is read by that file's own task.
        superseded = counts.get("superseded", 0)
        self.stdout.write(
            self.style.SUCCESS(
                f"{total} documents: {counts[TextExtractionStatus.DONE]} with text, "
                f"{counts[TextExtractionStatus.FAILED]} whose text could not be read"
                + (f", {superseded} replaced or deleted meanwhile." if superseded else ".")
            )
        )
