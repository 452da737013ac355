"""The translator's loop, end to end through wagtail-localize's admin views: translate a page,
export and import a PO file, publish; then sync after the Italian page changes."""

import datetime

import polib
import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.rich_text import RichText
from wagtail_localize.models import StringTranslation, Translation

from cms.core.selectors import TranslationState, translation_status
from cms.core.services import translation_roles_ensure, translation_sync
from tests import html
from tests.factories import PartnerPageFactory, PressReleasePageFactory, publish
from tests.translating import (
    download_po,
    member_of,
    shown_messages,
    submit_translation,
    translate,
    upload_po,
)


def _release(parent, **fields):
    release = PressReleasePageFactory(
        parent=parent,
        title="Visita studio a Lodi",
        slug="visita-studio-lodi",
        date=datetime.date(2012, 3, 22),
        lead="Il gruppo Agroalimentare visita il Parco Tecnologico Padano.",
        body=[
            ("heading", {"text": "Il programma", "level": "h2"}),
            ("paragraph", RichText("<p>Una giornata di incontri tra imprese.</p>")),
        ],
        contact="Ufficio stampa",
        **fields,
    )
    return publish(release)


def _message(response) -> str:
    """The message the upload left (earlier steps may have left their own)."""
    return shown_messages(response)[-1]


ENGLISH = {
    "Visita studio a Lodi": "Study visit to Lodi",
    "visita-studio-lodi": "study-visit-lodi",
    "Il gruppo Agroalimentare visita il Parco Tecnologico Padano.": (
        "The Agri-food group visits Parco Tecnologico Padano."
    ),
    "Il programma": "The programme",
    "Una giornata di incontri tra imprese.": "A day of meetings between companies.",
    "Ufficio stampa": "Press office",
}


def _translated_po(po: polib.POFile, english: dict[str, str]) -> bytes:
    for entry in po:
        entry.msgstr = english[entry.msgid]
    return str(po).encode()


def test_translate_export_import_publish(
    english_tree, admin_client, en, django_capture_on_commit_callbacks
):
    italian = _release(english_tree.it.press_index)

    # "Translate this page": a source, a translation and an English draft (not yet public).
    translation = submit_translation(admin_client, italian, en)
    english = italian.get_translation(en)
    assert not english.live
    assert translation_status().with_state(TranslationState.MISSING)[0].source.pk == italian.pk

    # The translator downloads the PO file, translates it in any tool and uploads it.
    po = download_po(admin_client, translation)
    assert {entry.msgid for entry in po} == set(ENGLISH)
    assert po.metadata["X-WagtailLocalize-TranslationID"] == str(translation.uuid)
    response = upload_po(admin_client, translation, _translated_po(po, ENGLISH))
    assert response.status_code == 302
    assert _message(response) == "Imported 6 translated strings from the PO file."
    assert translation.get_progress() == (6, 6)

    # Publishing from the translation editor writes and publishes the English page.
    edit_url = reverse("wagtailadmin_pages:edit", args=[english.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(edit_url, {"action": "publish"})
    assert response.status_code in (200, 302)
    english.refresh_from_db()
    assert english.live
    assert english.url == "/en/comunicati-stampa-en/study-visit-lodi/"

    text = html.text(admin_client.get(english.url))
    for phrase in ENGLISH.values():
        if "-" not in phrase:
            assert phrase in text
    assert "Una giornata di incontri" not in text
    assert english.specific.date == italian.date
    row = {row.source.pk: row for row in translation_status().rows}[italian.pk]
    assert row.state == TranslationState.UP_TO_DATE


def test_sync_keeps_unchanged_strings_and_copies_facts(english_tree, en):
    partner = publish(PartnerPageFactory(title="Agenzia Beta", country="IT"))
    english_partner = translate(partner)
    italian = _release(english_tree.it.press_index)
    english = translate(italian)
    assert english.live
    english_live = Page.objects.get(pk=english.pk).specific
    assert english_live.title == "EN Visita studio a Lodi"

    # The editor changes one string and two facts, and publishes the Italian pages.
    italian.lead = "Il gruppo Agroalimentare ha visitato il Parco Tecnologico Padano."
    italian.date = datetime.date(2012, 3, 23)
    publish(italian)
    partner.country = "DE"
    publish(partner)
    report = translation_status()
    states = {row.source.pk: row.state for row in report.rows}
    assert states[italian.pk] == TranslationState.OUT_OF_DATE
    assert states[partner.pk] == TranslationState.OUT_OF_DATE

    # Sync: the English draft gets the facts, keeps the unchanged translations, and the
    # changed string waits for a translator; the live English page is unchanged meanwhile.
    (draft,) = translation_sync(page=italian)
    translation = Translation.objects.get(source__object_id=italian.translation_key)
    total, translated = translation.get_progress()
    assert (total, translated) == (6, 5)
    pending = [
        segment.string.data
        for segment in translation.source.stringsegment_set.select_related("string")
        if not StringTranslation.objects.filter(
            translation_of=segment.string, context=segment.context, locale=en
        ).exists()
    ]
    assert pending == ["Il gruppo Agroalimentare ha visitato il Parco Tecnologico Padano."]
    latest = Page.objects.get(pk=english.pk).specific.get_latest_revision_as_object()
    assert latest.date == datetime.date(2012, 3, 23)
    assert latest.title == "EN Visita studio a Lodi"  # kept
    assert latest.lead == "Il gruppo Agroalimentare ha visitato il Parco Tecnologico Padano."
    live = Page.objects.get(pk=english.pk).specific
    assert live.date == datetime.date(2012, 3, 22)
    assert live.has_unpublished_changes
    assert draft.pk == english.pk

    (partner_draft,) = translation_sync(page=partner)
    assert partner_draft.get_latest_revision_as_object().country.code == "DE"
    assert Page.objects.get(pk=english_partner.pk).specific.country.code == "IT"

    states = {row.source.pk: row.state for row in translation_status().rows}
    assert states[italian.pk] == TranslationState.OUT_OF_DATE  # until re-published

    # The translator translates the new string and publishes: up to date again.
    segment = translation.source.stringsegment_set.get(string__data=pending[0])
    StringTranslation.objects.create(
        translation_of=segment.string,
        locale=en,
        context=segment.context,
        data="The Agri-food group visited Parco Tecnologico Padano.",
    )
    (published,) = translation_sync(page=italian, publish=True)
    assert published.live and published.lead.startswith("The Agri-food group visited")
    assert published.date == datetime.date(2012, 3, 23)
    states = {row.source.pk: row.state for row in translation_status().rows}
    assert states[italian.pk] == TranslationState.UP_TO_DATE


def test_the_stock_sync_view_marks_the_page_out_of_date(english_tree, admin_client, en):
    italian = _release(english_tree.it.press_index)
    translate(italian)
    italian.lead = "Un nuovo attacco."
    publish(italian)
    translation = Translation.objects.get(source__object_id=italian.translation_key)
    response = admin_client.post(
        reverse("wagtail_localize:update_translations", args=[translation.source.pk]), {}
    )
    assert response.status_code == 302
    translation.source.refresh_from_db()
    assert "Un nuovo attacco." in translation.source.content_json
    states = {row.source.pk: row.state for row in translation_status().rows}
    assert states[italian.pk] == TranslationState.OUT_OF_DATE


@pytest.fixture
def submitted(english_tree, admin_client, en):
    italian = _release(english_tree.it.press_index)
    translation = submit_translation(admin_client, italian, en)
    return italian, translation


def _untouched(translation, en, english_page):
    return (
        StringTranslation.objects.filter(locale=en).count(),
        english_page.revisions.count(),
        Page.objects.get(pk=english_page.pk).draft_title,
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "The file is empty"),
        (
            b"<html><body>Not a PO file</body></html>",
            "not a valid PO file (syntax error on line 1)",
        ),
        (b'msgid "a"\nmsgid "b"\n', "not a valid PO file (syntax error on line 2)"),
        (b"\xff\xfe\x00 not text at all \x89PNG", "not a valid PO file (it is not UTF-8 text)"),
        (b'msgid "Il programma"\nmsgstr "The programme"\n', "no X-WagtailLocalize-TranslationID"),
    ],
)
def test_a_malformed_po_is_refused_and_nothing_changes(
    submitted, admin_client, en, content, message
):
    italian, translation = submitted
    english = italian.get_translation(en)
    before = _untouched(translation, en, english)
    response = upload_po(admin_client, translation, content)
    assert response.status_code == 302
    shown = _message(response)
    assert message in shown and "nothing was imported" in shown.lower()
    assert _untouched(translation, en, english) == before


