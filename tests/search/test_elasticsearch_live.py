"""The same searches against a real Elasticsearch 8/9 server, when ELASTICSEARCH_URL names one.

Each test builds its content, rebuilds the index under a prefix of its own and deletes those
indexes afterwards, so the server may be shared.
"""

import io
import os
import uuid

import pytest
from django.core.management import call_command
from django.test import override_settings
from wagtail.search.backends import get_search_backend

from search.selectors import SearchFilters, site_search
from tests.factories import (
    PressReleasePageFactory,
    ProjectDocumentFactory,
    docx_bytes,
    pdf_bytes,
    publish_translation,
    upload,
)

URL = os.environ.get("ELASTICSEARCH_URL", "")

pytestmark = [
    pytest.mark.elasticsearch,
    pytest.mark.django_db,
    pytest.mark.skipif(
        not URL, reason="ELASTICSEARCH_URL is not set: no Elasticsearch server to test against"
    ),
]


@pytest.fixture
def elasticsearch():
    prefix = f"cordata_live_{uuid.uuid4().hex[:8]}_"
    config = {
        "default": {
            "BACKEND": "search.backends.elasticsearch",
            "URLS": [URL],
            "INDEX_PREFIX": prefix,
            "TIMEOUT": 10,
        }
    }
    with override_settings(WAGTAILSEARCH_BACKENDS=config):
        backend = get_search_backend()
        yield backend
        for name in backend.es.indices.get(index=f"{prefix}*", expand_wildcards="all"):
            backend.es.indices.delete(index=name)


@pytest.fixture
def content(site_tree, elasticsearch):
    release = PressReleasePageFactory(
        title="Piani strategici per la qualità del turismo",
        lead="Le agenzie di sviluppo cooperano.",
        tags=["turismo"],
    )
    english = publish_translation(
        release, title="Strategic plans for tourism quality", lead="Agencies cooperate."
    )
    ProjectDocumentFactory(
        title="Rapporto", file=upload("rapporto.pdf", pdf_bytes("Servizi turistici in Slovenia"))
    )
    ProjectDocumentFactory(
        title="Minutes",
        language="en",
        file=upload("minutes.docx", docx_bytes("The partners evaluated companies")),
    )
    call_command("update_index", stdout=io.StringIO())
    elasticsearch.refresh_indexes()
    return {"release": release, "english": english}


def titles(outcome):
    from search.selectors import search_items

    return {item.title for item in search_items(outcome.hits, query=outcome.query, language="it")}


def search(text, language="it", **kwargs):
    return site_search(user=None, text=text, language=language, **kwargs)


def test_italian_inflections_and_accents(content):
    assert "Piani strategici per la qualità del turismo" in titles(search("piano"))
    assert "Piani strategici per la qualità del turismo" in titles(search("qualita"))
    assert "Piani strategici per la qualità del turismo" in titles(search("cooperazione"))


def test_english_in_english_only(content):
    assert titles(search("plan", "en")) == {"Strategic plans for tourism quality"}
    assert "Strategic plans for tourism quality" not in titles(search("plan", "it"))
    assert "Strategic plans for tourism quality" in titles(search("plan", "it", all_languages=True))


def test_the_text_inside_documents(content):
    assert "Rapporto" in titles(search("servizio turistico"))
    assert "Minutes" in titles(search("evaluate company", "en"))


def test_facets(content):
    outcome = search("turismo", filters=SearchFilters(type=("home.PressReleasePage",)))
    assert titles(outcome) == {"Piani strategici per la qualità del turismo"}


def test_saving_updates_the_index(content, elasticsearch):
    PressReleasePageFactory(title="Vendemmia transfrontaliera", lead="Uve.")
    elasticsearch.refresh_indexes()
    assert "Vendemmia transfrontaliera" in titles(search("vendemmie"))
