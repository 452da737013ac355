"""The demo's English version: made through wagtail-localize, complete, and stable on reload."""

import io
from collections import Counter

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from taggit.models import Tag
from wagtail.models import GroupPagePermission, Page, Revision
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from cms.core.models import TagTranslation
from cms.core.selectors import TranslationState, translation_status
from cms.demo.builder import DemoContentError, translations_ensure
from cms.groups.models import PartnerPage, ThematicGroupPage
from cms.home.models import HomePage, PressReleasePage
from cms.knowledge.models import ProjectDocument, StrategicPlanPage
from tests import html
from tests.core.test_translation_links import switcher_links
from tests.core.test_translation_po_export import assert_text_only, download_po
from tests.demo_loading import demo_loaded
from tests.factories import locale


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo loaded once for the module, rolled back at its end: what `load_demo` logged."""
    with demo_loaded(django_db_blocker, verbosity=1) as output:
        yield output


pytestmark = pytest.mark.usefixtures("demo")


def _snapshot() -> dict:
    pages = Counter(
        (p.content_type.model, p.locale.language_code)
        for p in Page.objects.filter(depth__gt=1).select_related("content_type", "locale")
    )
    return {
        "pages": dict(pages),
        "live": Page.objects.live().count(),
        "revisions": Revision.objects.count(),
        "sources": TranslationSource.objects.count(),
        "translations": Translation.objects.count(),
        "strings": StringTranslation.objects.count(),
        "tag names": TagTranslation.objects.count(),
        "permissions": GroupPagePermission.objects.count(),
        "documents": list(ProjectDocument.objects.order_by("pk").values_list("title_translations")),
    }


def test_every_italian_page_has_a_live_english_version(db):
    italian = Page.objects.filter(locale__language_code="it", depth__gt=1)
    english = Page.objects.filter(locale__language_code="en", depth__gt=1)
    assert italian.count() == english.count() >= 32
    assert not english.filter(live=False).exists()
    assert not english.filter(alias_of__isnull=False).exists()
    assert set(english.values_list("translation_key", flat=True)) == set(
        italian.values_list("translation_key", flat=True)
    )
    assert translation_status().counts == Counter({TranslationState.UP_TO_DATE: italian.count()})


def test_english_pages_were_made_through_wagtail_localize(db):
    for page in Page.objects.filter(locale__language_code="it", depth__gt=1):
        source = TranslationSource.objects.get(object_id=page.translation_key)
        translation = source.translations.get(target_locale__language_code="en")
        total, translated = translation.get_progress()
        assert total == translated > 0, page.title


def test_the_english_site_reads_in_english(db, client):
    text = html.text(client.get("/en/"))
    assert "Clusters Cord is a project funded by the European Union" in text
    release = PressReleasePage.objects.get(
        locale__language_code="en", slug="five-thematic-groups-launched"
    )
    text = html.text(client.get(release.url))
    assert "Clusters Cord launches five thematic groups" in text
    assert "sono questi i settori" not in text
    assert "thematic groups" in text  # a tag, by its English name
    assert release.date == release.get_translation(release.locale.get_default()).specific.date


def test_documents_and_tags_have_english_names(db, client):
    assert TagTranslation.objects.get(tag__name="tracciabilità", language_code="en").name == (
        "traceability"
    )
    plan_pdf = ProjectDocument.objects.get(title="Piano strategico ICT – bozza 0.1")
    assert plan_pdf.title_translations == {"en": "ICT strategic plan – draft 0.1"}
    text = html.text(client.get("/en/knowledge/"))
    assert "ICT strategic plan – draft 0.1" in text
    assert "Piano strategico ICT – bozza 0.1" not in text
    assert "Piano strategico ICT – bozza 0.1" in html.text(client.get("/it/conoscenza/"))
    assert Tag.objects.filter(name="tracciabilità").exists()


def test_roles_follow_the_two_trees(db):
    italian_home = HomePage.objects.get(locale__language_code="it")
    english_home = HomePage.objects.get(locale__language_code="en")
    rows = set(
        GroupPagePermission.objects.filter(group__name__in=["Editors", "Translators"]).values_list(
            "group__name", "page_id", "permission__codename"
        )
    )
    assert rows == {
        ("Editors", italian_home.pk, "add_page"),
        ("Editors", italian_home.pk, "change_page"),
        ("Translators", english_home.pk, "add_page"),
        ("Translators", english_home.pk, "change_page"),
        ("Translators", english_home.pk, "publish_page"),
    }
    assert Group.objects.filter(name="Translators").exists()


def test_loading_twice_changes_nothing(db):
    before = _snapshot()
    output = io.StringIO()
    call_command("load_demo", verbosity=1, stdout=output)
    assert _snapshot() == before
    assert "English translations: 32 unchanged" in output.getvalue()


def test_the_load_log_reports_the_translation_steps(demo):
    assert "English translations: 32 created" in demo
    assert "English tag names:" in demo


def test_an_italian_string_without_english_stops_the_load(db):
    release = PressReleasePage.objects.get(
        locale__language_code="it", slug="piani-strategici-prime-bozze"
    )
    release.lead = "Un attacco che nessuno ha tradotto."
    release.save_revision().publish()
    home = HomePage.objects.get(locale__language_code="it")
    with pytest.raises(DemoContentError, match="Un attacco che nessuno ha tradotto"):
        translations_ensure(home=home)


def test_demo_po_files_offer_text_only(db, admin_client):
    pages = Page.objects.filter(locale__language_code="it", depth__gt=1).specific()
    exported_types = set()
    for page in pages:
        translation = Translation.objects.get(
            source__object_id=page.translation_key, target_locale__language_code="en"
        )
        po = download_po(admin_client, translation)
        assert len(po) > 0, page.title
        assert_text_only(po, page)
        exported_types.add(type(page).__name__)
    assert exported_types == {
        "HomePage",
        "PressReleaseIndexPage",
        "PressReleasePage",
        "PartnerIndexPage",
        "PartnerPage",
        "ThematicGroupIndexPage",
        "ThematicGroupPage",
        "KnowledgeIndexPage",
        "StrategicPlanPage",
        "WorkspacePage",
    }


def test_demo_plan_po_offers_indicators_but_not_dates_or_owners(db, admin_client):
    page = Page.objects.get(
        locale__language_code="it", slug="piano-strategico-agroalimentare"
    ).specific
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale__language_code="en"
    )
    po = download_po(admin_client, translation)
    texts = {entry.msgid for entry in po}
    assert "Almeno 20 imprese coinvolte" in texts  # a ListBlock item
    assert "Linee guida comuni sulla tracciabilità" in texts
    assert not any("2012" == text or "2012-04-01" in text for text in texts)
    contexts = {entry.msgctxt.rsplit(".", 1)[-1] for entry in po}
    assert not contexts & {"owner", "start", "end", "version", "status", "adopted_on", "group"}


def test_english_demo_pages_link_english_pages(db, client):
    """Every link from an English page to another page stays in English (except the switcher).

    Read by an administrator, so that the private workspaces are read whole too."""
    from tests.factories import SuperUserFactory

    client.force_login(SuperUserFactory())
    italian_urls = {page.url for page in Page.objects.live().filter(locale__language_code="it")}
    for page in Page.objects.live().filter(locale__language_code="en").specific():
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        italian_links = set(html.hrefs(response)) & italian_urls
        switcher = {url for url, _ in switcher_links(response).values()}
        assert italian_links <= switcher, (page.url, italian_links - switcher)


def test_english_demo_relations_resolve_to_english(db):
    from cms.groups.selectors.partners import thematic_group_list, thematic_groups_of_partner
    from cms.knowledge.selectors import (
        plan_action_owners,
        strategic_plan_for_group,
        strategic_plan_list,
    )

    en = locale("en")
    groups = thematic_group_list(locale=en)
    assert groups
    for group in groups:
        partners = [m.partner for m in group.memberships.all()]
        assert partners and {p.locale_id for p in partners} == {en.pk}, group.title
        plan = strategic_plan_for_group(group=group)
        assert plan.locale_id == en.pk and plan.title.endswith("strategic plan")
    for plan in strategic_plan_list(locale=en):
        assert plan.group.locale_id == en.pk
        owners = plan_action_owners(plan=StrategicPlanPage.objects.get(pk=plan.pk))
        assert owners and {o.locale_id for o in owners.values()} == {en.pk}
    milano = PartnerPage.objects.get(locale=en, slug="milano-metropoli")
    groups_of_milano = thematic_groups_of_partner(partner=milano)
    italian = thematic_groups_of_partner(
        partner=PartnerPage.objects.get(pk=milano.pk).get_translation(locale("it"))
    )
    assert [g.translation_key for g in groups_of_milano] == [g.translation_key for g in italian]
    assert "Agri-food" in [g.title for g in groups_of_milano]
    assert all(isinstance(g, ThematicGroupPage) and g.locale_id == en.pk for g in groups_of_milano)
