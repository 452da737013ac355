"""Every page type renders at its Italian URL with the content a visitor comes for."""

import datetime

import pytest
from django.utils import translation
from django_countries.fields import Country
from wagtail.rich_text import RichText

from cms.groups.models import MembershipRole, PartnerKind, ProjectRole, Sector
from cms.knowledge.models import PlanStatus
from tests import html
from tests.factories import (
    PartnerPageFactory,
    PressReleaseDocumentFactory,
    PressReleaseGroupFactory,
    PressReleasePageFactory,
    PressReleasePartnerFactory,
    ProjectDocumentFactory,
    StrategicPlanPageFactory,
    ThematicGroupMembershipFactory,
    ThematicGroupPageFactory,
)

pytestmark = pytest.mark.django_db

BODY_PARAGRAPH = "Il percorso coinvolge aziende, gestori di cluster e agenzie di sviluppo."


def italian(value) -> str:
    """A lazy label or country name as the Italian site shows it."""
    with translation.override("it"):
        return str(value)


@pytest.fixture
def content(site_tree):
    """A small, fixed slice of the project: partners, a group with its plan, a press release."""
    milano = PartnerPageFactory(
        title="Milano Metropoli Agenzia di Sviluppo",
        short_name="Milano Metropoli",
        kind=PartnerKind.DEVELOPMENT_AGENCY,
        country="IT",
        region="Lombardia",
        city="Sesto San Giovanni",
    )
    ptp = PartnerPageFactory(
        title="Parco Tecnologico Padano",
        short_name="PTP",
        kind=PartnerKind.RESEARCH_CENTRE,
        project_role=ProjectRole.ASSOCIATED,
        country="IT",
        region="Lombardia",
        city="Lodi",
    )
    usti = PartnerPageFactory(
        title="Regional Development Agency of Usti Region",
        short_name="RDA Usti",
        project_role=ProjectRole.LEAD_PARTNER,
        country="CZ",
        region="Ústecký kraj",
        city="Ústí nad Labem",
    )
    linz = PartnerPageFactory(
        title="Upper Austrian Chamber of Commerce",
        short_name="WKO Oberösterreich",
        kind=PartnerKind.CHAMBER_OF_COMMERCE,
        country="AT",
        region="Oberösterreich",
        city="Linz",
    )
    agrifood = ThematicGroupPageFactory(
        title="Agroalimentare",
        sector=Sector.AGRI_FOOD,
        objectives="<p>Un meta-cluster transnazionale dell'agroalimentare.</p>",
        activities=[
            (
                "exchange_forum",
                {
                    "title": "Exchange forum di Lodi",
                    "date": datetime.date(2012, 3, 15),
                    "place": "Lodi",
                    "description": RichText("<p>I gestori di cluster a confronto.</p>"),
                },
            ),
            (
                "study_visit",
                {
                    "title": "Visita studio a Stoccarda",
                    "date": datetime.date(2012, 5, 10),
                    "place": "Stoccarda",
                    "description": RichText("<p>Visita ai cluster del Baden-Württemberg.</p>"),
                },
            ),
        ],
    )
    tourism = ThematicGroupPageFactory(title="Turismo", sector=Sector.TOURISM)
    ThematicGroupMembershipFactory(page=agrifood, partner=milano, role=MembershipRole.COORDINATOR)
    ThematicGroupMembershipFactory(page=agrifood, partner=ptp, role=MembershipRole.SUPPORT)
    ThematicGroupMembershipFactory(page=agrifood, partner=usti, role=MembershipRole.MEMBER)
    ThematicGroupMembershipFactory(page=tourism, partner=linz, role=MembershipRole.COORDINATOR)
    plan_pdf = ProjectDocumentFactory(title="Piano strategico agroalimentare (PDF)")
    plan = StrategicPlanPageFactory(
        title="Piano strategico agroalimentare",
        group=agrifood,
        status=PlanStatus.CONSULTATION,
        version="0.7",
        summary="Le azioni verso il meta-cluster agroalimentare transnazionale.",
        attachment=plan_pdf,
    )
    release = PressReleasePageFactory(
        title="Avviati i cinque gruppi tematici",
        date=datetime.date(2012, 1, 16),
        lead="Sono appena stati avviati i cinque gruppi tematici del progetto Clusters Cord.",
        body=[("paragraph", RichText(f"<p>{BODY_PARAGRAPH}</p>"))],
        tags=["gruppi tematici", "Clusters Cord"],
    )
    PressReleaseGroupFactory(page=release, group=agrifood)
    PressReleasePartnerFactory(page=release, partner=milano)
    attachment = PressReleaseDocumentFactory(
        page=release, document=ProjectDocumentFactory(title="Comunicato stampa in PDF")
    )
    return {
        "milano": milano,
        "ptp": ptp,
        "usti": usti,
        "linz": linz,
        "agrifood": agrifood,
        "tourism": tourism,
        "plan": plan,
        "release": release,
        "attachment": attachment.document,
        "tree": site_tree,
    }


