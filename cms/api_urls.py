"""The APIs' URLconf: /api/v2/, /api/v3/ and JSON 404s for anything else under /api/.

The site's URLconf includes it; API requests also finish with it (see `api_http.keep_api_404s`).
"""

from django.urls import path

from cms.api import not_found_urls, v2_urls, v3_urls

urlpatterns = [
    path("api/v2/", v2_urls()),
    path("api/v3/", v3_urls()),
    *not_found_urls,
]
