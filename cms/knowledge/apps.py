from django.apps import AppConfig


class KnowledgeConfig(AppConfig):
    name = "cms.knowledge"
    label = "knowledge"
