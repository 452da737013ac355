"""The home page and press releases."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from cms.core import translation
from cms.core.blocks import RICH_TEXT_FEATURES, BodyStreamBlock
from cms.core.models import BasePage, ListingPage
from cms.core.searchable import Related, SearchDeclaration


class HomePage(BasePage):
    """The site's front page, one per language: latest news, the groups, the partners by country."""

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    translatable_fields = translation.HOME_PAGE

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.PressReleaseIndexPage",
        "groups.PartnerIndexPage",
        "groups.ThematicGroupIndexPage",
        "knowledge.KnowledgeIndexPage",
    ]

    class Meta:
        verbose_name = _("home page")

    @classmethod
    def can_create_at(cls, parent):
        # One home per locale: editors create the Italian one, translations make the others.
        return super().can_create_at(parent) and not cls.objects.exists()

    def get_context(self, request, *args, **kwargs):
        from .selectors import home_context

        context = super().get_context(request, *args, **kwargs)
        context.update(home_context(home=self))
        return context


class PressReleaseIndexPage(ListingPage):
    """All press releases, newest first, filterable by tag and year, with an RSS feed."""

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    translatable_fields = translation.PRESS_RELEASE_INDEX_PAGE

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.PressReleasePage"]
    max_count_per_parent = 1

    filter_form = "cms.home.forms.PressReleaseFilterForm"
    per_page = 10

    class Meta:
        verbose_name = _("press release index")

    def listing_items(self, *, filters):
        from .selectors import press_release_list

        return press_release_list(
            locale=self.locale, index=self, tag=filters.get("tag") or "", year=filters.get("year")
        )

    def listing_shown(self, items):
        from .selectors import with_localized_groups

        return with_localized_groups(items, locale=self.locale)

    @path("feed/")
    def feed_view(self, request):
        from .feeds import PressReleaseFeed

        return PressReleaseFeed(index=self)(request)


class PressReleaseTag(TaggedItemBase):
    """Tag assignment for press releases."""

    content_object = ParentalKey(
        "home.PressReleasePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class PressReleasePage(BasePage):
    """A dated announcement; editors write it in Italian, translators publish the English version."""

    date = models.DateField(_("publication date"))
    lead = models.TextField(_("lead"), help_text=_("One or two sentences that open the release."))
    body = StreamField(BodyStreamBlock(), verbose_name=_("body"), blank=True)
    tags = ClusterTaggableManager(through=PressReleaseTag, blank=True)
    contact = models.TextField(
        _("press contact"), blank=True, help_text=_("Who journalists can call or write to.")
    )

    @property
    def tags_by_name(self) -> list:
        """The release's tags in name order, however they were loaded (a prefetch has none)."""
        return sorted(self.tags.all(), key=lambda tag: tag.name.casefold())

    content_panels = BasePage.content_panels + [
        FieldPanel("date"),
        FieldPanel("lead"),
        FieldPanel("body"),
        FieldPanel("tags"),
        MultiFieldPanel(
            [
                InlinePanel("related_groups", label=_("thematic group")),
                InlinePanel("related_partners", label=_("partner")),
            ],
            heading=_("Related"),
        ),
        InlinePanel("attachments", label=_("attached document"), heading=_("Documents")),
        FieldPanel("contact"),
    ]
    search_declaration = SearchDeclaration(
        facets={
            "group": (Related("home.PressReleaseGroup", owner="page_id", value="group_id"),),
            "partner": (Related("home.PressReleasePartner", owner="page_id", value="partner_id"),),
            "tag": (Related("home.PressReleaseTag", owner="content_object_id", value="tag_id"),),
        },
        date=("date",),
        summary=("search_description", "listing_summary", "lead"),
        fallback_text="summary_text",
    )
    search_fields = BasePage.search_fields + [
        index.SearchField("lead"),
        index.SearchField("body"),
        index.FilterField("date"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]
    translatable_fields = translation.PRESS_RELEASE_PAGE

    parent_page_types = ["home.PressReleaseIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("press release")


class PressReleaseGroup(Orderable):
    """A thematic group a press release is about."""

    page = ParentalKey(PressReleasePage, on_delete=models.CASCADE, related_name="related_groups")
    group = models.ForeignKey(
        "groups.ThematicGroupPage",
        verbose_name=_("thematic group"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("group")]


class PressReleasePartner(Orderable):
    """A partner a press release mentions."""

    page = ParentalKey(PressReleasePage, on_delete=models.CASCADE, related_name="related_partners")
    partner = models.ForeignKey(
        "groups.PartnerPage", verbose_name=_("partner"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("partner")]


class PressReleaseDocument(Orderable):
    """A document attached to a press release (the release in PDF, a presentation, minutes)."""

    page = ParentalKey(PressReleasePage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        "knowledge.ProjectDocument",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("document")]
