"""The public APIs' entry points: API v2 (one WagtailAPIRouter) and API v3 (a django-ninja API).

Both read through the same selectors (`cms.api_selectors`) and shapes (`cms.api_shapes`) and
share one HTTP policy (`cms.api_http`: caching, ETags, JSON errors).
"""

from django.urls import re_path
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.utils.urlpatterns import decorate_urlpatterns

from cms.api_http import api_not_found, cache_policy
from cms.api_v2 import DocumentsAPIViewSet, ImagesAPIViewSet, PagesAPIViewSet
from cms.api_v3 import api_v3

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)
# The full-text search endpoint, /api/v2/search/ (`search.api.search`, pages and documents
# with facets), is routed in cms/urls.py just before these URLs, with the same HTTP policy;
# the pages endpoint keeps its own `?search=` filter.


def v2_urls():
    """API v2 URL patterns (for `path("api/v2/", ...)`), sessions and tokens both counting."""
    urlpatterns = api_router.get_urlpatterns()
    decorate_urlpatterns(urlpatterns, cache_policy(vary_on_cookie=True))
    return urlpatterns, api_router.url_namespace, api_router.url_namespace


def v3_urls():
    """API v3 URL patterns (for `path("api/v3/", ...)`); only bearer tokens identify a user."""
    urlpatterns, app_name, namespace = api_v3.urls
    decorate_urlpatterns(urlpatterns, cache_policy(vary_on_cookie=False))
    return urlpatterns, app_name, namespace


# Any path under /api/, line breaks included (`.` alone would stop at one and leave it to the
# site's HTML 404).
not_found_urls = [re_path(r"^api/(?P<path>[\s\S]*)\Z", api_not_found, name="api_not_found")]
