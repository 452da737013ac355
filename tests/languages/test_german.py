"""A third language from configuration alone: German, with `CORDATA_LANGUAGES=it,en,de`.

A press release written in Italian is translated into German through wagtail-localize (as
`tests/translation/` do for English), served under `/de/`, found by an inflected German query
and listed by both APIs with `locale=de`. Nothing here names German outside the test: the
settings, the URLs, the switcher, the stemming and the APIs follow the configured languages.
"""

import datetime
import io

import pytest
from django.conf import settings
from django.core.management import call_command
from wagtail.rich_text import RichText

from cms.core import languages
from cms.core.selectors import TranslationState, translation_status
from cms.core.services import translation_save
from search.backends.elasticsearch import INDEX_SETTINGS
from search.text import normalise, query_stems
from tests.factories import PressReleasePageFactory, locale
from tests.translation.conftest import fill_strings, in_english, publish, submit_translation

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


def translate_to_german(client, page):
    """The published German version of `page`, started as "Translate this page" does."""
    translation = submit_translation(client, page, locale("de"))
    fill_strings(translation, german_for)
    return translation_save(translation=translation, publish=True).specific


@pytest.fixture
def german(client, site_tree):
    """An Italian press release and its German translation (with its home and index)."""
    from tests.factories import SuperUserFactory

    client.force_login(in_english(SuperUserFactory()))
    home = publish(site_tree.home)
    press_index = publish(site_tree.press_index)
    release = publish(
        PressReleasePageFactory(
            parent=press_index,
            title="Incontro con le imprese di Stoccarda",
            slug="incontro-imprese-stoccarda",
            date=datetime.date(2013, 5, 14),
            lead="La promozione economica della regione di Stoccarda invita le imprese del cluster.",
            body=[("paragraph", RichText("<p>Una giornata di incontri tra imprese.</p>"))],
            contact="Ufficio stampa",
        )
    )
    pages = {
        "home": translate_to_german(client, home),
        "press_index": translate_to_german(client, press_index),
        "release": translate_to_german(client, release),
    }
    client.logout()
    return release, pages


def test_the_configuration_gives_german_everywhere():
    assert languages.codes() == ("it", "en", "de")
    assert languages.source_language() == "it"
    assert settings.LANGUAGE_CODE == "it"
    assert ("de", "Deutsch") in settings.WAGTAIL_CONTENT_LANGUAGES
    analysis = INDEX_SETTINGS["settings"]["analysis"]
    assert analysis["analyzer"]["cordata_de"]["filter"][-1] == "cordata_german_stemmer"
    assert analysis["filter"]["cordata_german_stemmer"] == {
        "type": "snowball",
        "language": "German",
    }


def test_german_words_are_stemmed_in_german():
    assert query_stems("Unternehmens", "de") == tuple(normalise("Unternehmen", ("de",)).split())
    assert normalise("Wirtschaftsförderungen", ("de",)) == normalise(
        "Wirtschaftsförderung", ("de",)
    )
    # Stop words go: "der", "für", "die".
    assert normalise("der Verband für die Region", ("de",)) == normalise("Verband Region", ("de",))


def test_the_german_translation_is_served_under_de(client, german):
    release, pages = german
    german_release = pages["release"]
    assert german_release.locale.language_code == "de"
    assert german_release.translation_key == release.translation_key
    url = german_release.get_url()
    assert url.startswith("/de/") and url.endswith("/treffen-unternehmen-stuttgart/")

    response = client.get(url)
    assert response.status_code == 200
    body = response.content.decode()
    assert '<html lang="de">' in body
    assert "Wirtschaftsförderung Region Stuttgart" in body
    # The hreflang alternates and the switcher list the three versions.
    for code in ("it", "en", "de"):
        assert f'hreflang="{code}"' in body
    assert "Deutsch" in body


def test_the_sitemap_lists_the_german_version(client, german):
    _release, pages = german
    body = client.get("/sitemap.xml").content.decode()
    assert pages["release"].get_url() in body
    assert 'hreflang="de"' in body


def test_a_german_inflected_query_finds_the_german_page(client, german):
    _release, pages = german
    response = client.get("/de/search/", {"q": "Unternehmens"})
    assert response.status_code == 200
    assert pages["release"].get_url() in response.content.decode()

    api = client.get("/api/v2/search/", {"q": "Wirtschaftsförderungen", "locale": "de"}).json()
    assert [item["id"] for item in api["items"]] == [pages["release"].pk]
    # The Italian search does not see German text.
    italian = client.get("/api/v2/search/", {"q": "Unternehmens", "locale": "it"}).json()
    assert italian["items"] == []


def test_the_apis_list_german_pages(client, german):
    _release, pages = german
    v2 = client.get("/api/v2/pages/", {"locale": "de", "type": "home.PressReleasePage"})
    assert v2.status_code == 200
    assert [item["id"] for item in v2.json()["items"]] == [pages["release"].pk]
    assert v2.json()["items"][0]["meta"]["locale"] == "de"

    v3 = client.get("/api/v3/pages/", {"locale": "de", "type": "home.PressReleasePage"})
    assert v3.status_code == 200, v3.content
    assert [item["id"] for item in v3.json()["items"]] == [pages["release"].pk]


def test_the_translation_status_reports_german(german):
    release, pages = german
    output = io.StringIO()
    call_command("translation_status", "--language", "de", stdout=output)
    assert output.getvalue().startswith("Translation status (de)")
    report = translation_status(language_code="de")
    states = {row.source.pk: row.state for row in report.rows}
    assert states[release.pk] == TranslationState.UP_TO_DATE
