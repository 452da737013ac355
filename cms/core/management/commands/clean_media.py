"""`manage.py clean_media`: list (and with --delete remove) files under MEDIA_ROOT nothing needs."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.template.defaultfilters import filesizeformat

from cms.core.media import media_orphans, media_orphans_delete


class Command(BaseCommand):
    """Files no row references (a stored upload whose row never committed) and leftovers of
    the temporary area (an upload cut short), older than the grace period. A dry run unless
    `--delete` is given."""

    help = (
        "List files under MEDIA_ROOT that no database row references, and leftovers in its "
        "temporary area, older than the grace period; --delete removes them."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--delete", action="store_true", help="Remove the files listed (default: only list)."
        )
        parser.add_argument(
            "--grace-hours",
            type=float,
            default=None,
            help="Only files older than this many hours "
            "(default: MEDIA_ORPHAN_GRACE_SECONDS, one day).",
        )

    def handle(self, *args, delete=False, grace_hours=None, **options):
        if grace_hours is not None and grace_hours < 0:
            raise CommandError("--grace-hours cannot be negative.")
        grace = (
            settings.CORDATA_MEDIA_ORPHAN_GRACE_SECONDS
            if grace_hours is None
            else grace_hours * 3600
        )
        orphans = media_orphans(grace_seconds=grace)
        for orphan in orphans:
            kind = "temporary" if orphan.temporary else "unreferenced"
            hours = orphan.age_seconds / 3600
            self.stdout.write(
                f"{kind:<12} {filesizeformat(orphan.size):>10}  {hours:8.1f} h  {orphan.name}"
            )
        size = filesizeformat(sum(orphan.size for orphan in orphans))
        if not delete:
            self.stdout.write(
                f"{len(orphans)} files ({size}) could be removed; run with --delete to remove them."
            )
            return
        removed = media_orphans_delete(orphans)
        self.stdout.write(self.style.SUCCESS(f"{removed} files ({size}) removed."))
