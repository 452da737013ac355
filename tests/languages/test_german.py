"""A third language from configuration alone: German, with `CORDATA_LANGUAGES=it,en,de`.

A press release written in Italian is translated into English and into German; the German
version goes the translator's way the English one goes in `tests/core/test_translation_workflow.py`
("Translate this page", the PO file downloaded and uploaded, published from the translation
editor) by a member of Translators. It is then served under `/de/`, offered by the language
switcher, the `hreflang` links and the sitemap, found by inflected German queries (German
stemming, German stop words) and listed by both APIs with `locale=de`. Nothing outside this
module names German: the settings, the URLs, the switcher, the stemming and the APIs follow the
configured languages.
"""

import datetime
import io
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from wagtail.coreutils import get_content_languages
from wagtail.locales.forms import LocaleForm
from wagtail.models import Page
from wagtail.rich_text import RichText

from cms.core import languages
from cms.core.selectors import TranslationState, translation_status
from cms.core.services import translation_roles_ensure
from search.backends.elasticsearch import INDEX_SETTINGS
from search.text import normalise, query_stems
from tests import html
from tests.factories import PressReleasePageFactory, SuperUserFactory, locale, publish
from tests.translating import (
    download_po,
    in_english,
    member_of,
    shown_messages,
    submit_translation,
    translate,
    upload_po,
)

pytestmark = pytest.mark.skipif(
    "de" not in dict(settings.LANGUAGES),
    reason="needs CORDATA_LANGUAGES to include de (.ci/run runs it with it,en,de)",
)

GERMAN = {
    "Incontro con le imprese di Stoccarda": "Treffen mit Unternehmen der Region Stuttgart",
    "incontro-imprese-stoccarda": "treffen-unternehmen-stuttgart",
    "La promozione economica della regione di Stoccarda invita le imprese del cluster.": (
        "Die Wirtschaftsförderung Region Stuttgart lädt die Unternehmen des Clusters ein."
    ),
    "Una giornata di incontri tra imprese.": "Ein Tag der Begegnung zwischen Unternehmen.",
    "Ufficio stampa": "Pressestelle",
}


def german_for(text: str, path: str) -> str:
    if text in GERMAN:
        return GERMAN[text]
    return f"{text}-de" if path == "slug" else f"DE {text}"


def translate_in_the_admin(client, page, *, django_capture_on_commit_callbacks) -> Page:
    """`page` translated into German as a translator does it in the admin: "Translate this
    page", the PO file downloaded, translated and uploaded, then "Publish" in the translation
    editor. Returns the published German page."""
    german_locale = locale("de")
    translation = submit_translation(client, page, german_locale)
    draft = page.get_translation(german_locale)
    assert not draft.live

    po = download_po(client, translation)
    assert po.metadata["X-WagtailLocalize-TranslationID"] == str(translation.uuid)
    for entry in po:
        entry.msgstr = german_for(entry.msgid, entry.msgctxt or "")
    response = upload_po(client, translation, str(po).encode())
    assert response.status_code == 302
    count = len(po)
    assert shown_messages(response)[-1] == f"Imported {count} translated strings from the PO file."
    assert translation.get_progress() == (count, count)

    # wagtail-localize publishes once the request's transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[draft.pk]), {"action": "publish"}
        )
    assert response.status_code in (200, 302)
    published = Page.objects.get(pk=draft.pk).specific
    assert published.live
    return published


@pytest.fixture
def german(client, site_tree, django_capture_on_commit_callbacks):
    """An Italian press release with its English and German versions (and their homes and
    indexes); the German release translated and published by a member of Translators."""
    client.force_login(in_english(SuperUserFactory()))
    italian = SimpleNamespace(home=publish(site_tree.home), index=publish(site_tree.press_index))
    english = SimpleNamespace(home=translate(italian.home), index=translate(italian.index))
    german = SimpleNamespace(
        **{
            name: translate_in_the_admin(
                client, page, django_capture_on_commit_callbacks=django_capture_on_commit_callbacks
            )
            for name, page in vars(italian).items()
        }
    )
    translation_roles_ensure(source_home=italian.home, translated_homes=[english.home, german.home])

    italian.release = publish(
        PressReleasePageFactory(
            parent=italian.index,
            title="Incontro con le imprese di Stoccarda",
            slug="incontro-imprese-stoccarda",
            date=datetime.date(2013, 5, 14),
            lead="La promozione economica della regione di Stoccarda invita le imprese del cluster.",
            body=[("paragraph", RichText("<p>Una giornata di incontri tra imprese.</p>"))],
            contact="Ufficio stampa",
        )
    )
    english.release = translate(italian.release)
    translator = member_of("Translators")
    client.force_login(translator)
    german.release = translate_in_the_admin(
        client,
        italian.release,
        django_capture_on_commit_callbacks=django_capture_on_commit_callbacks,
    )
    client.logout()
    return SimpleNamespace(it=italian, en=english, de=german, translator=translator)


