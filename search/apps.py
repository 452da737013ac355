from django.apps import AppConfig


class SearchConfig(AppConfig):
    """Site search: language-aware backends, the search page, the search API and the index queue."""

    name = "search"
    label = "search"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals

        signals.connect()
