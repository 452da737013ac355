"""The Italian interface catalogue: complete, compiled, and what the Italian site actually shows."""

import datetime
import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import formats, translation

from cms.groups.models import MembershipRole, Sector
from tests import html
from tests.factories import (
    PartnerPageFactory,
    PressReleasePageFactory,
    ThematicGroupMembershipFactory,
    ThematicGroupPageFactory,
    locale,
)

CATALOGUE = Path(settings.LOCALE_PATHS[0]) / "it" / "LC_MESSAGES"
PO_PATH = CATALOGUE / "django.po"
MO_PATH = CATALOGUE / "django.mo"

# printf-style placeholders (`%(count)d`, `%s`) and format-style ones (`{name}`).
PLACEHOLDER = re.compile(r"%\([^)]+\)[-#0 +]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]|%[sd]|\{[^{}\s]*\}")


def _translations(catalogue: polib._BaseFile) -> dict[tuple[str | None, str], object]:
    """(context, msgid) → the Italian text, or the tuple of plural forms."""
    return {
        (entry.msgctxt, entry.msgid): (
            tuple(entry.msgstr_plural[n] for n in sorted(entry.msgstr_plural))
            if entry.msgid_plural
            else entry.msgstr
        )
        for entry in catalogue
        if not entry.obsolete
    }


@pytest.fixture(scope="module")
def po() -> polib.POFile:
    return polib.pofile(str(PO_PATH))


def test_the_catalogue_is_italian_with_italian_plural_forms(po):
    assert po.metadata["Language"] == "it"
    assert po.metadata["Plural-Forms"] == "nplurals=2; plural=(n != 1);"
    assert not po.metadata_is_fuzzy


def test_every_entry_is_translated(po):
    assert len(po) > 100
    assert [entry.msgid for entry in po.untranslated_entries()] == []
    assert [entry.msgid for entry in po.fuzzy_entries()] == []
    assert [entry.msgid for entry in po.obsolete_entries()] == []
    for entry in po:
        if entry.msgid_plural:
            assert sorted(entry.msgstr_plural) == [0, 1], entry.msgid
            assert all(entry.msgstr_plural.values()), entry.msgid


def test_translations_keep_their_placeholders(po):
    for entry in po:
        expected = sorted(PLACEHOLDER.findall(entry.msgid))
        forms = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        for form in forms:
            assert sorted(PLACEHOLDER.findall(form)) == expected, (entry.msgid, form)


def test_the_committed_mo_matches_the_po(po, tmp_path):
    fresh = tmp_path / "django.mo"
    po.save_as_mofile(str(fresh))
    compiled = _translations(polib.mofile(str(MO_PATH)))
    expected = _translations(polib.mofile(str(fresh)))
    assert set(compiled) == set(expected), "run `make messages` and commit django.mo"
    stale = sorted(key[1] for key, text in expected.items() if compiled[key] != text)
    assert stale == [], "run `make messages` and commit django.mo"


@pytest.mark.parametrize(
    ("value", "format_name", "expected"),
    [
        (datetime.date(2012, 10, 1), "DATE_FORMAT", "1 ottobre 2012"),
        (datetime.date(2012, 1, 16), "DATE_FORMAT", "16 gennaio 2012"),
        (datetime.date(2012, 3, 5), "j F Y", "5 marzo 2012"),
        (datetime.date(2012, 8, 9), "j E Y", "9 agosto 2012"),
        (datetime.datetime(2012, 12, 3, 9, 5), "DATETIME_FORMAT", "3 dicembre 2012, 09:05"),
    ],
)
def test_italian_dates_have_lowercase_months_and_unpadded_days(value, format_name, expected):
    with translation.override("it"):
        assert formats.date_format(value, format_name) == expected


def test_english_month_names_are_untouched():
    with translation.override("en"):
        assert formats.date_format(datetime.date(2012, 10, 1), "j F Y") == "1 October 2012"


def _get(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return html.text(response)


def test_the_italian_home_reads_in_italian(client, site_tree):
    PressReleasePageFactory(title="Avviati i gruppi", date=datetime.date(2012, 10, 1))
    text = _get(client, site_tree.home.url)
    assert site_tree.home.url == "/it/"
    assert "Ultimi comunicati stampa" in text
    assert "Tutti i comunicati stampa" in text
    assert "Latest press releases" not in text
    assert "1 ottobre 2012" in text


def test_the_english_home_keeps_the_english_labels(client, site_tree):
    english = site_tree.home.copy_for_translation(locale("en"))
    english.save_revision().publish()
    text = _get(client, "/en/")
    assert "Latest press releases" in text
    assert "Ultimi comunicati stampa" not in text


def test_the_partner_index_filters_in_italian(client, site_tree):
    PartnerPageFactory(title="Camera di commercio di Linz", country="AT")
    text = _get(client, site_tree.partner_index.url)
    assert "Paese" in text and "Tutti i paesi" in text
    assert "Tipo di organizzazione" in text and "Applica i filtri" in text
    assert "Country" not in text and "Apply filters" not in text
    assert "1 partner" in text


def test_a_thematic_group_shows_its_sector_and_roles_in_italian(client, site_tree):
    # The title is not the sector's name, so "Agroalimentare" can only come from the label.
    group = ThematicGroupPageFactory(title="Filiere del cibo", sector=Sector.AGRI_FOOD)
    ThematicGroupMembershipFactory(
        page=group, partner=PartnerPageFactory(), role=MembershipRole.COORDINATOR
    )
    text = _get(client, group.url)
    assert "Agroalimentare" in text and "Agri-food" not in text
    assert re.search(r"\bCoordinatore\b", text) and not re.search(r"\bCoordinator\b", text)
    assert "15 marzo 2012" in text