class _SwitcherAndAlternates(HTMLParser):
    """The `<link rel="alternate">` targets and the language switcher's links, by language."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.alternates: dict[str, str] = {}
        self.switcher: dict[str, dict] = {}
        self._link: dict | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "link" and attributes.get("rel") == "alternate":
            self.alternates[attributes["hreflang"]] = attributes["href"]
        classes = (attributes.get("class") or "").split()
        if tag == "a" and "language-switcher__link" in classes:
            self._link = {"href": attributes["href"], "text": ""}
            self.switcher[attributes["lang"]] = self._link

    def handle_endtag(self, tag):
        if tag == "a":
            self._link = None

    def handle_data(self, data):
        if self._link is not None:
            self._link["text"] += data


def switcher_and_alternates(response) -> _SwitcherAndAlternates:
    parser = _SwitcherAndAlternates()
    parser.feed(response.content.decode())
    return parser


def test_the_configuration_gives_german_everywhere(db):
    assert languages.codes() == ("it", "en", "de")
    assert languages.source_language() == "it"
    assert languages.translation_languages() == ("en", "de")
    assert settings.LANGUAGE_CODE == "it"
    # Wagtail's locales (and so wagtail-localize's targets) offer German.
    assert get_content_languages()["de"] == "Deutsch"
    assert "de" in dict(LocaleForm().fields["language_code"].choices)
    analysis = INDEX_SETTINGS["settings"]["analysis"]
    assert analysis["analyzer"]["cordata_de"]["filter"][-1] == "cordata_german_stemmer"
    assert analysis["filter"]["cordata_german_stemmer"] == {
        "type": "snowball",
        "language": "German",
    }


def test_german_words_are_stemmed_in_german():
    # German Snowball stems: neither the English nor the Italian stemmer gives these.
    assert normalise("Regionen", ("de",)) == normalise("Region", ("de",)) == "region"
    assert normalise("Wirtschaftsförderungen", ("de",)) == "wirtschaftsforder"
    assert normalise("Wirtschaftsförderung", ("de",)) == "wirtschaftsforder"
    assert query_stems("Unternehmens", "de") == ("unternehm",)
    # German stop words go: "der", "für", "die".
    assert normalise("der Verband für die Region", ("de",)) == "verband region"


def test_the_german_version_is_translated_as_the_english_one(german):
    release = german.de.release
    assert release.locale.language_code == "de"
    assert release.translation_key == german.it.release.translation_key
    assert release.title == "Treffen mit Unternehmen der Region Stuttgart"
    assert release.date == german.it.release.date  # copied, not translated
    # Published by the translator, whose role covers the German tree and not the Italian one.
    assert release.get_latest_revision().user == german.translator
    assert release.permissions_for_user(german.translator).can_publish()
    assert not german.it.release.permissions_for_user(german.translator).can_edit()
    # The English version is untouched by the German one.
    assert german.en.release.title == "EN Incontro con le imprese di Stoccarda"


def test_the_german_translation_is_served_under_de(client, german):
    url = german.de.release.get_url()
    assert url == "/de/comunicati-stampa-de/treffen-unternehmen-stuttgart/"
    response = client.get(url)
    assert response.status_code == 200
    assert '<html lang="de">' in response.content.decode()
    text = html.text(response)
    assert (
        "Die Wirtschaftsförderung Region Stuttgart lädt die Unternehmen des Clusters ein." in text
    )
    assert "Una giornata di incontri" not in text


@pytest.mark.parametrize("shown", ["it", "en", "de"])
def test_every_version_links_the_german_one(client, german, shown):
    release = {"it": german.it.release, "en": german.en.release, "de": german.de.release}
    page = switcher_and_alternates(client.get(release[shown].get_url()))
    assert page.alternates == {
        "it": release["it"].get_full_url(),
        "en": release["en"].get_full_url(),
        "de": release["de"].get_full_url(),
        "x-default": release["it"].get_full_url(),
    }
    assert {code: link["href"] for code, link in page.switcher.items()} == {
        code: version.get_url() for code, version in release.items()
    }
    # Its own name, with no "this page is not translated" note.
    assert page.switcher["de"]["text"] == "Deutsch"


SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def test_the_sitemap_lists_the_german_version_with_its_alternates(client, german):
    root = ET.fromstring(client.get("/sitemap.xml").content)
    entries = {
        entry.findtext(f"{SITEMAP}loc"): {
            link.get("hreflang"): link.get("href") for link in entry.iter(f"{XHTML}link")
        }
        for entry in root.iter(f"{SITEMAP}url")
    }
    expected = {
        "it": german.it.release.get_full_url(),
        "en": german.en.release.get_full_url(),
        "de": german.de.release.get_full_url(),
        "x-default": german.it.release.get_full_url(),
    }
    for code in ("it", "en", "de"):
        assert entries[expected[code]] == expected
    assert entries[german.de.home.get_full_url()]["de"] == german.de.home.get_full_url()


def test_a_german_inflected_query_finds_the_german_page(client, german):
    # The text says "Region"; only German stemming makes "Regionen" meet it.
    response = client.get("/de/search/", {"q": "Regionen"})
    assert response.status_code == 200
    assert german.de.release.get_url() in html.hrefs(response)

    api = client.get("/api/v2/search/", {"q": "Wirtschaftsförderungen", "locale": "de"})
    assert api.status_code == 200, api.content
    assert [item["id"] for item in api.json()["items"]] == [german.de.release.pk]
    # "Stuttgart" stems alike in every language and only the German text has it: the other
    # languages' searches do not see German pages.
    stuttgart = client.get("/api/v2/search/", {"q": "Stuttgart", "locale": "de"}).json()
    assert [item["id"] for item in stuttgart["items"]] == [german.de.release.pk]
    for code in ("it", "en"):
        other = client.get("/api/v2/search/", {"q": "Stuttgart", "locale": code})
        assert other.json()["items"] == []


def test_the_apis_list_german_pages(client, german):
    v2 = client.get("/api/v2/pages/", {"locale": "de", "type": "home.PressReleasePage"})
    assert v2.status_code == 200
    assert [item["id"] for item in v2.json()["items"]] == [german.de.release.pk]
    assert v2.json()["items"][0]["meta"]["locale"] == "de"

    v3 = client.get("/api/v3/pages/", {"locale": "de", "type": "home.PressReleasePage"})
    assert v3.status_code == 200, v3.content
    assert [item["id"] for item in v3.json()["items"]] == [german.de.release.pk]


def test_the_translation_status_reports_german(german):
    output = io.StringIO()
    call_command("translation_status", "--language", "de", stdout=output)
    assert output.getvalue().startswith("Translation status (de)")
    states = {row.source.pk: row.state for row in translation_status(language_code="de").rows}
    assert states[german.it.release.pk] == TranslationState.UP_TO_DATE
    # A page translated into English only is missing in German, and the other way round.
    english_only = publish(PressReleasePageFactory(parent=german.it.index, title="Solo inglese"))
    translate(english_only)
    german_states = {
        row.source.pk: row.state for row in translation_status(language_code="de").rows
    }
    english_states = {
        row.source.pk: row.state for row in translation_status(language_code="en").rows
    }
    assert german_states[english_only.pk] == TranslationState.MISSING
    assert english_states[english_only.pk] == TranslationState.UP_TO_DATE


def test_the_admin_report_shows_each_translation_language(client, german):
    client.force_login(german.translator)
    url = reverse("cordata_translation_status")
    english = client.get(url).content.decode()
    assert "Translations (English)" in english
    assert 'lang="en">EN Incontro con le imprese di Stoccarda</a>' in english
    assert '<option value="de">Deutsch</option>' in english

    response = client.get(url, {"language": "de"})
    assert response.status_code == 200
    content = response.content.decode()
    assert "Translations (German)" in content and "Translation (German)" in content
    assert 'lang="de">Treffen mit Unternehmen der Region Stuttgart</a>' in content
    unknown = client.get(url, {"language": "xx"})
    assert unknown.status_code == 400 and unknown.content.decode() == "Unknown language."
