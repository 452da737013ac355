"""The Clusters Cord demo facts, as data: pages, partners, groups, plans and documents.

Only the loader in `builder.py` turns this into database rows. References between items use
stable keys (page slugs, document keys) so a second load finds what the first one created.
Partners and dates come from the project's press release of January 2012; the activities,
group coordinators other than Milano Metropoli and the plans' contents are illustrative.
"""

import datetime
from dataclasses import dataclass, field

from cms.groups.models import MembershipRole, PartnerKind, ProjectRole, Sector
from cms.knowledge.models import DocumentKind, DocumentLanguage

from .files import DocumentText, Section

D = datetime.date

SITE_NAME = "Clusters Cord"
SITE_HOSTNAME = "localhost"
SITE_PORT = 80
DEFAULT_LANGUAGE = "it"
LANGUAGES = ("it", "en")

DEMO_PASSWORD_ENV = "DEMO_PASSWORD"
DEMO_PASSWORD_DEFAULT = "cordata-demo"
PROJECT_CONTACT = (
    "Milano Metropoli Agenzia di Sviluppo – www.milanomet.it\n"
    "Progetto Clusters Cord – www.clusterscord.eu"
)


# --- Shapes -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of body text."""

    text: str


@dataclass(frozen=True)
class Heading:
    """A section heading inside a body."""

    text: str
    level: str = "h2"


@dataclass(frozen=True)
class Quote:
    """A pull quote."""

    text: str
    attribution: str = ""


@dataclass(frozen=True)
class DocumentLink:
    """A link to a demo document, by its key."""

    document: str
    label: str = ""


BodyBlock = Paragraph | Heading | Quote | DocumentLink


@dataclass(frozen=True)
class UserData:
    """A demo login: staff (a superuser, or a member of auth groups) or a partner's person."""

    username: str
    email: str
    first_name: str
    last_name: str
    superuser: bool = False
    groups: tuple[str, ...] = ()
    partner: str = ""  # the partner's slug, for a partner's person


@dataclass(frozen=True)
class IndexPageData:
    """A section page under the home page."""

    slug: str
    title: str
    intro: tuple[str, ...]
    listing_summary: str = ""


@dataclass(frozen=True)
class PartnerData:
    """A partner organisation."""

    slug: str
    title: str
    short_name: str
    kind: str
    project_role: str
    country: str
    region: str
    city: str
    description: tuple[str, ...]
    website: str = ""


@dataclass(frozen=True)
class ActivityData:
    """A thematic group's activity; `kind` is a block name of ActivityStreamBlock."""

    kind: str
    title: str
    date: datetime.date
    place: str
    description: str


@dataclass(frozen=True)
class GroupData:
    """A thematic group, its partners (slug → role) and activities."""

    slug: str
    title: str
    sector: str
    collection: str
    listing_summary: str
    objectives: tuple[str, ...]
    memberships: tuple[tuple[str, str], ...]
    activities: tuple[ActivityData, ...]


@dataclass(frozen=True)
class ObjectiveData:
    """An objective of a strategic plan."""

    title: str
    description: str


@dataclass(frozen=True)
class ActionData:
    """An action of a strategic plan, owned by a partner (slug)."""

    title: str
    description: str
    owner: str
    start: datetime.date
    end: datetime.date
    indicators: tuple[str, ...]


PlanBlock = Paragraph | ObjectiveData | ActionData


@dataclass(frozen=True)
class PlanData:
    """A thematic group's draft strategic plan and the PDF that carries it."""

    slug: str
    title: str
    group: str
    version: str
    summary: str
    sections: tuple[PlanBlock, ...]
    document_title: str
    filename: str


@dataclass(frozen=True)
class DocumentData:
    """A file in the library: its metadata and the text generated into it."""

    key: str
    collection: str
    filename: str
    language: str
    kind: str
    text: DocumentText
    description: str
    tags: tuple[str, ...] = ()
    group: str = ""

    @property
    def title(self) -> str:
        return self.text.title

    @property
    def file_format(self) -> str:
        return self.filename.rsplit(".", 1)[-1]


@dataclass(frozen=True)
class PressReleaseData:
    """A press release and what it relates to (groups and partners by slug, documents by key)."""

    slug: str
    title: str
    date: datetime.date
    lead: str
    body: tuple[BodyBlock, ...]
    tags: tuple[str, ...]
    groups: tuple[str, ...] = ()
    partners: tuple[str, ...] = ()
    attachments: tuple[str, ...] = ()
    contact: str = PROJECT_CONTACT
    listing_summary: str = ""
    uses_logo: bool = False


@dataclass(frozen=True)
class ImageData:
    """A generated image and its alt text."""

    title: str
    filename: str
    alt_text: str
    caption_lines: tuple[str, ...] = field(default_factory=tuple)


# --- Users --------------------------------------------------------------------------------

USERS = (
    UserData(
        username="admin",
        email="admin@example.com",
        first_name="Amministratore",
        last_name="Clusters Cord",
        superuser=True,
    ),
    UserData(
        username="editor",
        email="editor@example.com",
        first_name="Redazione",
        last_name="Clusters Cord",
        groups=("Editors",),
    ),
)


# --- Home and section pages ---------------------------------------------------------------

HOME_SLUG = "home"
HOME_TITLE = "Clusters Cord"
HOME_LISTING_SUMMARY = (
    "Dieci agenzie di sviluppo e camere di commercio dell'Europa centrale lavorano insieme "
    "per creare cinque meta-cluster transnazionali."
)
HOME_INTRO = (
    "Clusters Cord è un progetto finanziato dal Programma Central Europe dell'Unione europea "
    "per migliorare la gestione, l'innovazione e l'internazionalizzazione dei cluster di imprese.",
    "Agenzie di sviluppo regionale e camere di commercio di dieci regioni europee, in otto paesi, "
    "coinvolgono imprese e gestori di cluster in cinque gruppi tematici: Agroalimentare, "
    "Energia e Ambiente, Turismo, ICT e Scienze della Vita.",
    "Attraverso exchange forum, visite studio e strumenti web, ogni gruppo prepara un piano "
    "strategico per arrivare a un meta-cluster transnazionale nel proprio settore.",
)

LOGO = ImageData(
    title="Clusters Cord – logo del progetto",
    filename="clusters-cord-logo.png",
    alt_text="Logo del progetto Clusters Cord: la scritta Clusters Cord su fondo blu.",
    caption_lines=("Clusters Cord", "Central Europe"),
)

