"""URL configuration: admin and API without a language prefix, the site under /<language>/."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from cms.core.downloads import document_serve, media_serve
from cms.core.signin import AdminPasswordResetView
from cms.core.sitemaps import CordataSitemap
from search import views as search_views

handler404 = "cms.core.views.page_not_found"
handler500 = "cms.core.views.server_error"

urlpatterns = [
    path("django-admin/", admin.site.urls),
    # Before Wagtail's admin URLconf: its password-reset page, with the links limited.
    path(
        "admin/password_reset/",
        AdminPasswordResetView.as_view(),
        name="wagtailadmin_password_reset",
    ),
    path("admin/", include(wagtailadmin_urls)),
    # Before Wagtail's documents URLconf: every download asks the privacy rule first.
    path("documents/<int:document_id>/<path:document_filename>", document_serve),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("cms.api.urls")),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": CordataSitemap}}, name="sitemap"),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    # Only images are served from MEDIA_ROOT in development; documents always go through
    # the document serve view so that collection privacy is checked.
    urlpatterns += [re_path(r"^media/(?P<path>.*)$", media_serve)]

urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("account/", include("cms.groups.accounts")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
