from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Shared building blocks: the abstract BasePage, stream blocks, privacy rule, template tags."""

    name = "cms.core"
    label = "core"
    verbose_name = "Cordata core"

    def ready(self):
        from . import cache, checks, privacy  # noqa: F401 - checks registers itself

        cache.connect()
        privacy.connect()