PRESS_INDEX = IndexPageData(
    slug="comunicati",
    title="Comunicati stampa",
    intro=(
        "Le notizie del progetto Clusters Cord: conferenze, exchange forum, visite studio e "
        "l'avanzamento dei piani strategici dei gruppi tematici.",
    ),
    listing_summary="Notizie e comunicati del progetto Clusters Cord.",
)
PARTNER_INDEX = IndexPageData(
    slug="partner",
    title="Partner",
    intro=(
        "Il partenariato di Clusters Cord riunisce agenzie di sviluppo regionale, una camera di "
        "commercio e centri di ricerca di otto paesi dell'Europa centrale, guidati dall'agenzia "
        "di sviluppo regionale della regione di Ústí nad Labem.",
    ),
    listing_summary="Le organizzazioni che partecipano al progetto, paese per paese.",
)
GROUP_INDEX = IndexPageData(
    slug="gruppi",
    title="Gruppi tematici",
    intro=(
        "Cinque gruppi tematici mettono in contatto imprese, gestori di cluster e agenzie di "
        "sviluppo dello stesso settore. Per tutto il 2012 lavorano insieme con exchange forum, "
        "visite studio e strumenti web e multimediali.",
        "Milano Metropoli Agenzia di Sviluppo dirige il lavoro di scambio tra tutti i partner.",
    ),
    listing_summary="Agroalimentare, Energia e Ambiente, Turismo, ICT, Scienze della Vita.",
)
GROUP_INDEX_COORDINATOR = "milano-metropoli"
KNOWLEDGE_INDEX = IndexPageData(
    slug="conoscenza",
    title="Conoscenza",
    intro=(
        "I piani strategici dei gruppi tematici e i documenti pubblici del progetto: "
        "presentazioni, rapporti e verbali.",
    ),
    listing_summary="Piani strategici e documenti del progetto.",
)


# --- Partners -----------------------------------------------------------------------------

PARTNERS = (
    PartnerData(
        slug="rda-usti-region",
        title="Regional Development Agency of Usti Region",
        short_name="RDA Ústí",
        kind=PartnerKind.DEVELOPMENT_AGENCY,
        project_role=ProjectRole.LEAD_PARTNER,
        country="CZ",
        region="Regione di Ústí nad Labem",
        city="Ústí nad Labem",
        description=(
            "Agenzia di sviluppo regionale della regione di Ústí nad Labem, nella Boemia "
            "nord-occidentale. È il capofila (lead partner) del progetto Clusters Cord.",
        ),
    ),
    PartnerData(
        slug="centre-research-innovation-regional-development",
        title="Centre for research, innovation and regional development",
        short_name="",
        kind=PartnerKind.RESEARCH_CENTRE,
        project_role=ProjectRole.PARTNER,
        country="CZ",
        region="",
        city="",
        description=(
            "Centro ceco di ricerca, innovazione e sviluppo regionale, partner del progetto "
            "Clusters Cord.",
        ),
    ),
    PartnerData(
        slug="rda-bielsko-biala",
        title="Regional Development Agency Bielsko-Biala",
        short_name="RDA Bielsko-Biała",
        kind=PartnerKind.DEVELOPMENT_AGENCY,
        project_role=ProjectRole.PARTNER,
        country="PL",
        region="Slesia",
        city="Bielsko-Biała",
        description=(
            "Agenzia di sviluppo regionale con sede a Bielsko-Biała, nel voivodato della Slesia.",
        ),
    ),
    PartnerData(
        slug="arleg",
        title="ARLEG S.A. Regional Development Agency",
        short_name="ARLEG",
        kind=PartnerKind.DEVELOPMENT_AGENCY,
        project_role=ProjectRole.PARTNER,
        country="PL",
        region="Slesia",
        city="",
        description=("Agenzia di sviluppo regionale della Slesia, in Polonia.",),
    ),
    PartnerData(
        slug="bsc-kranj",
        title="BSC – Business Support Centre",
        short_name="BSC Kranj",
        kind=PartnerKind.DEVELOPMENT_AGENCY,
        project_role=ProjectRole.PARTNER,
        country="SI",
        region="Gorenjska",
        city="Kranj",
        description=(
            "Centro di supporto alle imprese con sede a Kranj, che opera come agenzia di "
            "sviluppo per la regione slovena della Gorenjska.",
        ),
    ),
    PartnerData(
        slug="rda-piestany",
        title="Regional Development Agency of Piestany",
        short_name="RDA Piešťany",
        kind=PartnerKind.DEVELOPMENT_AGENCY,
        project_role=ProjectRole.PARTNER,
        country="SK",
        region="Regione di Trnava",
        city="Piešťany",
        description=(
            "Agenzia di sviluppo regionale di Piešťany, città termale della regione di Trnava, "
            "in Slovacchia.",
        ),
    ),
    PartnerData(
        slug="mid-pannon",
        title="Mid-Pannon Regional Development Company",
        short_name="Mid-Pannon",
        kind=PartnerKind.DEVELOPMENT_AGENCY,
        project_role=ProjectRole.PARTNER,
        country="HU",
        region="Transdanubio centrale",
        city="",
        description=(
            "Società di sviluppo regionale della regione ungherese del Transdanubio centrale.",
        ),
    ),
    PartnerData(
        slug="stuttgart-region",
        title="Stuttgart Region Economic Development Corporation",
        short_name="WRS",
        kind=PartnerKind.DEVELOPMENT_AGENCY,
        project_role=ProjectRole.PARTNER,
        country="DE",
        region="Baden-Württemberg",
        city="Stoccarda",
        description=(
            "Società per lo sviluppo economico della Regione di Stoccarda, nel "
            "Baden-Württemberg (Wirtschaftsförderung Region Stuttgart).",
        ),
    ),
    PartnerData(
        slug="upper-austrian-chamber-of-commerce",
        title="Upper Austrian Chamber of Commerce",
        short_name="WKO Oberösterreich",
        kind=PartnerKind.CHAMBER_OF_COMMERCE,
        project_role=ProjectRole.PARTNER,
        country="AT",
        region="Alta Austria",
        city="Linz",
        description=("Camera di commercio dell'Alta Austria, con sede a Linz.",),
    ),
    PartnerData(
        slug="milano-metropoli",
        title="Milano Metropoli Agenzia di Sviluppo",
        short_name="Milano Metropoli",
        kind=PartnerKind.DEVELOPMENT_AGENCY,
        project_role=ProjectRole.PARTNER,
        country="IT",
        region="Lombardia",
        city="Sesto San Giovanni",
        website="http://www.milanomet.it/",
        description=(
            "Agenzia di sviluppo dell'area milanese con sede a Sesto San Giovanni. Nel progetto "
            "Clusters Cord dirige il lavoro di scambio tra i partner europei e, con il supporto "
            "del Parco Tecnologico Padano, coordina il gruppo tematico Agroalimentare.",
            "Il 25 ottobre 2011 ha organizzato a Sesto San Giovanni la prima International "
            "Benchmarking Conference del progetto.",
        ),
    ),
    PartnerData(
        slug="parco-tecnologico-padano",
        title="Parco Tecnologico Padano",
        short_name="PTP",
        kind=PartnerKind.RESEARCH_CENTRE,
        project_role=ProjectRole.ASSOCIATED,
        country="IT",
        region="Lombardia",
        city="Lodi",
        description=(
            "Parco scientifico e tecnologico di Lodi. Sostiene Milano Metropoli nel "
            "coordinamento del gruppo tematico Agroalimentare.",
        ),
    ),
)