def get_ok(client, page):
    url = page.url
    assert url.startswith("/it/"), url
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    assert response["Content-Type"].startswith("text/html")
    return response


def shows_name(text: str, partner) -> bool:
    return partner.title in text or partner.display_name in text


def test_home_page(client, content):
    response = get_ok(client, content["tree"].home)
    assert content["tree"].home.url == "/it/"
    text = html.text(response)
    assert "Avviati i cinque gruppi tematici" in text
    assert "Agroalimentare" in text and "Turismo" in text
    for key in ("milano", "ptp", "usti", "linz"):
        assert shows_name(text, content[key]), key
    for code in ("IT", "CZ", "AT"):
        assert italian(Country(code).name) in text


def test_press_release_page(client, content):
    release = content["release"]
    response = get_ok(client, release)
    raw = response.content.decode()
    text = html.text(response)
    assert release.title in text
    assert 'datetime="2012-01-16"' in raw or "16 gennaio 2012" in text
    assert release.lead in text
    assert BODY_PARAGRAPH in text
    assert "gruppi tematici" in text and "Clusters Cord" in text
    assert "Agroalimentare" in text
    assert shows_name(text, content["milano"])
    assert "Comunicato stampa in PDF" in text
    assert content["attachment"].url in html.hrefs(response)
    assert content["agrifood"].url in html.hrefs(response)
    assert content["milano"].url in html.hrefs(response)


def test_press_release_index_lists_its_releases(client, content):
    older = PressReleasePageFactory(title="Conferenza di benchmarking a Milano")
    response = get_ok(client, content["tree"].press_index)
    text = html.text(response)
    assert "Avviati i cinque gruppi tematici" in text
    assert older.title in text
    hrefs = html.hrefs(response)
    assert content["release"].url in hrefs and older.url in hrefs


def test_partner_page(client, content):
    partner = content["usti"]
    response = get_ok(client, partner)
    text = html.text(response)
    assert partner.title in text
    assert "RDA Usti" in text
    assert italian(partner.country.name) in text
    assert "Ústecký kraj" in text
    assert "Ústí nad Labem" in text
    # The groups come from the groups' memberships, not from a field on the partner.
    assert "Agroalimentare" in text
    assert content["agrifood"].url in html.hrefs(response)
    assert content["tourism"].url not in html.hrefs(response)


def test_partner_without_groups(client, content):
    loner = PartnerPageFactory(title="BSC Business Support Centre", country="SI", city="Kranj")
    response = get_ok(client, loner)
    text = html.text(response)
    assert "BSC Business Support Centre" in text
    assert italian(loner.country.name) in text
    assert content["agrifood"].url not in html.hrefs(response)


