"""`manage.py update_index`: Wagtail's full rebuild, plus the queue of index writes that failed.

`update_index` rebuilds every index with a progress line per model (as Wagtail does), then
forgets the queued writes the rebuild covered and rewrites the search records (the facet
values each object is filed under); `update_index --pending` only replays the queue,
which is how a deployment catches up after Elasticsearch was down.

Either exits with status 1 and the reason on stderr when the search service cannot take the
writes: the rebuild stops (an atomic rebuild leaves the old index in use), and writes that
still fail stay queued for the next run.
"""

from contextlib import nullcontext

from django.core.management.base import CommandError
from django.utils import timezone
from modelsearch.management.commands.rebuild_modelsearch_index import Command as RebuildCommand
from wagtail.search.backends import get_search_backend

from cms.core.progress import progress_line
from search.backends import SearchUnavailable
from search.models import PendingIndexUpdate
from search.services import pending_index_updates_replay, search_records_rebuild


class Command(RebuildCommand):
    """Rebuilds the search indexes, or with --pending replays the writes the backend missed."""

    help = "Rebuild the search index (or, with --pending, replay the index writes that failed)."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--pending",
            action="store_true",
            help="Only replay the queued index writes that failed while the backend was down.",
        )

    def handle(self, **options):
        self.verbosity = options["verbosity"]
        backend_name = options.get("backend_name") or "default"
        if options["pending"]:
            self._replay(backend_name)
            return
        started = timezone.now()
        super().handle(**options)
        if not options.get("schema_only"):
            # The rebuild read every object after `started`: older queued writes are done.
            PendingIndexUpdate.objects.filter(queued_at__lt=started).delete()
            self._rebuild_records()
        if PendingIndexUpdate.objects.exists():
            self._replay(backend_name)

    def update_backend(self, backend_name, **options):
        backend = get_search_backend(backend_name)
        # The backend says which of its errors mean "unavailable" (Elasticsearch's does).
        guard = getattr(backend, "unavailable_on_error", None)
        try:
            with guard(skip_while_down=False) if guard else nullcontext():
                super().update_backend(backend_name, **options)
        except SearchUnavailable as error:
            self.print_newline()
            raise CommandError(
                f"The search index of backend '{backend_name}' was not rebuilt: {error}. "
                "Saves keep queueing their index writes; run `manage.py update_index` again "
                "once the search service answers."
            ) from error

    def _rebuild_records(self) -> None:
        def progress(done, total):
            self.write(f"\rsearch records: {progress_line(done, total)}", ending="")

        written = search_records_rebuild(progress=progress)
        self.print_newline()
        self.write(f"Wrote {written} search records.")

    def _replay(self, backend_name: str) -> None:
        def progress(done, total):
            self.write(f"\rpending: {progress_line(done, total)}", ending="")

        report = pending_index_updates_replay(backend_name=backend_name, progress=progress)
        self.print_newline()
        self.write(f"Replayed {report.done} queued index writes; {report.failed} still failing.")
        if report.failed:
            raise CommandError(
                f"{report.failed} queued index writes still fail and stay queued: "
                f"{report.reason}. Run `manage.py update_index --pending` again once the "
                "search service answers."
            )
