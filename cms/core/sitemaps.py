"""The XML sitemap: every public page in every language, each listing its translations."""

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from cms.core.privacy import visible_pages
from cms.core.translation import page_translations


class CordataSitemap(Sitemap):
    """Wagtail's sitemap over the site's root and its translations (Wagtail's own lists the
    default-language tree only), with `xhtml:link` alternates per page.

    The alternates of a whole sitemap page are looked up in one query and handed to each
    page's `get_sitemap_urls` (see `BasePage`).
    """

    def items(self):
        site = self.get_wagtail_site()
        in_site = Q()
        for root in site.root_page.get_translations(inclusive=True).only("path"):
            in_site |= Q(path__startswith=root.path)
        # Aliases repeat another page's content under a second URL: they are not listed.
        pages = Page.objects.filter(in_site, alias_of__isnull=True)
        return visible_pages(pages).order_by("path").defer_streamfields().specific()

    def _urls(self, page, protocol, domain):
        items = list(self.paginator.page(page).object_list)
        versions = page_translations(items)
        urls = []
        last_mods = set()
        for item in items:
            item.sitemap_versions = versions.get(item.translation_key, {})
            for url_info in item.get_sitemap_urls(self.request):
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
