"""Reads for partners and thematic groups: listings, and which groups a partner belongs to."""

from collections.abc import Iterable

from django.db.models import F, Prefetch, QuerySet
from django_countries import countries
from wagtail.models import Locale

from cms.core.privacy import Viewer, visible_pages
from cms.core.translation import localize_relations, localized_pages

from ..models import PartnerPage, ThematicGroupMembership, ThematicGroupPage


def partner_list(
    *, locale: Locale, user: Viewer = None, country: str = "", kind: str = ""
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


def partner_countries(*, locale: Locale, user: Viewer = None) -> list[str]:
    """The distinct country codes of the partners in `locale`, for the country filter."""
    return sorted(set(partner_list(locale=locale, user=user).values_list("country", flat=True)))


def partners_by_country(
    *, locale: Locale, user: Viewer = None
) -> list[tuple[object, list[PartnerPage]]]:
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


def thematic_group_list(*, locale: Locale, user: Viewer = None) -> list[ThematicGroupPage]:
    """Live thematic groups in `locale`, in tree order, with their partners prefetched.

    The memberships' partners are the partners in `locale` (the Italian page while a partner
    has no live translation), resolved for the whole list at once.
    """
    groups = (
        ThematicGroupPage.objects.filter(locale=locale)
        .select_related("listing_image")
        .prefetch_related("listing_image__renditions")
    )
    groups = list(_with_memberships(visible_pages(groups, user=user)).order_by("path"))
    memberships = [m for group in groups for m in group.memberships.all()]
    localize_relations(memberships, "partner", locale, user=user)
    return groups


def thematic_groups_of_partner(
    *, partner: PartnerPage, user: Viewer = None
) -> list[ThematicGroupPage]:
    """The groups a partner belongs to, derived from the groups' memberships, in its language.

    Memberships are written on the source-language groups (a translated group keeps them
    pointing at the source partners), so any version of the partner finds its groups there,
    and each group is then shown in the partner's language when translated.
    """
    groups = ThematicGroupPage.objects.filter(
        memberships__partner__translation_key=partner.translation_key,
        locale=F("memberships__partner__locale"),
    ).distinct()
    groups = list(visible_pages(groups, user=user).order_by("path"))
    return localized_pages(groups, partner.locale, user=user)


def memberships_of_partners(
    *, partners: Iterable[PartnerPage], user: Viewer = None
) -> dict[int, list[ThematicGroupMembership]]:
    """Memberships for many partners (for listings), keyed by partner id.

    Any version of a partner finds the memberships written on the source-language groups;
    each membership's group is the group in that partner's language (in memory).
    """
    partners = list(partners)
    by_key = {p.translation_key: p for p in partners}
    rows = list(
        ThematicGroupMembership.objects.filter(
            partner__translation_key__in=by_key,
            page__locale=F("partner__locale"),
            page__live=True,
        )
        .select_related("page", "partner")
        .order_by("page__path")
    )
    result: dict[int, list[ThematicGroupMembership]] = {}
    by_locale: dict[int, list[ThematicGroupMembership]] = {}
    for membership in rows:
        partner = by_key[membership.partner.translation_key]
        result.setdefault(partner.pk, []).append(membership)
        by_locale.setdefault(partner.locale_id, []).append(membership)
    for locale_id, memberships in by_locale.items():
        localize_relations(memberships, "page", locale_id, user=user)
    return result


def partner_groups(*, partner: PartnerPage) -> list[ThematicGroupPage]:
    """The source-language thematic groups `partner` is a member of."""
    return list(
        ThematicGroupPage.objects.filter(memberships__partner=partner).distinct().order_by("path")
    )


def thematic_group_titles(keys: set[str], *, user: Viewer, language: str) -> dict[str, str]:
    """{translation key: title} of the groups `user` may see, in `language` where translated.

    The search facet's labels (see `ThematicGroupPage.search_declaration`).
    """
    if not keys:
        return {}
    groups = visible_pages(ThematicGroupPage.objects.filter(translation_key__in=keys), user=user)
    labels: dict[str, str] = {}
    rows = groups.values_list("translation_key", "locale__language_code", "title")
    for key, language_code, title in rows:
        if str(key) not in labels or language_code == language:
            labels[str(key)] = title
    return labels


def country_names(codes: set[str], *, user: Viewer, language: str) -> dict[str, str]:
    """{country code: name in the active language}: the partner country facet's labels."""
    return {code: str(countries.name(code) or code) for code in codes}
