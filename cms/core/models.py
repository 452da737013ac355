"""The abstract page every Cordata page type extends, and the names of tags in other languages."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index

from cms.core.searchable import SearchDeclaration
from cms.core.translation import (
    BASE_PAGE,
    alternate_languages,
    page_translations,
    translation_language_choices,
)


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

    search_declaration = SearchDeclaration(
        date=("first_published_at",), fallback_text="summary_text"
    )
    search_fields = Page.search_fields + [index.SearchField("listing_summary")]
    translatable_fields = BASE_PAGE

    class Meta:
        abstract = True

    @property
    def summary_text(self) -> str:
        """What a card or a meta description shows: the listing summary, else the search description."""
        return self.listing_summary or self.search_description or ""

    @property
    def meta_title(self) -> str:
        return self.seo_title or self.title

    def get_sitemap_urls(self, request=None):
        """Wagtail's sitemap entry with `alternates`: each language version and `x-default`.

        The sitemap sets `sitemap_versions` on a whole batch of pages at once; a page on its
        own looks its versions up.
        """
        versions = getattr(self, "sitemap_versions", None)
        if versions is None:
            versions = page_translations([self]).get(self.translation_key, {})
        alternates = [
            {"lang_code": code, "location": version.get_full_url(request)}
            for code, version in alternate_languages(versions)
        ]
        urls = super().get_sitemap_urls(request)
        for url in urls:
            url["alternates"] = alternates
        return urls


class TagTranslation(models.Model):
    """A tag's name in another language.

    Tags are written in Italian and shared by every locale (an English press release keeps the
    Italian page's tags); visitors read them through `cms.core.translation.tag_name`.
    """

    tag = models.ForeignKey(
        "taggit.Tag", verbose_name=_("tag"), on_delete=models.CASCADE, related_name="translations"
    )
    language_code = models.CharField(
        _("language"), max_length=8, choices=translation_language_choices
    )
    name = models.CharField(_("name"), max_length=100)

    panels = [FieldPanel("tag"), FieldPanel("language_code"), FieldPanel("name")]

    class Meta:
        verbose_name = _("tag translation")
        verbose_name_plural = _("tag translations")
        ordering = ["tag__name", "language_code"]
        constraints = [
            models.UniqueConstraint(
                fields=["tag", "language_code"], name="unique_tag_translation_per_language"
            )
        ]

    def __str__(self) -> str:
        return f"{self.tag.name} → {self.name} ({self.language_code})"
