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


def odt_bytes(*paragraphs: str, heading: str = "") -> bytes:
    """An OpenDocument text with an optional heading and the given paragraphs."""
    from odf.opendocument import OpenDocumentText
    from odf.text import H, P

    document = OpenDocumentText()
    if heading:
        document.text.addElement(H(outlinelevel=1, text=heading))
    for paragraph in paragraphs:
        document.text.addElement(P(text=paragraph))
    buffer = io.BytesIO()
    document.write(buffer)
    return buffer.getvalue()


def encrypted_pdf_bytes(text: str, *, user_password: str) -> bytes:
    """A PDF holding `text`, encrypted (RC4, which needs no extra library) with `user_password`."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(pdf_bytes(text))).pages:
        writer.add_page(page)
    writer.encrypt(user_password=user_password, owner_password="proprietario", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def blank_pdf_bytes() -> bytes:
    """A valid one-page PDF without any text."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def upload(name: str, data: bytes) -> ContentFile:
    """`data` as a file named `name`, as an upload hands it over."""
    return ContentFile(data, name=name)


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
