"""Responses for one person only: never stored by a shared cache or the browser, never indexed."""

from collections.abc import Sequence

from django.http import HttpResponse
from django.utils.cache import add_never_cache_headers, patch_vary_headers


def private(response: HttpResponse, *, vary: Sequence[str] = ("Cookie",)) -> HttpResponse:
    """Mark `response` as for this user only: `Cache-Control: private, no-store` and no indexing."""
    add_never_cache_headers(response)  # max-age=0, no-cache, no-store, must-revalidate, private
    patch_vary_headers(response, list(vary))
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
