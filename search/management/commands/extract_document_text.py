"""`manage.py extract_document_text`: read the text inside every document's file again."""

from django.core.management.base import BaseCommand

from cms.knowledge.extraction import document_text_refresh
from cms.knowledge.models import ProjectDocument, TextExtractionStatus


def progress_line(done: int, total: int, *, width: int = 30) -> str:
    """`[#######.......]  120/500` for `done` of `total`."""
    filled = width * done // total if total else width
    return f"[{'#' * filled}{'.' * (width - filled)}] {done:>{len(str(total))}}/{total}"


class Command(BaseCommand):
    """Re-extracts the text of all documents (or only those never extracted) and re-indexes them."""

    help = "Extract the text inside every document's file again (PDF, DOCX, ODT, TXT)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--pending",
            action="store_true",
            help="Only documents whose text was never extracted.",
        )

    def handle(self, *args, pending=False, verbosity=1, **options):
        documents = ProjectDocument.objects.order_by("pk")
        if pending:
            documents = documents.filter(text_status=TextExtractionStatus.PENDING)
        total = documents.count()
        counts = dict.fromkeys(TextExtractionStatus.values, 0)
        interactive = verbosity > 0 and self.stdout.isatty()
        for done, document in enumerate(documents.iterator(chunk_size=100), start=1):
            document_text_refresh(document, force=True)
            # Saving the two fields also refreshes the document's search index entry.
            document.save(update_fields=["extracted_text", "text_status"])
            counts[document.text_status] += 1
            if interactive:
                self.stdout.write(f"\r{progress_line(done, total)}", ending="")
            elif verbosity > 0 and (done == total or done % max(1, total // 10) == 0):
                self.stdout.write(progress_line(done, total))
        if interactive and total:
            self.stdout.write("")
        self.stdout.write(
            self.style.SUCCESS(
                f"{total} documents: {counts[TextExtractionStatus.EXTRACTED]} with text, "
                f"{counts[TextExtractionStatus.NO_TEXT]} without extractable text."
            )
        )