# --- Collections --------------------------------------------------------------------------

PUBLIC_COLLECTION = "Documenti pubblici"


# --- Thematic groups ----------------------------------------------------------------------

C, S, M = MembershipRole.COORDINATOR, MembershipRole.SUPPORT, MembershipRole.MEMBER

GROUPS = (
    GroupData(
        slug="agroalimentare",
        title="Agroalimentare",
        sector=Sector.AGRI_FOOD,
        collection="Gruppo Agroalimentare",
        listing_summary=(
            "Filiere, tracciabilità e qualità dei prodotti agroalimentari: verso un meta-cluster "
            "transnazionale del settore."
        ),
        objectives=(
            "Mettere in rete i cluster agroalimentari delle regioni partner per condividere "
            "pratiche di tracciabilità, sicurezza e qualità lungo la filiera.",
            "Individuare progetti comuni di innovazione tra imprese, centri di ricerca e "
            "agenzie di sviluppo, a partire dall'esperienza del Parco Tecnologico Padano.",
            "Preparare il piano strategico del meta-cluster agroalimentare entro la fine del 2012.",
        ),
        memberships=(
            ("milano-metropoli", C),
            ("parco-tecnologico-padano", S),
            ("rda-bielsko-biala", M),
            ("mid-pannon", M),
            ("rda-piestany", M),
            ("bsc-kranj", M),
        ),
        activities=(
            ActivityData(
                kind="web_tool",
                title="Banca dati online delle buone pratiche di filiera",
                date=D(2012, 2, 15),
                place="Online",
                description=(
                    "Uno spazio web comune dove i partner raccolgono schede sulle buone "
                    "pratiche di tracciabilità e di filiera corta delle loro regioni."
                ),
            ),
            ActivityData(
                kind="exchange_forum",
                title="Primo exchange forum Agroalimentare",
                date=D(2012, 3, 22),
                place="Lodi – Parco Tecnologico Padano",
                description=(
                    "Imprese e gestori di cluster a confronto su tracciabilità dei prodotti, "
                    "sicurezza alimentare e collaborazione lungo la filiera."
                ),
            ),
            ActivityData(
                kind="study_visit",
                title="Visita studio nel Transdanubio centrale",
                date=D(2012, 6, 14),
                place="Transdanubio centrale (Ungheria)",
                description=(
                    "Visita a imprese di trasformazione alimentare e a iniziative di "
                    "cooperazione tra produttori della regione."
                ),
            ),
        ),
    ),
    GroupData(
        slug="energia-e-ambiente",
        title="Energia e Ambiente",
        sector=Sector.ENERGY_ENVIRONMENT,
        collection="Gruppo Energia e Ambiente",
        listing_summary=(
            "Efficienza energetica, fonti rinnovabili ed edilizia sostenibile nei cluster "
            "dell'Europa centrale."
        ),
        objectives=(
            "Confrontare le politiche regionali a sostegno dei cluster dell'energia e "
            "dell'ambiente.",
            "Favorire partnership tra imprese su efficienza energetica, fonti rinnovabili ed "
            "edilizia sostenibile.",
            "Preparare il piano strategico del meta-cluster Energia e Ambiente.",
        ),
        memberships=(
            ("stuttgart-region", C),
            ("upper-austrian-chamber-of-commerce", C),
            ("rda-usti-region", M),
            ("arleg", M),
            ("rda-bielsko-biala", M),
            ("mid-pannon", M),
        ),
        activities=(
            ActivityData(
                kind="study_visit",
                title="Visita studio nella Regione di Stoccarda",
                date=D(2012, 5, 16),
                place="Stoccarda (Baden-Württemberg)",
                description=(
                    "Incontri con imprese e centri di competenza su efficienza energetica "
                    "degli edifici ed edilizia sostenibile."
                ),
            ),
            ActivityData(
                kind="web_tool",
                title="Mappa online delle competenze su energia e ambiente",
                date=D(2012, 7, 2),
                place="Online",
                description=(
                    "Una mappa delle imprese e dei centri di ricerca dei cluster partner, "
                    "consultabile per settore e per regione."
                ),
            ),
            ActivityData(
                kind="exchange_forum",
                title="Exchange forum Energia e Ambiente",
                date=D(2012, 9, 20),
                place="Linz (Alta Austria)",
                description=(
                    "Presentazione dei primi progetti comuni tra imprese e discussione della "
                    "bozza di piano strategico."
                ),
            ),
        ),
    ),
    GroupData(
        slug="turismo",
        title="Turismo",
        sector=Sector.TOURISM,
        collection="Gruppo Turismo",
        listing_summary=(
            "Turismo termale, del benessere e delle destinazioni montane: offerte comuni tra "
            "le regioni partner."
        ),
        objectives=(
            "Condividere modelli di gestione delle destinazioni turistiche e dei cluster del "
            "turismo.",
            "Sviluppare offerte comuni, a partire dal turismo termale e del benessere.",
            "Preparare il piano strategico del meta-cluster Turismo.",
        ),
        memberships=(
            ("rda-piestany", C),
            ("bsc-kranj", M),
            ("rda-bielsko-biala", M),
            ("mid-pannon", M),
            ("milano-metropoli", M),
        ),
        activities=(
            ActivityData(
                kind="exchange_forum",
                title="Exchange forum Turismo",
                date=D(2012, 4, 26),
                place="Piešťany (regione di Trnava)",
                description=(
                    "Operatori del turismo termale e gestori di cluster a confronto sulla "
                    "promozione comune delle destinazioni."
                ),
            ),
            ActivityData(
                kind="study_visit",
                title="Visita studio in Gorenjska",
                date=D(2012, 9, 13),
                place="Kranj e Bled (Gorenjska)",
                description=(
                    "Visita a destinazioni e consorzi turistici della Gorenjska, con un "
                    "approfondimento sul turismo attivo e montano."
                ),
            ),
            ActivityData(
                kind="web_tool",
                title="Catalogo comune delle offerte turistiche",
                date=D(2012, 11, 5),
                place="Online",
                description=("Un catalogo web in più lingue con le offerte delle regioni partner."),
            ),
        ),
    ),
    GroupData(
        slug="ict",
        title="ICT",
        sector=Sector.ICT,
        collection="Gruppo ICT",
        listing_summary=(
            "Tecnologie dell'informazione e della comunicazione per i cluster e le piccole e "
            "medie imprese."
        ),
        objectives=(
            "Mappare le competenze ICT dei cluster delle regioni partner.",
            "Sviluppare gli strumenti web che sostengono il lavoro di tutti i gruppi tematici.",
            "Preparare il piano strategico del meta-cluster ICT.",
        ),
        memberships=(
            ("bsc-kranj", C),
            ("arleg", C),
            ("rda-usti-region", M),
            ("centre-research-innovation-regional-development", M),
            ("stuttgart-region", M),
            ("upper-austrian-chamber-of-commerce", M),
        ),
        activities=(
            ActivityData(
                kind="web_tool",
                title="Piattaforma web dei gruppi tematici",
                date=D(2012, 3, 1),
                place="Online",
                description=(
                    "Uno spazio di lavoro online per documenti, calendari e discussioni dei "
                    "cinque gruppi tematici."
                ),
            ),
            ActivityData(
                kind="exchange_forum",
                title="Exchange forum ICT",
                date=D(2012, 5, 24),
                place="Kranj (Gorenjska)",
                description=(
                    "Servizi digitali per le piccole e medie imprese e collaborazione tra "
                    "cluster ICT."
                ),
            ),
            ActivityData(
                kind="study_visit",
                title="Visita studio in Slesia",
                date=D(2012, 10, 11),
                place="Slesia (Polonia)",
                description="Visita a parchi tecnologici e imprese ICT della Slesia.",
            ),
        ),
    ),
    GroupData(
        slug="scienze-della-vita",
        title="Scienze della Vita",
        sector=Sector.LIFE_SCIENCES,
        collection="Gruppo Scienze della Vita",
        listing_summary=(
            "Biotecnologie, dispositivi medici e ricerca applicata: collaborazione tra centri "
            "di ricerca e imprese."
        ),
        objectives=(
            "Collegare centri di ricerca e imprese delle scienze della vita delle regioni partner.",
            "Individuare servizi comuni per il trasferimento tecnologico.",
            "Preparare il piano strategico del meta-cluster Scienze della Vita.",
        ),
        memberships=(
            ("centre-research-innovation-regional-development", C),
            ("milano-metropoli", M),
            ("stuttgart-region", M),
            ("mid-pannon", M),
            ("arleg", M),
        ),
        activities=(
            ActivityData(
                kind="web_tool",
                title="Repertorio online dei centri di ricerca",
                date=D(2012, 5, 15),
                place="Online",
                description=(
                    "Un elenco dei centri di ricerca e dei servizi di trasferimento "
                    "tecnologico delle regioni partner."
                ),
            ),
            ActivityData(
                kind="exchange_forum",
                title="Exchange forum Scienze della Vita",
                date=D(2012, 6, 7),
                place="Ústí nad Labem",
                description=(
                    "Centri di ricerca e imprese a confronto sul trasferimento tecnologico "
                    "e sull'accesso ai finanziamenti europei per la ricerca."
                ),
            ),
            ActivityData(
                kind="study_visit",
                title="Visita studio in Lombardia",
                date=D(2012, 10, 25),
                place="Milano e Lodi (Lombardia)",
                description=(
                    "Visita a centri di ricerca e imprese biotecnologiche dell'area milanese "
                    "e al Parco Tecnologico Padano."
                ),
            ),
        ),
    ),
)


