"""The demo's private side: a workspace per thematic group with working documents, partner
accounts, a moderator and a translator, and the press-release moderation workflow.

`workspaces_load` is the last step of `load_demo` (see `cms.demo.load.demo_load`); like the
other steps it writes only what differs, so a second load changes nothing. Its documents are
real files made by `cms.demo.files`, filed in the groups' restricted collections.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.html import strip_tags
from wagtail.models import Locale

from cms.groups.models import ThematicGroupPage, WorkspacePage
from cms.groups.services.workspaces import (
    WORKSPACE_INTRO,
    WORKSPACE_SLUG,
    WORKSPACE_TITLE,
    workspace_ensure,
)
from cms.home.models import PressReleaseIndexPage
from cms.home.moderation import press_moderation_ensure
from cms.knowledge.models import DocumentKind, DocumentLanguage

from . import content_en
from .builder import (
    CREATED,
    UNCHANGED,
    StepResult,
    document_upsert,
    login_ensure,
    title_translations,
    translation_publish_ensure,
)
from .content import UserData
from .files import DocumentText, Section

# Logins beyond the public site's: partners' people, a moderator and a translator.
ACCOUNTS = (
    # Milano Metropoli works in Agroalimentare, Turismo and Scienze della Vita.
    UserData("partner", "partner@example.com", "Giulia", "Ferrari", partner="milano-metropoli"),
    # Parco Tecnologico Padano works in Agroalimentare only.
    UserData(
        "partner-ptp", "ptp@example.com", "Marco", "Rossi", partner="parco-tecnologico-padano"
    ),
    UserData(
        "moderator", "moderator@example.com", "Moderazione", "Clusters Cord", groups=("Moderators",)
    ),
    UserData(
        "translator",
        "translator@example.com",
        "Traduzioni",
        "Clusters Cord",
        groups=("Translators",),
    ),
)


@dataclass(frozen=True)
class WorkingDocument:
    """A group's private working document, uploaded by a demo partner (or by nobody)."""

    group: str
    filename: str
    language: str
    kind: str
    text: DocumentText
    description: str
    tags: tuple[str, ...]
    uploaded_by: str = ""


