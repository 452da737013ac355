"""Factories for the knowledge app: documents with real files, the knowledge index, plans."""

import datetime
import io

import factory
import wagtail_factories
from django.core.files.base import ContentFile
from factory.django import DjangoModelFactory
from wagtail.models import Collection
from wagtail.rich_text import RichText

from cms.knowledge.models import (
    DocumentKind,
    KnowledgeIndexPage,
    PlanStatus,
    ProjectDocument,
    StrategicPlanPage,
)

from .home import home_page


def pdf_bytes(text: str) -> bytes:
    """A one-page PDF whose text layer holds `text` (so extraction can be checked)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.drawString(72, 770, text)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def docx_bytes(text: str) -> bytes:
    """A Word document with one paragraph."""
    import docx

    buffer = io.BytesIO()
    document = docx.Document()
    document.add_paragraph(text)
    document.save(buffer)
    return buffer.getvalue()


def pdf_file(name: str = "documento.pdf", text: str = "Piano strategico") -> ContentFile:
    return ContentFile(pdf_bytes(text), name=name)


def docx_file(name: str = "verbale.docx", text: str = "Verbale della riunione") -> ContentFile:
    return ContentFile(docx_bytes(text), name=name)


class ProjectDocumentFactory(DjangoModelFactory):
    """A library document with a small real PDF in the root collection (override `collection`)."""

    title = factory.Sequence(lambda n: f"Documento di progetto {n}")
    file = factory.LazyAttribute(lambda doc: pdf_file(text=doc.title))
    collection = factory.LazyFunction(Collection.get_first_root_node)
    language = "it"
    kind = DocumentKind.REPORT
    description = "Documento prodotto nell'ambito del progetto Clusters Cord."

    class Meta:
        model = ProjectDocument


class KnowledgeIndexPageFactory(wagtail_factories.PageFactory):
    """The knowledge base index, under the Italian home unless `parent` is given."""

    title = "Conoscenza"
    slug = "conoscenza"
    intro = "<p>Piani strategici e documenti dei gruppi tematici.</p>"
    parent = factory.LazyFunction(home_page)

    class Meta:
        model = KnowledgeIndexPage


def knowledge_index() -> KnowledgeIndexPage:
    """The knowledge index under the Italian home, created on first use."""
    existing = KnowledgeIndexPage.objects.child_of(home_page()).first()
    return existing or KnowledgeIndexPageFactory()


class StrategicPlanPageFactory(wagtail_factories.PageFactory):
    """A draft-status (but published) strategic plan with one objective and one action."""

    title = factory.Sequence(lambda n: f"Piano strategico {n}")
    parent = factory.LazyFunction(knowledge_index)
    status = PlanStatus.DRAFT
    version = "0.3"
    summary = "Azioni per arrivare al meta-cluster transnazionale."
    sections = factory.LazyFunction(
        lambda: [
            (
                "objective",
                {
                    "title": "Rafforzare la cooperazione tra i cluster",
                    "description": RichText("<p>Scambio di buone pratiche tra regioni.</p>"),
                },
            ),
            (
                "action",
                {
                    "title": "Mappatura delle competenze",
                    "description": RichText("<p>Una mappa condivisa delle imprese.</p>"),
                    "owner": None,
                    "start": datetime.date(2012, 3, 1),
                    "end": datetime.date(2012, 9, 30),
                    "indicators": ["Numero di imprese mappate"],
                },
            ),
        ]
    )

    class Meta:
        model = StrategicPlanPage
