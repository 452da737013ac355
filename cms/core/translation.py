"""Cordata's translation policy: what is translated, what is synchronised, and how relations,
document titles and tags follow the visitor's language.

Italian is the source language; English pages are translations made with wagtail-localize.

*Fields.* Each page type takes its `translatable_fields` from the lists below. Text that a reader
reads is translated (titles, slugs, leads, bodies, stream blocks, summaries, SEO fields, intros,
objectives, descriptions, contacts); facts are synchronised from the Italian page on every sync
(dates, status, version numbers, country, kind, sector, roles, acronyms, web addresses, images,
documents, and relations to partners, groups and plans). Synchronised facts are not overridable
by translators; media are, because an English image or PDF may exist.

*What a translator sees.* wagtail-localize offers a field's text only when it is translated and
is free text: fields with choices, dates and numbers never reach the PO file; inside stream
blocks it offers CharBlock, TextBlock and rich-text strings only (DateBlock, ChoiceBlock such as
a heading's level, and PageChooserBlock values are kept from the source; embed and link URLs
are overridable segments, not PO strings). So no PO file ever asks to translate a date, a
number, a URL, a choice value or a country code.

*Relations.* wagtail-localize keeps foreign keys to pages pointing at the Italian page. Reads
resolve them to the page in the reader's locale with `localized_pages`, in bulk, falling back to
the Italian page while no translation is live.

*Documents and tags.* Documents and tags are shared by every locale. A document's title in
another language lives in `ProjectDocument.title_translations` (`{language_code: title}`,
edited in the document form); a tag's name in another language is a `TagTranslation` snippet.
`document_title` and `tag_name` pick the visitor's language and fall back to the Italian text.
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any, TypeAlias, TypeVar, overload

from django.conf import settings
from wagtail.models import Locale, Page
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.core import languages
from cms.core.privacy import Viewer, visible_pages

P = TypeVar("P", bound=Page)


def _facts(*names: str) -> list[SynchronizedField]:
    """Synchronised, and not overridable: an English page states the same facts."""
    return [SynchronizedField(name, overridable=False) for name in names]


def _media(*names: str) -> list[SynchronizedField]:
    """Synchronised, but a translator may pick an English image or document instead."""
    return [SynchronizedField(name) for name in names]


def _text(*names: str) -> list[TranslatableField]:
    return [TranslatableField(name) for name in names]


# --- Fields per page type -----------------------------------------------------------------

# Wagtail's Page and Cordata's BasePage: every page type starts from these.
BASE_PAGE = [
    *_text("title", "slug", "seo_title", "search_description", "listing_summary"),
    *_facts("show_in_menus"),
    *_media("listing_image"),
]

HOME_PAGE = [*BASE_PAGE, *_text("intro")]
PRESS_RELEASE_INDEX_PAGE = [*BASE_PAGE, *_text("intro")]
PRESS_RELEASE_PAGE = [
    *BASE_PAGE,
    *_text("lead", "body", "contact"),
    *_facts("date"),
    # Tag assignments are copied as they are; tag names follow the language through
    # TagTranslation, so the same tag filters the Italian and the English listing.
    *_facts("tagged_items", "related_groups", "related_partners"),
    *_media("attachments"),
]

PARTNER_INDEX_PAGE = [*BASE_PAGE, *_text("intro")]
PARTNER_PAGE = [
    *BASE_PAGE,
    *_text("region", "city", "description"),
    # The short name is an acronym ("RDA Ústí"), the same in every language.
    *_facts("short_name", "kind", "project_role", "country"),
    # A partner may have an English website or logo.
    *_media("website", "logo"),
]
THEMATIC_GROUP_INDEX_PAGE = [*BASE_PAGE, *_text("intro"), *_facts("coordinator")]
THEMATIC_GROUP_PAGE = [
    *BASE_PAGE,
    *_text("objectives", "activities"),
    *_facts("sector", "memberships"),
]

# A group's private workspace: the members group and the collection give access, in every
# language the same.
WORKSPACE_PAGE = [*BASE_PAGE, *_text("intro"), *_facts("members_group", "collection")]

KNOWLEDGE_INDEX_PAGE = [*BASE_PAGE, *_text("intro")]
STRATEGIC_PLAN_PAGE = [
    *BASE_PAGE,
    *_text("summary", "sections"),
    # The version is a number ("0.1"): translating it would let the two languages disagree.
    *_facts("group", "status", "version", "adopted_on"),
    *_media("attachment"),
]

# Inline child rows hold no reader-facing text: wagtail-localize copies them whole from the
# Italian page on every sync (they are not TranslatableMixin models). Their page relations
# are resolved per locale when read.
CHILD_MODELS: dict[str, list[SynchronizedField]] = {
    "home.PressReleaseTag": _facts("tag"),
    "home.PressReleaseGroup": _facts("group"),
    "home.PressReleasePartner": _facts("partner"),
    "home.PressReleaseDocument": _facts("document"),
    "groups.ThematicGroupMembership": _facts("partner", "role"),
}

# StreamField blocks whose values wagtail-localize keeps from the source instead of offering them
# for translation (see the module docstring); checked by the translation tests.
UNTRANSLATED_BLOCK_KINDS = ("DateBlock", "ChoiceBlock", "PageChooserBlock", "URLBlock")


# --- Languages ----------------------------------------------------------------------------


def source_language() -> str:
    return languages.source_language()


def translation_language_choices() -> list[tuple[str, str]]:
    """The content languages other than the source language, for forms and model choices."""
    others = languages.translation_languages()
    return [(code, name) for code, name in settings.WAGTAIL_CONTENT_LANGUAGES if code in others]


LocaleRef: TypeAlias = Locale | str | int  # a Locale, a language code or a locale id


def _locale_id(locale: LocaleRef) -> int:
    if isinstance(locale, Locale):
        return locale.pk
    if isinstance(locale, int):
        return locale
    return Locale.objects.get(language_code=locale).pk


# --- Relations ----------------------------------------------------------------------------


@overload
def localized_pages(pages: Sequence[P], locale: LocaleRef, *, user: Viewer = None) -> list[P]: ...


@overload
def localized_pages(
    pages: Sequence[P | None], locale: LocaleRef, *, user: Viewer = None
) -> list[P | None]: ...


def localized_pages(
    pages: Sequence[P | None], locale: LocaleRef, *, user: Viewer = None
) -> list[Any]:
    """`pages` with each one replaced by its translation in `locale`, in the same order.

    A translation counts when it is live, not an alias and visible to `user` (the privacy rule);
    otherwise the page itself stays (the Italian page while no English one is published). `None`
    entries stay `None`. Costs one query per page type among the pages not yet in `locale`
    (plus the privacy rule's own), whatever the number of pages.
    """
    wanted: dict[type[Page], set] = defaultdict(set)
    target_id = None
    for page in pages:
        if page is None:
            continue
        target_id = target_id or _locale_id(locale)
        if page.locale_id != target_id:
            wanted[type(page)].add(page.translation_key)
    found: dict[tuple[type[Page], object], Page] = {}
    for model, keys in wanted.items():
        translations = model.objects.filter(
            translation_key__in=keys, locale_id=target_id, alias_of__isnull=True
        )
        for translation in visible_pages(translations, user=user):
            found[(model, translation.translation_key)] = translation
    return [
        None if page is None else found.get((type(page), page.translation_key), page)
        for page in pages
    ]


def localized_page(page: P | None, locale: LocaleRef, *, user: Viewer = None) -> P | None:
    """One page in `locale` (see `localized_pages`)."""
    return localized_pages([page], locale, user=user)[0]


def localize_relations(
    rows: Iterable, field: str, locale: LocaleRef, *, user: Viewer = None
) -> list:
    """Point each row's page relation `field` at that page in `locale`, in bulk, in memory.

    For read paths that hand rows to templates (a listing's relation rows, a plan's group):
    load `field` with the rows (`select_related`) so reading it costs nothing, then call this
    once for the whole list. The rows are changed in memory only and must not be saved.
    Returns the rows.
    """
    rows = list(rows)
    targets = [getattr(row, field) for row in rows]
    for row, target, page in zip(
        rows, targets, localized_pages(targets, locale, user=user), strict=True
    ):
        if page is not None and page is not target:
            setattr(row, field, page)
    return rows


def page_translations(pages: Iterable[Page], *, user=None) -> dict[object, dict[str, Page]]:
    """The live versions of each page in every language, by translation key then language code.

    A version counts when it is live, not an alias (an alias shows another language's content)
    and visible to `user`. One query for all the pages. Used for the language switcher, the
    `hreflang` links and the sitemap.
    """
    keys = {page.translation_key for page in pages}
    if not keys:
        return {}
    versions = Page.objects.filter(translation_key__in=keys, alias_of__isnull=True)
    result: dict[object, dict[str, Page]] = defaultdict(dict)
    for version in visible_pages(versions, user=user).select_related("locale"):
        result[version.translation_key][version.locale.language_code] = version
    return dict(result)


def alternate_languages(versions: dict[str, Page]) -> list[tuple[str, Page]]:
    """`hreflang` pairs for one page's versions: each language, then `x-default` (the source).

    Empty when the page exists in one language only, since an alternate needs a second version.
    """
    if len(versions) < 2:
        return []
    pairs = [(code, versions[code]) for code, _name in settings.LANGUAGES if code in versions]
    if source_language() in versions:
        pairs.append(("x-default", versions[source_language()]))
    return pairs


# --- Documents and tags -------------------------------------------------------------------


def document_title(document, language_code: str) -> str:
    """The document's title in `language_code` when one was entered, else its own title."""
    translations = getattr(document, "title_translations", None) or {}
    return translations.get(language_code) or document.title


def tag_name(tag, language_code: str) -> str:
    """The tag's name in `language_code` when a TagTranslation exists, else its own name.

    Reads `tag.translations` (prefetch `tags__translations` in listings, so this costs no
    query per tag).
    """
    if language_code == source_language():
        return tag.name
    for translation in tag.translations.all():
        if translation.language_code == language_code:
            return translation.name
    return tag.name


def tag_names(tags: Iterable, language_code: str) -> dict[int, str]:
    """Names in `language_code` for many tags at once (one query), keyed by tag id."""
    from cms.core.models import TagTranslation

    tags = list(tags)
    names = {tag.pk: tag.name for tag in tags}
    if language_code != source_language() and names:
        rows = TagTranslation.objects.filter(tag__in=names, language_code=language_code)
        names.update(rows.values_list("tag_id", "name"))
    return names
