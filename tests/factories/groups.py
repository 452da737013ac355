"""Factories for the groups app: partners, thematic groups and their memberships."""

import datetime

import factory
import wagtail_factories
from factory.django import DjangoModelFactory
from wagtail.rich_text import RichText

from cms.groups.models import (
    MembershipRole,
    PartnerIndexPage,
    PartnerKind,
    PartnerPage,
    ProjectRole,
    Sector,
    ThematicGroupIndexPage,
    ThematicGroupMembership,
    ThematicGroupPage,
)

from .home import home_page


class PartnerIndexPageFactory(wagtail_factories.PageFactory):
    """The partner index, under the Italian home unless `parent` is given."""

    title = "Partner"
    slug = "partner"
    intro = "<p>Le agenzie di sviluppo e le camere di commercio del progetto.</p>"
    parent = factory.LazyFunction(home_page)

    class Meta:
        model = PartnerIndexPage


def partner_index() -> PartnerIndexPage:
    """The partner index under the Italian home, created on first use."""
    existing = PartnerIndexPage.objects.child_of(home_page()).first()
    return existing or PartnerIndexPageFactory()


class PartnerPageFactory(wagtail_factories.PageFactory):
    """A partner organisation, Italian by default."""

    title = factory.Sequence(lambda n: f"Agenzia di sviluppo {n}")
    parent = factory.LazyFunction(partner_index)
    short_name = ""
    kind = PartnerKind.DEVELOPMENT_AGENCY
    project_role = ProjectRole.PARTNER
    country = "IT"
    region = "Lombardia"
    city = "Milano"
    website = "https://example.org/"
    description = "<p>Agenzia di sviluppo del territorio.</p>"

    class Meta:
        model = PartnerPage


class ThematicGroupIndexPageFactory(wagtail_factories.PageFactory):
    """The thematic group index, under the Italian home unless `parent` is given."""

    title = "Gruppi tematici"
    slug = "gruppi-tematici"
    intro = "<p>I cinque gruppi tematici verso i meta-cluster transnazionali.</p>"
    parent = factory.LazyFunction(home_page)

    class Meta:
        model = ThematicGroupIndexPage


def thematic_group_index() -> ThematicGroupIndexPage:
    """The thematic group index under the Italian home, created on first use."""
    existing = ThematicGroupIndexPage.objects.child_of(home_page()).first()
    return existing or ThematicGroupIndexPageFactory()


class ThematicGroupPageFactory(wagtail_factories.PageFactory):
    """A thematic group with one exchange forum; add partners with ThematicGroupMembershipFactory."""

    title = factory.Sequence(lambda n: f"Gruppo tematico {n}")
    parent = factory.LazyFunction(thematic_group_index)
    sector = Sector.AGRI_FOOD
    objectives = "<p>Creare un meta-cluster transnazionale.</p>"
    activities = factory.LazyFunction(
        lambda: [
            (
                "exchange_forum",
                {
                    "title": "Primo exchange forum",
                    "date": datetime.date(2012, 3, 15),
                    "place": "Stoccarda",
                    "description": RichText("<p>Incontro tra i gestori di cluster.</p>"),
                },
            )
        ]
    )

    class Meta:
        model = ThematicGroupPage


class ThematicGroupMembershipFactory(DjangoModelFactory):
    """A partner's place in a thematic group (pass both `page` and `partner`)."""

    role = MembershipRole.MEMBER

    class Meta:
        model = ThematicGroupMembership
