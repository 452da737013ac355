"""Middleware that keeps the Wagtail admin's searches working while the search service is down."""

from functools import cached_property

from django.urls import reverse

from .backends import database_fallback


class AdminSearchFallbackMiddleware:
    """Runs each admin request inside `search.backends.database_fallback()`.

    Editors still find pages, documents and images (by a plain database match) in the page
    search, the explorer, the choosers and the listings when Elasticsearch cannot answer;
    the site search and the APIs answer 503 instead (see `search.backends`).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    @cached_property
    def admin_prefix(self) -> str:
        return reverse("wagtailadmin_home")

    def __call__(self, request):
        if not request.path.startswith(self.admin_prefix):
            return self.get_response(request)
        # Around the whole response: listings are searched while their template renders.
        with database_fallback():
            return self.get_response(request)
