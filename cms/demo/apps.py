from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The Clusters Cord demo content and `manage.py load_demo`; it has no models of its own.

    It writes through the other apps' models and services; none of them imports it.
    """

    name = "cms.demo"
    label = "demo"