def test_partner_index_lists_its_partners(client, content):
    response = get_ok(client, content["tree"].partner_index)
    text = html.text(response)
    for key in ("milano", "ptp", "usti", "linz"):
        assert content[key].title in text, key
        assert content[key].url in html.hrefs(response), key
    assert italian(content["usti"].country.name) in text


def test_thematic_group_page(client, content):
    group = content["agrifood"]
    response = get_ok(client, group)
    text = html.text(response)
    assert group.title in text
    assert italian(group.get_sector_display()) in text
    assert shows_name(text, content["milano"])
    assert shows_name(text, content["ptp"])
    assert shows_name(text, content["usti"])
    assert not shows_name(text, content["linz"])
    assert "Exchange forum di Lodi" in text
    assert "Visita studio a Stoccarda" in text
    assert content["plan"].url in html.hrefs(response)


def test_thematic_group_index_lists_its_groups(client, content):
    response = get_ok(client, content["tree"].group_index)
    text = html.text(response)
    assert "Agroalimentare" in text and "Turismo" in text
    hrefs = html.hrefs(response)
    assert content["agrifood"].url in hrefs and content["tourism"].url in hrefs
    assert italian(content["tourism"].get_sector_display()) in text


def test_strategic_plan_page(client, content):
    plan = content["plan"]
    response = get_ok(client, plan)
    text = html.text(response)
    assert plan.title in text
    assert italian(plan.get_status_display()) in text
    assert "0.7" in text
    assert plan.summary in text
    assert "Rafforzare la cooperazione tra i cluster" in text
    assert "Mappatura delle competenze" in text
    assert "Numero di imprese mappate" in text
    assert content["agrifood"].url in html.hrefs(response)
    assert plan.attachment.url in html.hrefs(response)


def test_knowledge_index_lists_plans_and_documents(client, content):
    response = get_ok(client, content["tree"].knowledge_index)
    text = html.text(response)
    assert "Piano strategico agroalimentare" in text
    assert content["plan"].url in html.hrefs(response)
    assert "Comunicato stampa in PDF" in text


def test_unknown_url_is_a_styled_404(client, content):
    response = client.get("/it/questa-pagina-non-esiste/")
    assert response.status_code == 404
    raw = response.content.decode()
    for landmark in ("<html", "<header", "<main", "<footer"):
        assert landmark in raw, landmark
    assert "Cordata" in html.text(response)
    # The layout's navigation still leads back into the site.
    assert content["tree"].press_index.url in html.hrefs(response)


def test_unknown_url_below_a_page_is_a_404(client, content):
    response = client.get(content["release"].url + "non-esiste/")
    assert response.status_code == 404
    assert "<main" in response.content.decode()


class TestDrafts:
    """Unpublished pages answer 404 and are left out of every listing."""

    def test_draft_press_release(self, client, content):
        draft = PressReleasePageFactory(title="Bozza: seconda conferenza", live=False)
        assert client.get(draft.url).status_code == 404
        for page in (content["tree"].press_index, content["tree"].home):
            assert "Bozza: seconda conferenza" not in html.text(get_ok(client, page))

    def test_draft_partner(self, client, content):
        draft = PartnerPageFactory(title="Bozza di profilo partner", country="PL", live=False)
        assert client.get(draft.url).status_code == 404
        for page in (content["tree"].partner_index, content["tree"].home):
            assert "Bozza di profilo partner" not in html.text(get_ok(client, page))

    def test_draft_group_and_plan(self, client, content):
        group = ThematicGroupPageFactory(title="Bozza gruppo ICT", sector=Sector.ICT, live=False)
        plan = StrategicPlanPageFactory(title="Bozza piano ICT", live=False)
        assert client.get(group.url).status_code == 404
        assert client.get(plan.url).status_code == 404
        assert "Bozza gruppo ICT" not in html.text(get_ok(client, content["tree"].group_index))
        assert "Bozza piano ICT" not in html.text(get_ok(client, content["tree"].knowledge_index))
        assert "Bozza gruppo ICT" not in html.text(get_ok(client, content["tree"].home))
