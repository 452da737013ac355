"""Translation status: one selector behind the admin report and `manage.py translation_status`."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation

from cms.core.selectors import TranslationState, translation_status
from cms.core.services import translation_roles_ensure, translation_sync
from tests.factories import PartnerPageFactory, PressReleasePageFactory, locale, publish
from tests.translating import member_of, translate


@pytest.fixture
def three_states(english_tree):
    """One release without English, one out of date, one up to date."""
    index = english_tree.it.press_index
    missing = publish(PressReleasePageFactory(parent=index, title="Senza inglese"))
    stale = publish(PressReleasePageFactory(parent=index, title="Notizia superata"))
    translate(stale)
    stale.lead = "Un attacco nuovo."
    publish(stale)
    current = publish(PartnerPageFactory(title="Agenzia aggiornata"))
    translate(current)
    return missing, stale, current


def test_each_page_gets_its_state(three_states):
    missing, stale, current = three_states
    states = {row.source.pk: row.state for row in translation_status().rows}
    assert states[missing.pk] == TranslationState.MISSING
    assert states[stale.pk] == TranslationState.OUT_OF_DATE
    assert states[current.pk] == TranslationState.UP_TO_DATE


def test_an_unpublished_or_alias_translation_counts_as_missing(english_tree, en):
    italian = publish(PressReleasePageFactory(parent=english_tree.it.press_index, title="Ritirata"))
    translate(italian).unpublish()
    alias_source = publish(PartnerPageFactory(title="Solo alias"))
    alias_source.create_alias(
        parent=english_tree.en.partner_index, update_locale=en, update_slug="solo-alias"
    )
    states = {row.source.pk: row.state for row in translation_status().rows}
    assert states[italian.pk] == TranslationState.MISSING
    assert states[alias_source.pk] == TranslationState.MISSING


def test_a_synced_page_stays_out_of_date_until_published(three_states):
    _missing, stale, _current = three_states
    translation_sync(page=stale)
    states = {row.source.pk: row.state for row in translation_status().rows}
    assert states[stale.pk] == TranslationState.OUT_OF_DATE
    translation_sync(page=stale, publish=True)
    states = {row.source.pk: row.state for row in translation_status().rows}
    assert states[stale.pk] == TranslationState.UP_TO_DATE


def test_counts_per_page_type(three_states):
    report = translation_status()
    with translation.override("en"):
        by_type = report.counts_by_page_type
    assert by_type["press release"][TranslationState.MISSING] == 1
    assert by_type["press release"][TranslationState.OUT_OF_DATE] == 1
    assert by_type["partner"][TranslationState.UP_TO_DATE] == 1
    assert by_type["home page"][TranslationState.UP_TO_DATE] == 1
    assert sum(report.counts.values()) == len(report.rows) == 8


def test_the_selector_costs_three_queries(three_states, django_assert_num_queries):
    with django_assert_num_queries(3):
        translation_status()


def test_the_command_prints_states_and_counts(three_states):
    missing, stale, _current = three_states
    output = io.StringIO()
    with translation.override("en"):
        call_command("translation_status", stdout=output)
    text = output.getvalue()
    assert "Translation status (en), 8 live pages:" in text
    assert "missing          1" in text
    assert "out_of_date      1" in text
    assert "up_to_date       6" in text
    assert "press release" in text and "partner" in text
    assert f"{missing.url}  Senza inglese (press release)" in text
    assert f"{stale.url}  Notizia superata (press release)" in text


def test_fail_if_missing_exits_with_status_1(three_states):
    with pytest.raises(CommandError) as raised:
        call_command("translation_status", "--fail-if-missing", stdout=io.StringIO())
    assert raised.value.returncode == 1
    assert "1 live page(s) have no translation in 'en'" in str(raised.value)


def test_fail_if_missing_passes_when_everything_is_translated(english_tree):
    output = io.StringIO()
    call_command("translation_status", "--fail-if-missing", stdout=output)
    assert "missing          0" in output.getvalue()


def test_an_unknown_language_is_refused(english_tree):
    with pytest.raises(CommandError, match="--language must be one of en"):
        call_command("translation_status", "--language", "de", stdout=io.StringIO())


def test_the_admin_report(three_states, admin_client):
    missing, stale, _current = three_states
    url = reverse("cordata_translation_status")
    response = admin_client.get(url)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Senza inglese" in content and "Notizia superata" in content
    assert reverse("wagtail_localize:submit_page_translation", args=[missing.pk]) in content
    sync_url = reverse("cordata_translation_sync", args=[stale.pk])
    assert f'action="{sync_url}"' in content
    narrowed = admin_client.get(url, {"state": "missing"}).content.decode()
    assert "Senza inglese" in narrowed and "Notizia superata" not in narrowed
    assert admin_client.get(url, {"state": "nonsense"}).status_code == 400
    menu = admin_client.get("/admin/reports/").content.decode()
    assert url in menu or admin_client.get("/admin/").status_code == 200


def test_the_report_is_for_translators_not_editors(english_tree, client):
    translation_roles_ensure(
        source_home=english_tree.it.home, translated_homes=[english_tree.en.home]
    )
    url = reverse("cordata_translation_status")
    client.force_login(member_of("Translators"))
    assert client.get(url).status_code == 200
    client.force_login(member_of("Editors"))
    response = client.get(url)
    assert response.status_code == 302 and response["Location"] == "/admin/"


def test_the_report_syncs_an_out_of_date_page(three_states, admin_client):
    _missing, stale, _current = three_states
    english = stale.get_translation(locale("en"))
    revisions = english.revisions.count()
    response = admin_client.post(
        reverse("cordata_translation_sync", args=[stale.pk]),
        {"next": reverse("cordata_translation_status")},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("cordata_translation_status")
    english.refresh_from_db()
    assert english.revisions.count() == revisions + 1
    assert english.has_unpublished_changes
    assert english.get_latest_revision_as_object().lead == "Un attacco nuovo."
    states = {row.source.pk: row.state for row in translation_status().rows}
    assert states[stale.pk] == TranslationState.OUT_OF_DATE
    assert admin_client.get(reverse("cordata_translation_sync", args=[stale.pk])).status_code == 405


def test_the_admin_report_names_its_languages(three_states, admin_client):
    content = admin_client.get(reverse("cordata_translation_status")).content.decode()
    assert "Translations (English)" in content
    assert "Page (Italian)" in content and "Translation (English)" in content
    assert 'lang="en">EN Notizia superata</a>' in content
    missing, _stale, _current = three_states
    translate_url = reverse("wagtail_localize:submit_page_translation", args=[missing.pk])
    assert f"{translate_url}?select_locale=en" in content
    # One translation language: nothing to choose.
    assert 'name="language"' not in content
