"""Reads for the home page and press releases."""

from collections.abc import Iterable
from typing import Any

from django.db.models import Prefetch, QuerySet
from taggit.models import Tag
from wagtail.models import Locale, Page

from cms.core.privacy import Viewer, visible_pages
from cms.core.translation import localize_relations, tag_name
from cms.groups.selectors.partners import partners_by_country, thematic_group_list

from .models import HomePage, PressReleaseGroup, PressReleasePage, PressReleaseTag


def press_release_list(
    *,
    locale: Locale,
    user: Viewer = None,
    tag: str = "",
    year: int | None = None,
    index: Page | None = None,
) -> QuerySet[PressReleasePage]:
    """Live press releases in `locale` that `user` may see, newest first, optionally narrowed."""
    releases = PressReleasePage.objects.filter(locale=locale)
    if index is not None:
        releases = releases.child_of(index)
    if tag:
        # A subquery rather than a join: a join repeats a release per matching tag row, and the
        # DISTINCT that undoes it made SQLite sort the whole archive, every column, on each list.
        tagged = PressReleaseTag.objects.filter(tag__slug=tag).values("content_object_id")
        releases = releases.filter(pk__in=tagged)
    if year:
        releases = releases.filter(date__year=year)
    groups = PressReleaseGroup.objects.select_related("group").order_by("sort_order")
    return (
        visible_pages(releases, user=user)
        .select_related("listing_image")
        # Renditions too: a card's image then costs no query of its own, even on a cold cache.
        .prefetch_related(
            "tags__translations",
            Prefetch("related_groups", queryset=groups),
            "listing_image__renditions",
        )
        .order_by("-date", "-pk")
    )


def with_localized_groups(
    releases: Iterable[PressReleasePage], *, locale: Locale, user: Viewer = None
) -> list[PressReleasePage]:
    """`releases` (from `press_release_list`) with their related groups in `locale`.

    A translated release keeps relation rows pointing at the source-language groups; this
    resolves them for the whole list at once, in memory.
    """
    releases = list(releases)
    rows = [row for release in releases for row in release.related_groups.all()]
    localize_relations(rows, "group", locale, user=user)
    return releases


def press_release_years(*, locale: Locale, user: Viewer = None) -> list[int]:
    """Years that have at least one press release, newest first (for the year filter)."""
    dates = press_release_list(locale=locale, user=user).dates("date", "year", order="DESC")
    return [d.year for d in dates]


def press_release_tags(*, locale: Locale, user: Viewer = None) -> list[Tag]:
    """Tags used by visible press releases in `locale`, by name, each `name` in `locale`.

    Tags are shared by every language (a translated release keeps its source's tags); the
    names are replaced in memory by their translation, so the filter menu reads in the
    visitor's language while the slugs filter both languages alike.
    """
    release_ids = press_release_list(locale=locale, user=user).values("pk")
    tags = list(
        Tag.objects.filter(
            pk__in=PressReleaseTag.objects.filter(content_object__in=release_ids).values("tag")
        )
        .prefetch_related("translations")
        .distinct()
    )
    for tag in tags:
        tag.name = tag_name(tag, locale.language_code)
    return sorted(tags, key=lambda tag: tag.name.casefold())


def home_context(*, home: HomePage, user: Viewer = None) -> dict[str, Any]:
    """What the home page shows: the latest releases, the groups, the partners by country."""
    return {
        "latest_releases": with_localized_groups(
            press_release_list(locale=home.locale, user=user)[:3], locale=home.locale, user=user
        ),
        "groups": thematic_group_list(locale=home.locale, user=user),
        "partners_by_country": partners_by_country(locale=home.locale, user=user),
    }
