from django.apps import AppConfig


class GroupsConfig(AppConfig):
    name = "cms.groups"
    label = "groups"
