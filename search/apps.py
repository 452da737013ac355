from django.apps import AppConfig


class SearchConfig(AppConfig):
    """Site search: the HTML search page (and, later, the search API)."""

    name = "search"
    label = "search"