WORKING_DOCUMENTS = (
    WorkingDocument(
        group="agroalimentare",
        filename="bozza-piano-agroalimentare-commenti-partner.docx",
        language=DocumentLanguage.ITALIAN,
        kind=DocumentKind.PLAN,
        uploaded_by="partner",
        tags=("bozza", "piano strategico", "agroalimentare"),
        description="Bozza interna del piano con i commenti dei partner, da non diffondere.",
        text=DocumentText(
            title="Piano strategico Agroalimentare – bozza con i commenti dei partner",
            subtitle="Documento di lavoro riservato al gruppo",
            sections=(
                Section(
                    "Commenti di Milano Metropoli",
                    (
                        "Rafforzare l'azione sulla tracciabilità con un progetto pilota comune "
                        "tra i cluster lattiero-caseari della Lombardia e del Transdanubio.",
                        "Indicare per ogni azione il partner responsabile e il budget stimato.",
                    ),
                ),
                Section(
                    "Commenti del Parco Tecnologico Padano",
                    (
                        "Aggiungere gli indicatori sulla sicurezza alimentare concordati a Lodi "
                        "e il calendario dei laboratori per le imprese.",
                    ),
                ),
            ),
        ),
    ),
    WorkingDocument(
        group="agroalimentare",
        filename="contatti-imprese-filiera-corta.pdf",
        language=DocumentLanguage.ITALIAN,
        kind=DocumentKind.OTHER,
        uploaded_by="partner-ptp",
        tags=("filiera", "imprese"),
        description="Imprese disponibili per le visite studio sulla filiera corta.",
        text=DocumentText(
            title="Imprese della filiera corta disponibili per le visite studio",
            subtitle="Elenco riservato ai partner del gruppo Agroalimentare",
            sections=(
                Section(
                    "Lombardia",
                    (
                        "Tre cooperative lattiero-casearie del Lodigiano e due aziende "
                        "ortofrutticole hanno dato la loro disponibilità per giugno 2012.",
                    ),
                ),
                Section(
                    "Condizioni",
                    (
                        "Le visite vanno concordate con due settimane di anticipo con il Parco "
                        "Tecnologico Padano; i nomi delle imprese non vanno pubblicati.",
                    ),
                ),
            ),
        ),
    ),
    WorkingDocument(
        group="energia-e-ambiente",
        filename="energy-group-budget-draft.odt",
        language=DocumentLanguage.ENGLISH,
        kind=DocumentKind.REPORT,
        tags=("budget", "energia"),
        description="Draft budget of the group's study visits and demonstration projects.",
        text=DocumentText(
            title="Energy and environment group – draft budget 2012",
            subtitle="Working document for the group's partners",
            sections=(
                Section(
                    "Study visits",
                    (
                        "Travel and interpretation for the Stuttgart Region visit and a second "
                        "visit to Upper Austria planned for October 2012.",
                    ),
                ),
                Section(
                    "Demonstration projects",
                    (
                        "A shared call for building energy-efficiency pilots, to be agreed with "
                        "the cluster managers before the autumn exchange forum.",
                    ),
                ),
            ),
        ),
    ),
    WorkingDocument(
        group="turismo",
        filename="catalogo-comune-offerte-turistiche-bozza.docx",
        language=DocumentLanguage.ITALIAN,
        kind=DocumentKind.DELIVERABLE,
        uploaded_by="partner",
        tags=("turismo", "bozza"),
        description="Prima bozza del catalogo comune delle offerte turistiche.",
        text=DocumentText(
            title="Catalogo comune delle offerte turistiche – prima bozza",
            subtitle="Gruppo tematico Turismo, documento di lavoro",
            sections=(
                Section(
                    "Struttura",
                    (
                        "Una scheda per regione: turismo termale, turismo culturale, percorsi "
                        "enogastronomici e offerte per i visitatori d'affari.",
                    ),
                ),
                Section(
                    "Da completare",
                    (
                        "Mancano le schede della Slovenia e dell'Ungheria; le traduzioni "
                        "saranno affidate dopo l'approvazione del gruppo.",
                    ),
                ),
            ),
        ),
    ),
    WorkingDocument(
        group="ict",
        filename="web-platform-vendor-comparison.pdf",
        language=DocumentLanguage.ENGLISH,
        kind=DocumentKind.REPORT,
        tags=("strumenti web", "ICT"),
        description="Comparison of the offers received for the groups' web platform.",
        text=DocumentText(
            title="Thematic groups web platform – comparison of the offers",
            subtitle="Confidential: for the ICT group's partners only",
            sections=(
                Section(
                    "Offers received",
                    (
                        "Three offers were received; prices and names stay within the group "
                        "until the procurement is closed.",
                    ),
                ),
                Section(
                    "Recommendation",
                    (
                        "The group recommends an open-source platform hosted by one of the "
                        "partners, with a shared document library for each thematic group.",
                    ),
                ),
            ),
        ),
    ),
    WorkingDocument(
        group="scienze-della-vita",
        filename="proposta-bando-biotecnologie-appunti.odt",
        language=DocumentLanguage.ITALIAN,
        kind=DocumentKind.MINUTES,
        uploaded_by="partner",
        tags=("trasferimento tecnologico", "bozza"),
        description="Appunti per una proposta comune sui bandi europei nelle biotecnologie.",
        text=DocumentText(
            title="Appunti per la proposta comune sulle biotecnologie",
            subtitle="Gruppo tematico Scienze della Vita",
            sections=(
                Section(
                    "Idea di progetto",
                    (
                        "Una rete di laboratori per il trasferimento tecnologico ai dispositivi "
                        "medici, con un servizio comune di consulenza brevettuale.",
                    ),
                ),
                Section(
                    "Partner interessati",
                    (
                        "Il centro di ricerca di Ústí nad Labem, Milano Metropoli e la regione "
                        "di Stoccarda; ARLEG valuterà entro settembre.",
                    ),
                ),
            ),
        ),
    ),
)

