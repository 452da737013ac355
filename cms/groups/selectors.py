"""Reads for partners and thematic groups."""

from collections.abc import Iterable

from django.db.models import Prefetch, QuerySet
from wagtail.models import Locale

from cms.core.privacy import visible_pages

from .models import PartnerPage, ThematicGroupMembership, ThematicGroupPage


def partner_list(
    *, locale: Locale, user=None, country: str = "", kind: str = ""
) -> QuerySet[PartnerPage]:
    """Live partners in `locale` that `user` may see, optionally narrowed by country and kind."""
    partners = PartnerPage.objects.filter(locale=locale)
    if country:
        partners = partners.filter(country=country)
    if kind:
        partners = partners.filter(kind=kind)
    return (
        visible_pages(partners, user=user)
        .select_related("logo")
        .prefetch_related("logo__renditions")
        .order_by("country", "title")
    )


def partner_countries(*, locale: Locale, user=None) -> list[str]:
    """The distinct country codes of the partners in `locale`, for the country filter."""
    return sorted(set(partner_list(locale=locale, user=user).values_list("country", flat=True)))


def partners_by_country(*, locale: Locale, user=None) -> list[tuple[object, list[PartnerPage]]]:
    """Partners grouped by country (a `Country` object and its partners), countries by name."""
    grouped: dict[str, list[PartnerPage]] = {}
    for partner in partner_list(locale=locale, user=user):
        grouped.setdefault(partner.country.code, []).append(partner)
    countries = sorted(
        (partners[0].country for partners in grouped.values()), key=lambda country: country.name
    )
    return [(country, grouped[country.code]) for country in countries]


def _with_memberships(groups: QuerySet[ThematicGroupPage]) -> QuerySet[ThematicGroupPage]:
    memberships = ThematicGroupMembership.objects.select_related("partner").order_by("sort_order")
    return groups.prefetch_related(Prefetch("memberships", queryset=memberships))


def thematic_group_list(*, locale: Locale, user=None) -> QuerySet[ThematicGroupPage]:
    """Live thematic groups in `locale`, in tree order, with their partners prefetched."""
    groups = (
        ThematicGroupPage.objects.filter(locale=locale)
        .select_related("listing_image")
        .prefetch_related("listing_image__renditions")
    )
    return _with_memberships(visible_pages(groups, user=user)).order_by("path")


def thematic_groups_of_partner(*, partner: PartnerPage, user=None) -> QuerySet[ThematicGroupPage]:
    """The groups a partner belongs to, derived from the groups' memberships."""
    groups = ThematicGroupPage.objects.filter(memberships__partner=partner).distinct()
    return visible_pages(groups, user=user).order_by("path")


def memberships_of_partners(
    *, partners: Iterable[PartnerPage]
) -> dict[int, list[ThematicGroupMembership]]:
    """Memberships for many partners in one query (for listings), keyed by partner id."""
    result: dict[int, list[ThematicGroupMembership]] = {}
    rows = ThematicGroupMembership.objects.filter(
        partner__in=[p.pk for p in partners], page__live=True
    ).select_related("page")
    for membership in rows.order_by("page__path"):
        result.setdefault(membership.partner_id, []).append(membership)
    return result
