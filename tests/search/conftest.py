"""Fixtures for search: the database backend unless a test says otherwise, a clean backend
state, and a small bilingual corpus of every result type."""

import pytest

from search.backends.elasticsearch import ElasticsearchSearchBackend
from tests.factories import docx_bytes, odt_bytes, pdf_bytes, publish_translation, upload


@pytest.fixture(scope="package", autouse=True)
def _database_backend():
    """These tests describe the database backend unless they say otherwise, whatever the environment.

    (ELASTICSEARCH_URL switches the configured backend; the Elasticsearch tests choose theirs.)
    """
    from django.test import override_settings

    with override_settings(
        WAGTAILSEARCH_BACKENDS={"default": {"BACKEND": "search.backends.database"}}
    ):
        yield


@pytest.fixture(autouse=True)
def _fresh_search_state():
    # Elasticsearch outages are remembered per process; each test starts with none.
    ElasticsearchSearchBackend._retry_at.clear()
    yield
    ElasticsearchSearchBackend._retry_at.clear()


@pytest.fixture(scope="module")
def corpus(django_db_setup, django_db_blocker):
    """A small bilingual site with every result type, built once per module and rolled back after.

    Italian: two press releases, two partners (Slovenia, Germany), two thematic groups, a
    strategic plan and documents in PDF, DOCX, ODT and TXT; English: a translated release.
    """
    import datetime

    from django.db import transaction
    from wagtail.rich_text import RichText

    from cms.groups.models import Sector
    from tests.factories import (
        PartnerPageFactory,
        PressReleaseGroupFactory,
        PressReleasePageFactory,
        PressReleasePartnerFactory,
        ProjectDocumentFactory,
        StrategicPlanPageFactory,
        ThematicGroupMembershipFactory,
        ThematicGroupPageFactory,
        home_page,
        knowledge_index,
        partner_index,
        press_release_index,
        thematic_group_index,
    )

    with django_db_blocker.unblock(), transaction.atomic():
        home = home_page()
        press_release_index()
        partner_index()
        thematic_group_index()
        knowledge_index()
        tourism = ThematicGroupPageFactory(
            title="Turismo sostenibile",
            sector=Sector.TOURISM,
            objectives="<p>Destinazioni che collaborano tra regioni.</p>",
        )
        energy = ThematicGroupPageFactory(
            title="Energia e ambiente",
            sector=Sector.ENERGY_ENVIRONMENT,
            objectives="<p>Efficienza nei distretti industriali.</p>",
        )
        slovenia = PartnerPageFactory(
            title="Agenzia regionale della Savinjska",
            country="SI",
            description="<p>Sostiene le destinazioni turistiche della regione.</p>",
        )
        germany = PartnerPageFactory(
            title="Camera di commercio di Stoccarda",
            country="DE",
            description="<p>Rappresenta le aziende del Baden-Württemberg.</p>",
        )
        ThematicGroupMembershipFactory(page=tourism, partner=slovenia)
        ThematicGroupMembershipFactory(page=energy, partner=germany)
        release = PressReleasePageFactory(
            title="Piani strategici per la qualità del turismo",
            date=datetime.date(2012, 1, 16),
            lead="Le agenzie di sviluppo cooperano per destinazioni di qualità.",
            body=[("paragraph", RichText("<p>Un percorso <b>comune</b> tra dieci regioni.</p>"))],
            tags=["turismo", "qualita"],
        )
        PressReleaseGroupFactory(page=release, group=tourism)
        PressReleasePartnerFactory(page=release, partner=slovenia)
        forum = PressReleasePageFactory(
            title="Forum sull'efficienza energetica",
            date=datetime.date(2013, 5, 10),
            lead="Il gruppo si riunisce a Stoccarda per valutare le imprese.",
            tags=["energia"],
        )
        PressReleaseGroupFactory(page=forum, group=energy)
        PressReleasePartnerFactory(page=forum, partner=germany)
        plan = StrategicPlanPageFactory(
            title="Piano d'azione per il turismo",
            group=tourism,
            summary="Valutazione delle destinazioni e formazione degli operatori.",
        )
        documents = {
            "pdf": ProjectDocumentFactory(
                title="Rapporto di valutazione",
                file=upload(
                    "rapporto.pdf", pdf_bytes("Indagine sui servizi turistici in Slovenia")
                ),
                thematic_group=tourism,
            ),
            "docx": ProjectDocumentFactory(
                title="Minutes of the Stuttgart forum",
                language="en",
                file=upload("minutes.docx", docx_bytes("The partners evaluated energy companies")),
                thematic_group=energy,
            ),
            "odt": ProjectDocumentFactory(
                title="Programma",
                file=upload("programma.odt", odt_bytes("Visite di studio nelle cantine")),
            ),
            "txt": ProjectDocumentFactory(
                title="Glossary / Glossario",
                language="other",
                file=upload("glossario.txt", b"Meta-cluster: rete di cluster transnazionale"),
            ),
        }
        documents["pdf"].tags.add("turismo")
        # As the admin does: tags are saved after the document, so it is saved (indexed) again.
        documents["pdf"].save()
        english_release = publish_translation(
            release,
            title="Strategic plans for tourism quality",
            lead="Development agencies cooperate for quality destinations.",
        )
        yield {
            "home": home,
            "tourism": tourism,
            "energy": energy,
            "slovenia": slovenia,
            "germany": germany,
            "release": release,
            "forum": forum,
            "plan": plan,
            "documents": documents,
            "english_release": english_release,
        }
        transaction.set_rollback(True)
