from django.apps import AppConfig


class APIConfig(AppConfig):
    """The public APIs (v2, v3). They read the content apps and core; nothing imports them back."""

    name = "cms.api"
    label = "api"
    verbose_name = "Cordata API"

    def ready(self):
        from . import fields

        fields.install()