# The English of the workspace pages' strings.
WORKSPACE_INTRO_EN = (
    "The group partners' private space: minutes, drafts and working material. Only the "
    "group's members and the project staff see this page and its documents."
)
WORKSPACE_SLUG_EN = "workspace"
WORKSPACE_TITLE_EN = "Workspace – {title}"


# --- English workspaces -------------------------------------------------------------------


def _english_strings(workspace: WorkspacePage, group: ThematicGroupPage) -> dict[str, str]:
    group_en = content_en.english(group.title) or group.title
    return {
        WORKSPACE_TITLE.format(title=group.title): WORKSPACE_TITLE_EN.format(title=group_en),
        WORKSPACE_SLUG: WORKSPACE_SLUG_EN,
        # The introduction's one paragraph, as wagtail-localize segments it (plain text).
        _plain(WORKSPACE_INTRO): WORKSPACE_INTRO_EN,
    }


def _plain(html: str) -> str:
    return strip_tags(html)


def _english_workspace_ensure(workspace: WorkspacePage, group: ThematicGroupPage) -> str:
    """The English version of `workspace`, published under the English group page."""
    locale = Locale.objects.filter(language_code="en").first()
    if locale is None or group.get_translation_or_none(locale) is None:
        return UNCHANGED
    status, _english = translation_publish_ensure(
        page=workspace, locale=locale, english_for=_english_strings(workspace, group).get
    )
    return status


# --- Documents ----------------------------------------------------------------------------


def _working_document_ensure(data: WorkingDocument, *, workspace, group, users) -> str:
    # The builder's upsert writes real files and is idempotent.
    document, status = document_upsert(
        title=data.text.title,
        collection=workspace.collection,
        filename=data.filename,
        text=data.text,
        fields={
            "language": data.language,
            "kind": data.kind,
            "thematic_group": group,
            "description": data.description,
            "title_translations": title_translations(data.text.title),
            "uploaded_by_user": users.get(data.uploaded_by),
        },
        tags=data.tags,
    )
    return status


# --- Everything ---------------------------------------------------------------------------


@transaction.atomic
def workspaces_load(*, password: str, log: Callable[[str], None] = lambda message: None) -> None:
    """Workspaces, their documents, the demo accounts and the press moderation workflow.

    Runs after the pages, their English versions and the builder's users exist.
    """
    default = Locale.get_default()
    groups = {
        group.slug: group
        for group in ThematicGroupPage.objects.filter(locale=default).order_by("path")
    }
    result = StepResult()
    english = StepResult()
    workspaces = {}
    for slug, group in groups.items():
        # Publishing a group makes its workspace, so a fresh load finds them already there.
        had = WorkspacePage.objects.child_of(group).exists()
        workspaces[slug] = workspace_ensure(group=group)
        result.add(UNCHANGED if had else CREATED)
        english.add(_english_workspace_ensure(workspaces[slug], group))
    log(f"Workspaces: {result}; their English versions: {english}")

    result = StepResult()
    for account in ACCOUNTS:
        result.add(login_ensure(account, password=password))
    log(
        f"Partner, moderator and translator logins ({', '.join(a.username for a in ACCOUNTS)}, "
        f"same password): {result}"
    )

    users = {
        user.username: user
        for user in get_user_model().objects.filter(username__in=[a.username for a in ACCOUNTS])
    }
    result = StepResult()
    for data in WORKING_DOCUMENTS:
        result.add(
            _working_document_ensure(
                data, workspace=workspaces[data.group], group=groups[data.group], users=users
            )
        )
    log(f"Private working documents: {result}")

    index = PressReleaseIndexPage.objects.filter(locale=default).first()
    if index is not None:
        press_moderation_ensure(index=index)
        log("Press release moderation workflow: assigned")
