"""The APIs' URLconf: /api/v2/ (with /api/v2/search/), /api/v3/ and JSON 404s for anything
else under /api/.

The site's URLconf includes it; API requests also finish with it (see
`cms.api.errors.keep_api_404s`). Every API view is wrapped in the same HTTP policy
(`cms.api.http.cache_policy`).
"""

from django.urls import path, re_path
from wagtail.utils.urlpatterns import decorate_urlpatterns

from cms.api.errors import api_not_found
from cms.api.http import cache_policy
from cms.api.search import search
from cms.api.v2 import api_router
from cms.api.v3 import api_v3


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

urlpatterns = [
    # Before the v2 router, which would read "search" as an endpoint name.
    path("api/v2/search/", search, name="search_api"),
    path("api/v2/", v2_urls()),
    path("api/v3/", v3_urls()),
    *not_found_urls,
]
