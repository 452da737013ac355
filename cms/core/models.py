"""The abstract page every Cordata page type extends."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index


class BasePage(Page):
    """SEO and listing fields shared by every page type, so cards, feeds and meta tags read one shape."""

    listing_summary = models.TextField(
        _("listing summary"),
        blank=True,
        max_length=400,
        help_text=_(
            "Short text shown on cards and in lists; falls back to the search description."
        ),
    )
    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("listing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    promote_panels = [
        MultiFieldPanel(
            [FieldPanel("slug"), FieldPanel("seo_title"), FieldPanel("search_description")],
            heading=_("For search engines"),
        ),
        MultiFieldPanel(
            [FieldPanel("listing_summary"), FieldPanel("listing_image")],
            heading=_("In lists and cards"),
        ),
        MultiFieldPanel([FieldPanel("show_in_menus")], heading=_("Navigation")),
    ]

    search_fields = Page.search_fields + [index.SearchField("listing_summary")]

    class Meta:
        abstract = True

    @property
    def summary_text(self) -> str:
        """What a card or a meta description shows: the listing summary, else the search description."""
        return self.listing_summary or self.search_description or ""

    @property
    def meta_title(self) -> str:
        return self.seo_title or self.title