# --- Strategic plans ----------------------------------------------------------------------


def _plan_intro(sector: str) -> Paragraph:
    return Paragraph(
        f"Questa bozza raccoglie gli obiettivi e le azioni che il gruppo {sector} propone per "
        "arrivare a un meta-cluster transnazionale. Sarà discussa dai partner e aggiornata "
        "dopo gli exchange forum e le visite studio del 2012."
    )


PLANS = (
    PlanData(
        slug="piano-strategico-agroalimentare",
        title="Piano strategico Agroalimentare",
        group="agroalimentare",
        version="0.1",
        summary=(
            "Le azioni per un meta-cluster agroalimentare transnazionale: tracciabilità "
            "lungo la filiera, progetti comuni di innovazione e accesso ai mercati esteri."
        ),
        sections=(
            _plan_intro("Agroalimentare"),
            ObjectiveData(
                "Filiere tracciabili e sicure",
                "Diffondere tra le imprese dei cluster partner sistemi comuni di "
                "tracciabilità dei prodotti lungo tutta la filiera.",
            ),
            ObjectiveData(
                "Innovazione condivisa",
                "Avviare progetti di ricerca applicata tra imprese e centri di ricerca "
                "delle regioni partner.",
            ),
            ActionData(
                title="Linee guida comuni sulla tracciabilità",
                description="Raccolta delle buone pratiche e stesura di linee guida condivise.",
                owner="parco-tecnologico-padano",
                start=D(2012, 4, 1),
                end=D(2012, 12, 31),
                indicators=("Linee guida pubblicate", "Almeno 20 imprese coinvolte"),
            ),
            ActionData(
                title="Incontri d'affari tra produttori",
                description="Incontri bilaterali tra imprese agroalimentari di regioni diverse.",
                owner="milano-metropoli",
                start=D(2012, 9, 1),
                end=D(2013, 6, 30),
                indicators=("Numero di incontri realizzati", "Accordi di collaborazione firmati"),
            ),
        ),
        document_title="Piano strategico Agroalimentare – bozza 0.1",
        filename="piano-strategico-agroalimentare-bozza-0-1.pdf",
    ),
    PlanData(
        slug="piano-strategico-energia-e-ambiente",
        title="Piano strategico Energia e Ambiente",
        group="energia-e-ambiente",
        version="0.1",
        summary=(
            "Le azioni per un meta-cluster Energia e Ambiente: efficienza energetica degli "
            "edifici, fonti rinnovabili e progetti comuni tra imprese."
        ),
        sections=(
            _plan_intro("Energia e Ambiente"),
            ObjectiveData(
                "Efficienza energetica degli edifici",
                "Trasferire tra le regioni le esperienze di edilizia sostenibile e di "
                "riqualificazione energetica.",
            ),
            ObjectiveData(
                "Fonti rinnovabili",
                "Favorire la collaborazione tra produttori di tecnologie per le fonti rinnovabili.",
            ),
            ActionData(
                title="Catalogo delle competenze energetiche",
                description="Una mappa online di imprese e centri di competenza.",
                owner="stuttgart-region",
                start=D(2012, 6, 1),
                end=D(2012, 12, 31),
                indicators=("Imprese censite nella mappa", "Visite alla mappa online"),
            ),
            ActionData(
                title="Missioni imprenditoriali congiunte",
                description="Missioni di imprese tra le regioni partner.",
                owner="upper-austrian-chamber-of-commerce",
                start=D(2012, 10, 1),
                end=D(2013, 9, 30),
                indicators=("Missioni organizzate", "Imprese partecipanti"),
            ),
        ),
        document_title="Piano strategico Energia e Ambiente – bozza 0.1",
        filename="piano-strategico-energia-e-ambiente-bozza-0-1.pdf",
    ),
    PlanData(
        slug="piano-strategico-turismo",
        title="Piano strategico Turismo",
        group="turismo",
        version="0.1",
        summary=(
            "Le azioni per un meta-cluster del turismo: offerte comuni di turismo termale e "
            "del benessere, promozione congiunta delle destinazioni."
        ),
        sections=(
            _plan_intro("Turismo"),
            ObjectiveData(
                "Offerte turistiche comuni",
                "Costruire pacchetti che colleghino le destinazioni termali e montane delle "
                "regioni partner.",
            ),
            ActionData(
                title="Catalogo comune delle offerte",
                description="Un catalogo web in più lingue con le offerte delle regioni.",
                owner="rda-piestany",
                start=D(2012, 6, 1),
                end=D(2012, 11, 30),
                indicators=("Offerte pubblicate nel catalogo", "Lingue disponibili"),
            ),
            ActionData(
                title="Formazione per gli operatori turistici",
                description="Seminari sulla gestione delle destinazioni.",
                owner="bsc-kranj",
                start=D(2012, 10, 1),
                end=D(2013, 3, 31),
                indicators=("Operatori formati",),
            ),
        ),
        document_title="Piano strategico Turismo – bozza 0.1",
        filename="piano-strategico-turismo-bozza-0-1.pdf",
    ),
    PlanData(
        slug="piano-strategico-ict",
        title="Piano strategico ICT",
        group="ict",
        version="0.1",
        summary=(
            "Le azioni per un meta-cluster ICT: mappatura delle competenze, servizi digitali "
            "per le imprese e strumenti web per la cooperazione tra cluster."
        ),
        sections=(
            _plan_intro("ICT"),
            ObjectiveData(
                "Servizi digitali per le imprese",
                "Diffondere servizi ICT che aiutino le piccole e medie imprese dei cluster a "
                "lavorare in rete.",
            ),
            ActionData(
                title="Mappatura delle competenze ICT",
                description="Un questionario comune ai cluster ICT delle regioni partner.",
                owner="arleg",
                start=D(2012, 3, 1),
                end=D(2012, 9, 30),
                indicators=("Questionari raccolti", "Rapporto di mappatura pubblicato"),
            ),
            ActionData(
                title="Piattaforma web dei gruppi tematici",
                description="Manutenzione e sviluppo dello spazio di lavoro online.",
                owner="bsc-kranj",
                start=D(2012, 3, 1),
                end=D(2013, 12, 31),
                indicators=("Utenti attivi sulla piattaforma",),
            ),
        ),
        document_title="Piano strategico ICT – bozza 0.1",
        filename="piano-strategico-ict-bozza-0-1.pdf",
    ),
    PlanData(
        slug="piano-strategico-scienze-della-vita",
        title="Piano strategico Scienze della Vita",
        group="scienze-della-vita",
        version="0.1",
        summary=(
            "Le azioni per un meta-cluster delle scienze della vita: collaborazione tra centri "
            "di ricerca e imprese e servizi comuni di trasferimento tecnologico."
        ),
        sections=(
            _plan_intro("Scienze della Vita"),
            ObjectiveData(
                "Ricerca e imprese in rete",
                "Collegare i centri di ricerca con le imprese biotecnologiche e dei "
                "dispositivi medici delle regioni partner.",
            ),
            ActionData(
                title="Repertorio dei centri di ricerca",
                description="Un elenco online di laboratori e servizi di trasferimento tecnologico.",
                owner="centre-research-innovation-regional-development",
                start=D(2012, 5, 1),
                end=D(2012, 12, 31),
                indicators=("Centri di ricerca censiti",),
            ),
            ActionData(
                title="Progetti comuni di ricerca applicata",
                description="Preparazione di proposte congiunte per bandi europei.",
                owner="milano-metropoli",
                start=D(2012, 11, 1),
                end=D(2013, 12, 31),
                indicators=("Proposte presentate", "Partner coinvolti per proposta"),
            ),
        ),
        document_title="Piano strategico Scienze della Vita – bozza 0.1",
        filename="piano-strategico-scienze-della-vita-bozza-0-1.pdf",
    ),
)


