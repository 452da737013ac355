"""`manage.py translation_status`: which pages lack a translation or lag behind the source."""

from django.core.management.base import BaseCommand, CommandError

from cms.core.selectors import STATE_LABELS, TranslationState, translation_status
from cms.core.translation import translation_language_choices


class Command(BaseCommand):
    """Print the translation status the admin report shows; optionally fail when any is missing."""

    help = (
        "Pages without a translation, out of date and up to date, with counts per page type. "
        "With --fail-if-missing, exit with status 1 when any live page has no translation."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--language",
            help="target language code (default: the first translation language, e.g. en)",
        )
        parser.add_argument(
            "--fail-if-missing",
            action="store_true",
            help="exit with status 1 when a live page has no live translation",
        )

    def handle(self, *args, language: str | None, fail_if_missing: bool, **options):
        languages = [code for code, _name in translation_language_choices()]
        language = language or languages[0]
        if language not in languages:
            raise CommandError(f"--language must be one of {', '.join(languages)}.")
        report = translation_status(language_code=language)
        states = list(TranslationState)
        counts = report.counts
        self.stdout.write(f"Translation status ({language}), {len(report.rows)} live pages:")
        for state in states:
            self.stdout.write(f"  {state.value:<12} {counts[state]:>5}")

        by_type = report.counts_by_page_type
        if by_type:
            width = max(len(name) for name in by_type) + 2
            header = "".join(f"{state.value:>13}" for state in states)
            self.stdout.write("")
            self.stdout.write(f"{'page type':<{width}}{header}")
            for page_type, type_counts in by_type.items():
                cells = "".join(f"{type_counts[state]:>13}" for state in states)
                self.stdout.write(f"{page_type:<{width}}{cells}")

        for state in (TranslationState.MISSING, TranslationState.OUT_OF_DATE):
            rows = report.with_state(state)
            if rows:
                self.stdout.write("")
                self.stdout.write(f"{STATE_LABELS[state]}:")
                for row in rows:
                    self.stdout.write(
                        f"  {row.source.get_url()}  {row.source.title} ({row.page_type})"
                    )

        missing = counts[TranslationState.MISSING]
        if fail_if_missing and missing:
            raise CommandError(
                f"{missing} live page(s) have no translation in {language!r}.", returncode=1
            )
