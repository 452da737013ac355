"""The translation policy: what each page type translates and synchronises, and the settings."""

import pytest
from django.apps import apps
from django.conf import settings
from wagtail.models import Page, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField, get_translatable_fields

from cms.core import translation
from cms.core.models import BasePage
from cms.settings.translation import machine_translator

TRANSLATED_EVERYWHERE = {"title", "slug", "seo_title", "search_description", "listing_summary"}
SYNCHRONISED_EVERYWHERE = {"show_in_menus", "listing_image"}

# Per page type: (translated, synchronised), beyond the fields every page has.
POLICY = {
    "home.HomePage": ({"intro"}, set()),
    "home.PressReleaseIndexPage": ({"intro"}, set()),
    "home.PressReleasePage": (
        {"lead", "body", "contact"},
        {"date", "tagged_items", "related_groups", "related_partners", "attachments"},
    ),
    "groups.PartnerIndexPage": ({"intro"}, set()),
    "groups.PartnerPage": (
        {"region", "city", "description"},
        {"short_name", "kind", "project_role", "country", "website", "logo"},
    ),
    "groups.ThematicGroupIndexPage": ({"intro"}, {"coordinator"}),
    "groups.ThematicGroupPage": ({"objectives", "activities"}, {"sector", "memberships"}),
    "groups.WorkspacePage": ({"intro"}, {"members_group", "collection"}),
    "knowledge.KnowledgeIndexPage": ({"intro"}, set()),
    "knowledge.StrategicPlanPage": (
        {"summary", "sections"},
        {"group", "status", "version", "adopted_on", "attachment"},
    ),
}


def _page_models():
    return [apps.get_model(label) for label in POLICY]


@pytest.mark.parametrize("label", POLICY)
def test_each_page_type_declares_its_fields(label):
    model = apps.get_model(label)
    fields = get_translatable_fields(model)
    assert fields is model.translatable_fields
    translated = {f.field_name for f in fields if isinstance(f, TranslatableField)}
    synchronised = {f.field_name for f in fields if isinstance(f, SynchronizedField)}
    own_translated, own_synchronised = POLICY[label]
    assert translated == TRANSLATED_EVERYWHERE | own_translated
    assert synchronised == SYNCHRONISED_EVERYWHERE | own_synchronised


@pytest.mark.parametrize("label", POLICY)
def test_no_content_field_is_left_undecided(label, monkeypatch):
    """A field added to a page type fails here until the policy says what happens to it.

    wagtail-localize's own guess (without a declaration) lists every content field; the
    declaration must cover them all. `tags` is covered by its rows, `tagged_items`.
    """
    model = apps.get_model(label)
    declared = {f.field_name for f in get_translatable_fields(model)}
    for klass in (model, BasePage):
        monkeypatch.delattr(klass, "translatable_fields")
    guessed = {f.field_name for f in get_translatable_fields(model)}
    assert guessed - declared <= {"tags"}


def test_facts_cannot_be_overridden_by_translators():
    facts = {"date", "country", "kind", "sector", "status", "version", "project_role", "group"}
    for model in _page_models():
        for field in get_translatable_fields(model):
            if field.field_name in facts:
                assert isinstance(field, SynchronizedField)
                assert not field.overridable, (model.__name__, field.field_name)


@pytest.mark.parametrize("label", translation.CHILD_MODELS)
def test_child_rows_are_copied_whole(label):
    """Inline rows carry no text to translate: every field is declared synchronised."""
    model = apps.get_model(label)
    assert not issubclass(model, TranslatableMixin)
    own = {field.name for field in model._meta.concrete_fields} - {
        "id",
        "sort_order",
        "page",
        "content_object",
    }
    declared = {field.field_name for field in translation.CHILD_MODELS[label]}
    assert own == declared
    assert all(isinstance(f, SynchronizedField) for f in translation.CHILD_MODELS[label])


def test_every_child_relation_of_a_page_is_in_the_policy():
    for model in _page_models():
        declared = {f.field_name for f in get_translatable_fields(model)}
        for relation in model._meta.related_objects:
            if relation.related_model._meta.app_label in {"home", "groups", "knowledge"} and (
                getattr(relation.remote_field, "name", "") in {"page", "content_object"}
            ):
                assert relation.name in declared, (model.__name__, relation.name)
                label = relation.related_model._meta.label
                assert label in translation.CHILD_MODELS, label


def test_source_and_target_languages():
    assert translation.source_language() == settings.LANGUAGE_CODE == "it"
    assert translation.translation_language_choices() == [("en", "English")]


CHECKED = "cms.core.machine_translation.CheckedMachineTranslator"


def _wrapped(config: dict) -> dict:
    """The translator a machine-translator setting wraps (every one is checked)."""
    assert config["CLASS"] == CHECKED
    return config["OPTIONS"]["TRANSLATOR"]


def test_tests_and_development_use_the_dummy_translator():
    wrapped = _wrapped(settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR)
    assert wrapped["CLASS"].endswith("DummyTranslator")


@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        ({"deepl_api_key": "k:fx"}, "deepl.DeepLTranslator"),
        ({"libretranslate_url": "https://lt.example.org"}, "libretranslate.LibreTranslator"),
        ({"deepl_api_key": "k", "libretranslate_url": "https://lt"}, "deepl.DeepLTranslator"),
        ({}, "dummy.DummyTranslator"),
    ],
)
def test_machine_translator_follows_the_environment(environment, expected):
    arguments = {
        "deepl_api_key": "",
        "libretranslate_url": "",
        "libretranslate_api_key": "",
        "production": False,
    }
    config = _wrapped(machine_translator(**{**arguments, **environment}))
    assert config["CLASS"].endswith(expected)
    if "deepl" in expected:
        assert config["OPTIONS"]["AUTH_KEY"] == environment["deepl_api_key"]
    if "libre" in expected:
        assert config["OPTIONS"]["LIBRETRANSLATE_URL"] == "https://lt.example.org"


def test_production_offers_no_dummy_translator():
    arguments = {"deepl_api_key": "", "libretranslate_url": "", "libretranslate_api_key": ""}
    assert machine_translator(**arguments, production=True) is None
    deepl = machine_translator(**{**arguments, "deepl_api_key": "k"}, production=True)
    assert _wrapped(deepl)["CLASS"].endswith("deepl.DeepLTranslator")


def test_pages_are_translatable_models():
    for model in _page_models():
        assert issubclass(model, Page)
