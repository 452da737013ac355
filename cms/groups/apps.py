from django.apps import AppConfig


class GroupsConfig(AppConfig):
    """Partners, thematic groups and their private workspaces."""

    name = "cms.groups"
    label = "groups"

    def ready(self):
        from . import signals

        signals.connect()
