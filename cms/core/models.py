"""The abstract pages every Cordata page type extends, and the names of tags in other languages."""

from dataclasses import dataclass
from typing import Any, ClassVar

from django.db import models
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from cms.core.forms import ListingFilterForm
from cms.core.pagination import paginate
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

    # Undated by default: a page shows a date only where the content has one of its own.
    search_declaration = SearchDeclaration(
        summary=("search_description", "listing_summary"), fallback_text="summary_text"
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


@dataclass(frozen=True)
class ListingQuery:
    """What a listing's query string asks for, once validated."""

    #: The bound (or, without a query string, unbound) filter form; None when the list takes none.
    form: ListingFilterForm | None
    #: The cleaned filters without `page`; empty when any value is invalid.
    filters: dict[str, Any]
    page_number: int | None

    @property
    def refused(self) -> bool:
        """Whether a value was invalid: the page answers 400, showing the form's messages."""
        return self.form is not None and self.form.is_bound and bool(self.form.errors)

    @property
    def active_filters(self) -> dict[str, Any]:
        return {name: value for name, value in self.filters.items() if value}


class ListingPage(RoutablePageMixin, BasePage):
    """An index page whose address answers with a list of items, narrowed by its query string.

    The page owns the listing's request: it validates the filters (an invalid value, `page`
    included, answers 400 with the form's messages above the unfiltered first page), cuts the
    list into pages (a page past the end is a 404) and gives the template `filter_form`,
    `active_filters` and the items. An index declares:

    - `filter_form`: the dotted path of its `ListingFilterForm` subclass (filter forms import
      their app's models, so the class is looked up when a request needs it). Without one, a
      paginated list validates `page` alone and a list shown whole ignores the query string;
    - `per_page`: items on a page; None shows the whole list, without a `page` parameter;
    - `items_context_name`: the name the template reads the items by (a paginator page when
      paginated, the list itself otherwise);
    - `listing_items(filters=...)`: the selector call, which also orders the list;
    - `listing_shown(items)`, if the shown items need more loaded (for all of them at once).

    Further routes (a feed) are added with `@path` like on any routable page.
    """

    filter_form: ClassVar[str] = ""
    per_page: ClassVar[int | None] = None
    items_context_name: ClassVar[str] = "items"

    class Meta:
        abstract = True

    def listing_items(self, *, filters: dict[str, Any]):
        """The items to list, narrowed by the cleaned `filters` (page excluded), in order."""
        raise NotImplementedError

    def listing_shown(self, items):
        """The items of the shown page as the template needs them; as they are by default."""
        return items

    def filter_form_class(self) -> type[ListingFilterForm] | None:
        if self.filter_form:
            return import_string(self.filter_form)
        return ListingFilterForm if self.per_page else None

    def listing_query(self, request) -> ListingQuery:
        """The validated query string; invalid values leave the list unfiltered, on page 1."""
        form_class = self.filter_form_class()
        if form_class is None:
            return ListingQuery(form=None, filters={}, page_number=None)
        form = form_class(request.GET or None, page=self)
        cleaned = dict(form.cleaned_data) if form.is_bound and form.is_valid() else {}
        number = cleaned.pop("page", None)
        return ListingQuery(form=form, filters=cleaned, page_number=number)

    def listing_context(self, query: ListingQuery) -> dict[str, Any]:
        items = self.listing_items(filters=query.filters)
        if self.per_page:
            items = paginate(items, number=query.page_number, per_page=self.per_page)
            items.object_list = self.listing_shown(items.object_list)
        else:
            items = self.listing_shown(items)
        context: dict[str, Any] = {self.items_context_name: items}
        if query.form is not None:
            context.update(filter_form=query.form, active_filters=query.active_filters)
        return context

    @path("")
    def index_route(self, request, *args, **kwargs):
        request.is_preview = getattr(request, "is_preview", False)
        query = self.listing_query(request)
        response = self.render(request, context_overrides=self.listing_context(query))
        if query.refused:
            response.status_code = 400
        return response


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