# --- Documents ----------------------------------------------------------------------------

_PARTNER_LIST_TEXT = (
    "I partner del progetto sono: Regional Development Agency of Usti Region (capofila, "
    "Repubblica Ceca), Centre for research, innovation and regional development (Repubblica "
    "Ceca), Regional Development Agency Bielsko-Biala (Polonia), ARLEG S.A. Regional "
    "Development Agency (Polonia), BSC – Business Support Centre (Slovenia), Regional "
    "Development Agency of Piestany (Slovacchia), Mid-Pannon Regional Development Company "
    "(Ungheria), Stuttgart Region Economic Development Corporation (Germania), Upper Austrian "
    "Chamber of Commerce (Austria) e Milano Metropoli Agenzia di Sviluppo (Italia)."
)

DOCUMENTS = (
    DocumentData(
        key="presentazione-progetto",
        collection=PUBLIC_COLLECTION,
        filename="clusters-cord-presentazione.pdf",
        language=DocumentLanguage.ITALIAN,
        kind=DocumentKind.PRESENTATION,
        tags=("Clusters Cord", "Central Europe", "cluster"),
        description="Obiettivi, partner e gruppi tematici del progetto Clusters Cord.",
        text=DocumentText(
            title="Clusters Cord – presentazione del progetto",
            subtitle="Programma Central Europe",
            sections=(
                Section(
                    "Obiettivi",
                    (
                        "Clusters Cord vuole migliorare la gestione, l'innovazione e "
                        "l'internazionalizzazione dei cluster di imprese dell'Europa centrale.",
                        "Il progetto coinvolge aziende, gestori di cluster e agenzie di sviluppo "
                        "di dieci regioni europee.",
                    ),
                ),
                Section("Partner", (_PARTNER_LIST_TEXT,)),
                Section(
                    "Gruppi tematici",
                    (
                        "Cinque gruppi tematici – Agroalimentare, Energia e Ambiente, Turismo, "
                        "ICT e Scienze della Vita – lavorano con exchange forum, visite studio e "
                        "strumenti web per creare meta-cluster transnazionali.",
                    ),
                ),
            ),
        ),
    ),
    DocumentData(
        key="project-presentation-en",
        collection=PUBLIC_COLLECTION,
        filename="clusters-cord-project-presentation.docx",
        language=DocumentLanguage.ENGLISH,
        kind=DocumentKind.PRESENTATION,
        tags=("Clusters Cord", "Central Europe"),
        description="The Clusters Cord project in brief, in English.",
        text=DocumentText(
            title="Clusters Cord – project presentation",
            subtitle="Central Europe Programme",
            sections=(
                Section(
                    "Aim",
                    (
                        "Clusters Cord improves the management, innovation and "
                        "internationalisation of business clusters in Central Europe.",
                    ),
                ),
                Section(
                    "Partnership",
                    (
                        "Ten regional development agencies, chambers of commerce and research "
                        "centres from eight countries, led by the Regional Development Agency "
                        "of Usti Region.",
                    ),
                ),
                Section(
                    "Thematic groups",
                    (
                        "Five thematic groups – agri-food, energy and environment, tourism, "
                        "ICT and life sciences – meet in exchange forums and study visits and "
                        "each draft a strategic plan towards a transnational meta-cluster.",
                    ),
                ),
            ),
        ),
    ),
    DocumentData(
        key="rapporto-benchmarking-conference",
        collection=PUBLIC_COLLECTION,
        filename="international-benchmarking-conference-rapporto.docx",
        language=DocumentLanguage.ITALIAN,
        kind=DocumentKind.REPORT,
        tags=("benchmarking", "cluster"),
        description=(
            "Rapporto sulla prima International Benchmarking Conference, Sesto San Giovanni, "
            "25 ottobre 2011."
        ),
        text=DocumentText(
            title="International Benchmarking Conference – rapporto",
            subtitle="Sesto San Giovanni – Milano, 25 ottobre 2011",
            sections=(
                Section(
                    "Partecipanti",
                    (
                        "Alla conferenza, organizzata da Milano Metropoli Agenzia di Sviluppo, "
                        "hanno partecipato oltre 120 imprese, gestori di cluster e operatori di "
                        "sviluppo territoriale europei.",
                    ),
                ),
                Section(
                    "Temi",
                    (
                        "Modelli di gestione dei cluster, strategie e politiche a sostegno dello "
                        "sviluppo di cluster regionali e transnazionali.",
                    ),
                ),
                Section(
                    "Risultati",
                    (
                        "I partecipanti hanno iniziato a impostare i cinque gruppi tematici del "
                        "progetto, che partiranno all'inizio del 2012.",
                    ),
                ),
            ),
        ),
    ),
    DocumentData(
        key="press-release-thematic-groups-en",
        collection=PUBLIC_COLLECTION,
        filename="clusters-cord-thematic-groups-press-release-en.pdf",
        language=DocumentLanguage.ENGLISH,
        kind=DocumentKind.OTHER,
        tags=("gruppi tematici", "meta-cluster"),
        description="English version of the press release on the launch of the thematic groups.",
        text=DocumentText(
            title="Clusters Cord launches five thematic groups",
            subtitle="Press release – January 2012",
            sections=(
                Section(
                    "Five groups for 2012",
                    (
                        "Five thematic groups – agri-food, energy and environment, tourism, "
                        "ICT and life sciences – have started work. Throughout 2012 they will "
                        "organise exchange forums and study visits and set up web and "
                        "multimedia tools, aiming at transnational meta-clusters.",
                    ),
                ),
                Section(
                    "Where it started",
                    (
                        "Participants first met on 25 October 2011 in Sesto San Giovanni – "
                        "Milan, at the project's first International Benchmarking Conference, "
                        "organised by Milano Metropoli Development Agency and attended by more "
                        "than 120 companies, cluster managers and development operators.",
                    ),
                ),
                Section(
                    "Next steps",
                    (
                        "In the coming months the coordinators of each group will draft a "
                        "strategic plan listing the actions needed to build the meta-cluster.",
                    ),
                ),
            ),
        ),
    ),
    DocumentData(
        key="verbale-forum-agroalimentare",
        collection="Gruppo Agroalimentare",
        group="agroalimentare",
        filename="verbale-exchange-forum-agroalimentare-lodi.odt",
        language=DocumentLanguage.ITALIAN,
        kind=DocumentKind.MINUTES,
        tags=("exchange forum", "agroalimentare", "tracciabilità"),
        description="Verbale del primo exchange forum del gruppo Agroalimentare.",
        text=DocumentText(
            title="Verbale dell'exchange forum Agroalimentare – Lodi, 22 marzo 2012",
            subtitle="Gruppo tematico Agroalimentare",
            sections=(
                Section(
                    "Presenti",
                    (
                        "Milano Metropoli Agenzia di Sviluppo (coordinamento), Parco "
                        "Tecnologico Padano, RDA Bielsko-Biała, Mid-Pannon, RDA Piešťany, "
                        "BSC Kranj e imprese dei cluster agroalimentari delle regioni partner.",
                    ),
                ),
                Section(
                    "Tracciabilità",
                    (
                        "Il Parco Tecnologico Padano ha presentato strumenti per la "
                        "tracciabilità dei prodotti lungo la filiera, dalla materia prima al "
                        "prodotto confezionato.",
                        "I partner hanno concordato di raccogliere entro giugno le buone "
                        "pratiche di tracciabilità delle rispettive regioni.",
                    ),
                ),
                Section(
                    "Filiera corta e qualità",
                    (
                        "Discussione sulla filiera corta, sui marchi di qualità regionali e "
                        "sulla sicurezza alimentare come leve di internazionalizzazione.",
                    ),
                ),
                Section(
                    "Prossimi passi",
                    (
                        "Visita studio nel Transdanubio centrale a giugno; prima bozza del "
                        "piano strategico entro settembre 2012.",
                    ),
                ),
            ),
        ),
    ),
    DocumentData(
        key="mappatura-filiere-agroalimentari",
        collection="Gruppo Agroalimentare",
        group="agroalimentare",
        filename="mappatura-filiere-agroalimentari.docx",
        language=DocumentLanguage.ITALIAN,
        kind=DocumentKind.DELIVERABLE,
        tags=("agroalimentare", "filiera"),
        description="Schema comune per mappare le filiere agroalimentari delle regioni partner.",
        text=DocumentText(
            title="Mappatura delle filiere agroalimentari regionali",
            subtitle="Schema comune di raccolta dati",
            sections=(
                Section(
                    "Scopo",
                    (
                        "Ogni partner descrive le principali filiere agroalimentari della "
                        "propria regione: prodotti, imprese, centri di ricerca e cluster.",
                    ),
                ),
                Section(
                    "Dati richiesti",
                    (
                        "Numero di imprese per filiera, sistemi di tracciabilità adottati, "
                        "marchi di qualità e mercati esteri raggiunti.",
                    ),
                ),
            ),
        ),
    ),
    DocumentData(
        key="study-visit-stuttgart-report",
        collection="Gruppo Energia e Ambiente",
        group="energia-e-ambiente",
        filename="study-visit-stuttgart-region-report.docx",
        language=DocumentLanguage.ENGLISH,
        kind=DocumentKind.REPORT,
        tags=("visita studio", "energia"),
        description="Report of the energy and environment study visit to the Stuttgart Region.",
        text=DocumentText(
            title="Study visit to the Stuttgart Region – report",
            subtitle="Energy and environment thematic group, 16 May 2012",
            sections=(
                Section(
                    "Programme",
                    (
                        "Meetings with companies and competence centres working on energy "
                        "efficiency of buildings and sustainable construction.",
                    ),
                ),
                Section(
                    "Lessons learnt",
                    (
                        "Cluster managers stressed the value of joint demonstration projects "
                        "and of shared training for installers.",
                    ),
                ),
            ),
        ),
    ),
    DocumentData(
        key="verbale-forum-turismo",
        collection="Gruppo Turismo",
        group="turismo",
        filename="verbale-exchange-forum-turismo-piestany.odt",
        language=DocumentLanguage.ITALIAN,
        kind=DocumentKind.MINUTES,
        tags=("exchange forum", "turismo"),
        description="Verbale dell'exchange forum del gruppo Turismo a Piešťany.",
        text=DocumentText(
            title="Verbale dell'exchange forum Turismo – Piešťany, 26 aprile 2012",
            subtitle="Gruppo tematico Turismo",
            sections=(
                Section(
                    "Turismo termale",
                    (
                        "RDA Piešťany ha presentato l'organizzazione del turismo termale e del "
                        "benessere nella regione di Trnava.",
                    ),
                ),
                Section(
                    "Promozione comune",
                    (
                        "I partner hanno proposto un catalogo comune delle offerte turistiche, "
                        "da pubblicare online in più lingue entro novembre 2012.",
                    ),
                ),
            ),
        ),
    ),
    DocumentData(
        key="web-tool-requirements-ict",
        collection="Gruppo ICT",
        group="ict",
        filename="thematic-groups-web-platform-requirements.odt",
        language=DocumentLanguage.ENGLISH,
        kind=DocumentKind.DELIVERABLE,
        tags=("strumenti web", "ICT"),
        description="Requirements of the web platform shared by the thematic groups.",
        text=DocumentText(
            title="Thematic groups web platform – requirements",
            subtitle="ICT thematic group",
            sections=(
                Section(
                    "Users",
                    (
                        "Cluster managers, companies and development agencies taking part in "
                        "the five thematic groups.",
                    ),
                ),
                Section(
                    "Functions",
                    (
                        "Shared document library, calendar of exchange forums and study "
                        "visits, discussion space for each group.",
                    ),
                ),
            ),
        ),
    ),
    DocumentData(
        key="verbale-forum-scienze-della-vita",
        collection="Gruppo Scienze della Vita",
        group="scienze-della-vita",
        filename="verbale-exchange-forum-scienze-della-vita-usti.pdf",
        language=DocumentLanguage.ITALIAN,
        kind=DocumentKind.MINUTES,
        tags=("exchange forum", "trasferimento tecnologico"),
        description="Verbale dell'exchange forum del gruppo Scienze della Vita.",
        text=DocumentText(
            title="Verbale dell'exchange forum Scienze della Vita – Ústí nad Labem, 7 giugno 2012",
            subtitle="Gruppo tematico Scienze della Vita",
            sections=(
                Section(
                    "Trasferimento tecnologico",
                    (
                        "Centri di ricerca e imprese hanno confrontato i servizi di "
                        "trasferimento tecnologico disponibili nelle regioni partner.",
                    ),
                ),
                Section(
                    "Finanziamenti europei",
                    (
                        "Il gruppo preparerà proposte comuni per i bandi europei di ricerca "
                        "applicata nelle biotecnologie e nei dispositivi medici.",
                    ),
                ),
            ),
        ),
    ),
)


