"""Reads shared by every content area: where each page stands in translation."""

from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum

from django.utils.translation import gettext_lazy as _
from wagtail.models import Page
from wagtail_localize.models import TranslationSource

from cms.core import languages


class TranslationState(StrEnum):
    """Where a source-language page stands in one target language."""

    MISSING = "missing"
    OUT_OF_DATE = "out_of_date"
    UP_TO_DATE = "up_to_date"

    @property
    def label(self) -> str:
        return str(STATE_LABELS[self])


STATE_LABELS = {
    TranslationState.MISSING: _("Missing"),
    TranslationState.OUT_OF_DATE: _("Out of date"),
    TranslationState.UP_TO_DATE: _("Up to date"),
}


@dataclass(frozen=True)
class PageTranslationStatus:
    """One source page, its translation (or None) and the state between them."""

    source: Page
    translation: Page | None
    state: TranslationState
    source_id: int | None = None  # the TranslationSource, for the sync action

    @property
    def page_type(self) -> str:
        return str(self.source.specific_class._meta.verbose_name)


@dataclass
class TranslationStatusReport:
    """Every live source page with its state, and the counts a report or a script needs."""

    language_code: str
    rows: list[PageTranslationStatus] = field(default_factory=list)

    @property
    def counts(self) -> Counter:
        return Counter(row.state for row in self.rows)

    @property
    def counts_by_page_type(self) -> dict[str, Counter]:
        result: dict[str, Counter] = {}
        for row in self.rows:
            result.setdefault(row.page_type, Counter())[row.state] += 1
        return dict(sorted(result.items()))

    def with_state(self, state: TranslationState) -> list[PageTranslationStatus]:
        return [row for row in self.rows if row.state == state]


def translation_status(*, language_code: str | None = None) -> TranslationStatusReport:
    """Where every live page of the source language stands in `language_code` (by default the
    first translation language of `CORDATA_LANGUAGES`).

    - *missing*: no live, non-alias page in that language (a draft that was never published, or
      an alias showing the Italian content, counts as missing: visitors do not get a translation);
    - *out of date*: the translation is live, but the source changed after it: either the
      source page was published after its translation source was last synced
      (`page.last_published_at > source.last_updated_at`), or it was synced after the
      translation was last published (`source.last_updated_at > translation.last_published_at`).
      A translation made without wagtail-localize is out of date when the source page was
      published after it. Timestamps, not contents, are compared, so re-publishing an
      unchanged page also counts as a change until the next sync and publish;
    - *up to date*: otherwise.

    Three queries, whatever the number of pages.
    """
    source_language = languages.source_language()
    language_code = language_code or languages.translation_languages()[0]
    sources = list(
        Page.objects.live()
        .filter(locale__language_code=source_language, depth__gt=1)
        .select_related("content_type")
        .order_by("path")
    )
    keys = [page.translation_key for page in sources]
    translations = {
        page.translation_key: page
        for page in Page.objects.live().filter(
            translation_key__in=keys,
            locale__language_code=language_code,
            alias_of__isnull=True,
        )
    }
    synced = {
        row["object_id"]: row
        for row in TranslationSource.objects.filter(
            object_id__in=keys, locale__language_code=source_language
        ).values("pk", "object_id", "last_updated_at")
    }

    report = TranslationStatusReport(language_code=language_code)
    for page in sources:
        translation = translations.get(page.translation_key)
        source = synced.get(page.translation_key)
        if translation is None:
            state = TranslationState.MISSING
        elif _is_out_of_date(page, translation, source):
            state = TranslationState.OUT_OF_DATE
        else:
            state = TranslationState.UP_TO_DATE
        report.rows.append(
            PageTranslationStatus(
                source=page,
                translation=translation,
                state=state,
                source_id=source["pk"] if source else None,
            )
        )
    return report


def _is_out_of_date(page: Page, translation: Page, source: dict | None) -> bool:
    published = page.last_published_at
    translated = translation.last_published_at
    if published is None or translated is None:
        return False
    if source is None:
        return published > translated
    synced = source["last_updated_at"]
    return published > synced or synced > translated
