"""Reads for the home page and press releases."""

from django.db.models import Prefetch, QuerySet
from taggit.models import Tag
from wagtail.models import Locale

from cms.core.privacy import visible_pages
from cms.groups.selectors import partners_by_country, thematic_group_list

from .models import HomePage, PressReleaseGroup, PressReleasePage, PressReleaseTag


def press_release_list(
    *, locale: Locale, user=None, tag: str = "", year: int | None = None, index=None
) -> QuerySet[PressReleasePage]:
    """Live press releases in `locale` that `user` may see, newest first, optionally narrowed."""
    releases = PressReleasePage.objects.filter(locale=locale)
    if index is not None:
        releases = releases.child_of(index)
    if tag:
        releases = releases.filter(tags__slug=tag)
    if year:
        releases = releases.filter(date__year=year)
    groups = PressReleaseGroup.objects.select_related("group").order_by("sort_order")
    return (
        visible_pages(releases, user=user)
        .select_related("listing_image")
        # Renditions too: a card's image then costs no query of its own, even on a cold cache.
        .prefetch_related(
            "tags", Prefetch("related_groups", queryset=groups), "listing_image__renditions"
        )
        .order_by("-date", "-pk")
        .distinct()
    )


def press_release_years(*, locale: Locale, user=None) -> list[int]:
    """Years that have at least one press release, newest first (for the year filter)."""
    dates = press_release_list(locale=locale, user=user).dates("date", "year", order="DESC")
    return [d.year for d in dates]


def press_release_tags(*, locale: Locale, user=None) -> QuerySet[Tag]:
    """Tags used by visible press releases in `locale`, by name."""
    release_ids = press_release_list(locale=locale, user=user).values("pk")
    return (
        Tag.objects.filter(
            pk__in=PressReleaseTag.objects.filter(content_object__in=release_ids).values("tag")
        )
        .order_by("name")
        .distinct()
    )


def home_context(*, home: HomePage, user=None) -> dict:
    """What the home page shows: the latest releases, the groups, the partners by country."""
    return {
        "latest_releases": press_release_list(locale=home.locale, user=user)[:3],
        "groups": thematic_group_list(locale=home.locale, user=user),
        "partners_by_country": partners_by_country(locale=home.locale, user=user),
    }