def test_a_po_for_another_page_is_refused(submitted, english_tree, admin_client, en):
    italian, translation = submitted
    other = publish(PressReleasePageFactory(parent=english_tree.it.press_index, title="Altro"))
    other_translation = submit_translation(admin_client, other, en)
    po = download_po(admin_client, other_translation)
    for entry in po:
        entry.msgstr = "Something else"
    english = italian.get_translation(en)
    before = _untouched(translation, en, english)
    response = upload_po(admin_client, translation, str(po).encode())
    shown = _message(response)
    assert "belongs to another page or language" in shown
    assert _untouched(translation, en, english) == before


def test_strings_the_page_no_longer_has_are_ignored_and_counted(submitted, admin_client, en):
    italian, translation = submitted
    po = download_po(admin_client, translation)
    for entry in po:
        entry.msgstr = ENGLISH[entry.msgid]
    po.append(polib.POEntry(msgid="Un testo tolto", msgctxt="lead", msgstr="A removed text"))
    response = upload_po(admin_client, translation, str(po).encode())
    shown = _message(response)
    assert shown.startswith("Imported 6 translated strings")
    assert "1 strings are no longer on the page" in shown


def test_only_those_who_may_edit_the_english_page_may_upload(
    submitted, english_tree, admin_client, client, en
):
    italian, translation = submitted
    translation_roles_ensure(
        source_home=english_tree.it.home, translated_homes=[english_tree.en.home]
    )
    po = _translated_po(download_po(admin_client, translation), ENGLISH)
    editor = member_of("Editors")
    client.force_login(editor)
    response = upload_po(client, translation, po, next_url="/admin/pages/")
    # Wagtail answers a refusal in the admin with a redirect to the dashboard.
    assert response.status_code == 302 and response["Location"] == "/admin/"
    mine = StringTranslation.objects.filter(context__object_id=italian.translation_key)
    assert not mine.exists()

    translator = member_of("Translators")
    client.force_login(translator)
    response = upload_po(client, translation, po)
    assert _message(response).startswith("Imported 6 translated strings")