# --- Press releases -----------------------------------------------------------------------

ALL_GROUPS = tuple(group.slug for group in GROUPS)


def plan_document_key(plan: PlanData) -> str:
    """The key under which a plan's PDF is known to press releases and body links."""
    return f"plan:{plan.slug}"


PRESS_RELEASES = (
    PressReleaseData(
        slug="international-benchmarking-conference-25-ottobre",
        title="Il 25 ottobre a Sesto San Giovanni la International Benchmarking Conference",
        date=D(2011, 10, 10),
        lead=(
            "Milano Metropoli Agenzia di Sviluppo ospita la prima conferenza internazionale di "
            "benchmarking del progetto Clusters Cord: imprese, gestori di cluster e agenzie di "
            "sviluppo a confronto su modelli e politiche per i cluster."
        ),
        body=(
            Paragraph(
                "Martedì 25 ottobre 2011 Sesto San Giovanni ospita la prima International "
                "Benchmarking Conference del progetto Clusters Cord, finanziato dal Programma "
                "Central Europe."
            ),
            Paragraph(
                "La conferenza mette a confronto modelli di gestione, strategie e politiche a "
                "sostegno dei cluster di imprese regionali e transnazionali, e prepara l'avvio "
                "dei gruppi tematici del progetto."
            ),
            DocumentLink("presentazione-progetto", "Presentazione del progetto (PDF)"),
        ),
        tags=("benchmarking", "cluster", "Central Europe"),
        partners=("milano-metropoli",),
        attachments=("presentazione-progetto",),
    ),
    PressReleaseData(
        slug="benchmarking-conference-oltre-120-partecipanti",
        title="Oltre 120 partecipanti alla International Benchmarking Conference",
        date=D(2011, 10, 27),
        lead=(
            "Imprese, gestori di cluster e operatori di sviluppo territoriale di tutta Europa "
            "a Sesto San Giovanni per la prima conferenza di benchmarking di Clusters Cord."
        ),
        body=(
            Paragraph(
                "Si è svolta il 25 ottobre a Sesto San Giovanni – Milano la prima International "
                "Benchmarking Conference del progetto Clusters Cord, organizzata da Milano "
                "Metropoli Agenzia di Sviluppo. Vi hanno partecipato oltre 120 imprese, gestori "
                "di cluster e operatori di sviluppo territoriale europei."
            ),
            Heading("I gruppi tematici"),
            Paragraph(
                "Oltre ad approfondire modelli di gestione e politiche per i cluster, i "
                "partecipanti hanno cominciato a impostare i cinque gruppi tematici che "
                "lavoreranno insieme nel 2012."
            ),
            DocumentLink("rapporto-benchmarking-conference", "Rapporto della conferenza"),
        ),
        tags=("benchmarking", "cluster", "gruppi tematici"),
        partners=("milano-metropoli",),
        attachments=("rapporto-benchmarking-conference",),
    ),
    PressReleaseData(
        slug="avviati-cinque-gruppi-tematici",
        title="Clusters Cord: al via i cinque gruppi tematici per i meta-cluster transnazionali",
        date=D(2012, 1, 16),
        lead=(
            "Sono partiti i cinque gruppi tematici del progetto Clusters Cord: per tutto il 2012 "
            "imprese, gestori di cluster e agenzie di sviluppo di dieci regioni europee "
            "lavoreranno insieme per creare meta-cluster transnazionali."
        ),
        body=(
            Paragraph(
                "Agroalimentare, Energia e Ambiente, Turismo, ICT e Scienze della Vita: sono "
                "questi i settori dei cinque gruppi tematici appena avviati. Nel corso del 2012 "
                "organizzeranno exchange forum e visite studio e attiveranno strumenti web e "
                "multimediali, con l'obiettivo di dare vita a meta-cluster transnazionali."
            ),
            Paragraph(
                "Il percorso è stato avviato nell'ambito del progetto Clusters Cord, finanziato dal "
                "Programma comunitario Central Europe, e coinvolge aziende, gestori di cluster e "
                "agenzie di sviluppo di dieci regioni europee."
            ),
            Quote(
                "Migliorare la gestione, l'innovazione e l'internazionalizzazione dei cluster.",
                "L'obiettivo del progetto Clusters Cord",
            ),
            Heading("Dalla conferenza di Sesto San Giovanni ai gruppi di lavoro"),
            Paragraph(
                "I partecipanti ai gruppi si erano incontrati per la prima volta il 25 ottobre "
                "2011 a Sesto San Giovanni – Milano, alla prima International Benchmarking "
                "Conference del progetto, organizzata da Milano Metropoli Agenzia di Sviluppo. "
                "Le oltre 120 imprese, gestori di cluster e operatori di sviluppo territoriale "
                "presenti avevano discusso modelli di gestione, strategie e politiche per i "
                "cluster regionali e transnazionali e avevano cominciato a impostare i gruppi."
            ),
            Paragraph(
                "Milano Metropoli Agenzia di Sviluppo dirige il lavoro di scambio tra tutti i "
                "partner europei e, con il supporto del Parco Tecnologico Padano, coordina il "
                "gruppo Agroalimentare."
            ),
            Heading("I prossimi passi"),
            Paragraph(
                "Nei prossimi mesi i coordinatori dei gruppi prepareranno un piano strategico "
                "per ciascun settore, con le azioni necessarie per arrivare ai cinque "
                "meta-cluster transnazionali."
            ),
            Paragraph(_PARTNER_LIST_TEXT),
            DocumentLink(
                "press-release-thematic-groups-en", "Versione inglese del comunicato (PDF)"
            ),
        ),
        tags=("cluster", "meta-cluster", "gruppi tematici", "Central Europe"),
        groups=ALL_GROUPS,
        partners=("milano-metropoli", "parco-tecnologico-padano"),
        attachments=("press-release-thematic-groups-en",),
        contact=(
            "Per ulteriori informazioni e per la versione inglese del comunicato:\n"
            "Milano Metropoli Agenzia di Sviluppo – www.milanomet.it\n"
            "Progetto Clusters Cord – www.clusterscord.eu"
        ),
        listing_summary=(
            "Agroalimentare, Energia e Ambiente, Turismo, ICT e Scienze della Vita: partono i "
            "gruppi tematici di Clusters Cord."
        ),
        uses_logo=True,
    ),
    PressReleaseData(
        slug="primo-exchange-forum-agroalimentare-lodi",
        title="A Lodi il primo exchange forum del gruppo Agroalimentare",
        date=D(2012, 3, 26),
        lead=(
            "Tracciabilità, sicurezza alimentare e filiera corta al centro del primo exchange "
            "forum del gruppo Agroalimentare, ospitato dal Parco Tecnologico Padano."
        ),
        body=(
            Paragraph(
                "Il 22 marzo il Parco Tecnologico Padano ha ospitato a Lodi il primo exchange "
                "forum del gruppo tematico Agroalimentare di Clusters Cord, coordinato da "
                "Milano Metropoli Agenzia di Sviluppo."
            ),
            Paragraph(
                "Imprese e gestori di cluster di cinque paesi hanno confrontato i sistemi di "
                "tracciabilità dei prodotti lungo la filiera e le esperienze di filiera corta e "
                "di marchi di qualità regionali."
            ),
            Heading("Prossimi appuntamenti"),
            Paragraph(
                "A giugno il gruppo visiterà imprese e iniziative di cooperazione tra produttori "
                "nel Transdanubio centrale, in Ungheria."
            ),
        ),
        tags=("exchange forum", "agroalimentare", "gruppi tematici"),
        groups=("agroalimentare",),
        partners=("milano-metropoli", "parco-tecnologico-padano"),
    ),
    PressReleaseData(
        slug="visita-studio-regione-stoccarda",
        title="Energia e Ambiente: visita studio nella Regione di Stoccarda",
        date=D(2012, 5, 21),
        lead=(
            "Il gruppo Energia e Ambiente ha visitato imprese e centri di competenza della "
            "Regione di Stoccarda attivi nell'efficienza energetica e nell'edilizia sostenibile."
        ),
        body=(
            Paragraph(
                "Il 16 maggio i partner del gruppo tematico Energia e Ambiente sono stati ospiti "
                "della Stuttgart Region Economic Development Corporation, che coordina il "
                "gruppo insieme alla Camera di commercio dell'Alta Austria."
            ),
            Paragraph(
                "La visita ha mostrato come progetti dimostrativi comuni e la formazione degli "
                "installatori possano accelerare la diffusione dell'efficienza energetica "
                "negli edifici."
            ),
        ),
        tags=("visita studio", "energia", "gruppi tematici"),
        groups=("energia-e-ambiente",),
        partners=("stuttgart-region", "upper-austrian-chamber-of-commerce"),
    ),
    PressReleaseData(
        slug="piani-strategici-prime-bozze",
        title="Piani strategici: pronte le prime bozze dei cinque gruppi tematici",
        date=D(2012, 10, 1),
        lead=(
            "I coordinatori dei gruppi tematici di Clusters Cord hanno presentato le prime "
            "bozze dei piani strategici per i cinque meta-cluster transnazionali."
        ),
        body=(
            Paragraph(
                "Ogni piano definisce obiettivi, azioni, responsabili, tempi e indicatori per "
                "arrivare a un meta-cluster transnazionale nel proprio settore."
            ),
            Paragraph(
                "Le bozze, alla versione 0.1, saranno discusse nei prossimi exchange forum e "
                "aggiornate con i contributi di tutti i partner."
            ),
        ),
        tags=("piani strategici", "meta-cluster"),
        groups=ALL_GROUPS,
        partners=(
            "milano-metropoli",
            "stuttgart-region",
            "rda-piestany",
            "bsc-kranj",
            "centre-research-innovation-regional-development",
        ),
        attachments=tuple(plan_document_key(plan) for plan in PLANS),
    ),
)
