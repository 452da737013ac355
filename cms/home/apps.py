from django.apps import AppConfig


class HomeConfig(AppConfig):
    """The home page and press releases, with their moderation."""

    name = "cms.home"
    label = "home"

    def ready(self):
        from . import signals

        signals.connect()
