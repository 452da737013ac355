"""Factories for the home app: the Italian home page, press release index and releases."""

import datetime

import factory
import wagtail_factories
from factory.django import DjangoModelFactory
from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from cms.home.models import (
    HomePage,
    PressReleaseDocument,
    PressReleaseGroup,
    PressReleaseIndexPage,
    PressReleasePage,
    PressReleasePartner,
)

from .core import locale


class HomePageFactory(wagtail_factories.PageFactory):
    """The Italian home page, directly under the tree root."""

    title = "Cordata"
    slug = "cordata"
    intro = "<p>Cooperazione transnazionale tra cluster in Europa centrale.</p>"
    parent = factory.LazyFunction(Page.get_first_root_node)
    locale = factory.LazyFunction(lambda: locale("it"))

    class Meta:
        model = HomePage


def home_page() -> HomePage:
    """The site's Italian home, built on first use in place of Wagtail's welcome page.

    Both content locales exist afterwards, and the default Site's root is the home.
    """
    locale("en")
    existing = HomePage.objects.filter(locale__language_code="it").first()
    if existing is not None:
        return existing
    home = HomePageFactory()
    site = Site.objects.get(is_default_site=True)
    welcome = site.root_page
    site.root_page = home
    site.site_name = "Cordata"
    site.save()
    # The welcome page is a plain Page that Wagtail's initial migration makes.
    if welcome.pk != home.pk and welcome.specific_class is Page:
        welcome.delete()
    return home


class PressReleaseIndexPageFactory(wagtail_factories.PageFactory):
    """The press release index, under the Italian home unless `parent` is given."""

    title = "Comunicati stampa"
    slug = "comunicati-stampa"
    intro = "<p>Le notizie del progetto Clusters Cord.</p>"
    parent = factory.LazyFunction(home_page)

    class Meta:
        model = PressReleaseIndexPage


def press_release_index() -> PressReleaseIndexPage:
    """The press release index under the Italian home, created on first use."""
    existing = PressReleaseIndexPage.objects.child_of(home_page()).first()
    return existing or PressReleaseIndexPageFactory()


class PressReleasePageFactory(wagtail_factories.PageFactory):
    """A press release; `tags=["a", "b"]` tags it. Pass `live=False` for a draft."""

    title = factory.Sequence(lambda n: f"Comunicato stampa {n}")
    parent = factory.LazyFunction(press_release_index)
    date = datetime.date(2012, 1, 16)
    lead = "Sono appena stati avviati i cinque gruppi tematici del progetto Clusters Cord."
    body = factory.LazyFunction(
        lambda: [
            (
                "paragraph",
                RichText("<p>Il percorso coinvolge aziende e agenzie di dieci regioni.</p>"),
            )
        ]
    )
    contact = "Ufficio stampa, stampa@example.org"

    class Meta:
        model = PressReleasePage
        skip_postgeneration_save = True

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if create and extracted:
            self.tags.add(*extracted)
            # Cluster tags live on the page until it is saved again.
            self.save()


class PressReleaseGroupFactory(DjangoModelFactory):
    """Links a press release to a thematic group (pass both `page` and `group`)."""

    class Meta:
        model = PressReleaseGroup


class PressReleasePartnerFactory(DjangoModelFactory):
    """Links a press release to a partner (pass both `page` and `partner`)."""

    class Meta:
        model = PressReleasePartner


class PressReleaseDocumentFactory(DjangoModelFactory):
    """Attaches a library document to a press release (pass `page`; a PDF is made if omitted)."""

    document = factory.SubFactory("tests.factories.knowledge.ProjectDocumentFactory")

    class Meta:
        model = PressReleaseDocument
