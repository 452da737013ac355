"""Listings cost the same number of SQL queries however many items they show."""

import datetime

import pytest

from cms.groups.models import MembershipRole
from tests.factories import (
    PartnerPageFactory,
    PressReleaseGroupFactory,
    PressReleasePageFactory,
    ThematicGroupMembershipFactory,
    ThematicGroupPageFactory,
)
from tests.query_counting import assert_same_cost, queries_for

pytestmark = pytest.mark.django_db

COUNTRIES = ["IT", "DE", "HU", "SK", "CZ", "PL", "SI", "AT"]


def _add_releases(count: int, *, start: int, group) -> None:
    for n in range(start, start + count):
        release = PressReleasePageFactory(
            title=f"Comunicato numero {n}",
            date=datetime.date(2012, 1, 1) + datetime.timedelta(days=n),
            tags=["gruppi tematici", f"argomento {n % 3}"],
        )
        PressReleaseGroupFactory(page=release, group=group)


def _add_partners(count: int, *, start: int, group) -> None:
    for n in range(start, start + count):
        partner = PartnerPageFactory(
            title=f"Agenzia regionale {n:02d}",
            short_name=f"AR{n:02d}",
            country=COUNTRIES[n % len(COUNTRIES)],
        )
        ThematicGroupMembershipFactory(page=group, partner=partner, role=MembershipRole.MEMBER)


def test_press_release_index_queries_do_not_grow_with_items(client, site_tree):
    group = ThematicGroupPageFactory(title="Agroalimentare")
    url = site_tree.press_index.url
    _add_releases(5, start=0, group=group)
    small = queries_for(client, url)
    _add_releases(45, start=5, group=group)
    large = queries_for(client, url)
    assert_same_cost(small, large, sizes="5/50")


def test_partner_index_queries_do_not_grow_with_items(client, site_tree):
    group = ThematicGroupPageFactory(title="ICT")
    url = site_tree.partner_index.url
    _add_partners(5, start=0, group=group)
    small = queries_for(client, url)
    _add_partners(45, start=5, group=group)
    large = queries_for(client, url)
    assert_same_cost(small, large, sizes="5/50")


def test_home_page_queries_do_not_grow_with_partners(client, site_tree):
    # The home lists every partner by country, so it grows with the partnership.
    group = ThematicGroupPageFactory(title="Turismo")
    _add_releases(5, start=0, group=group)
    _add_partners(5, start=0, group=group)
    small = queries_for(client, site_tree.home.url)
    _add_partners(45, start=5, group=group)
    large = queries_for(client, site_tree.home.url)
    assert_same_cost(small, large, sizes="5/50")
