"""Real PDF, DOCX and ODT files generated from plain text, byte-for-byte the same on every run.

Generated files carry no timestamps that change between runs, so a second load sees the same
hash and leaves the stored file alone.
"""

import contextlib
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

# The ZIP epoch: DOS timestamps cannot go earlier, and a constant keeps archives reproducible.
_FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)

# Czech, Polish, Slovak and Hungarian names need glyphs outside Latin-1, which the built-in
# PDF fonts lack; DejaVu covers them and ships with most Linux distributions.
_UNICODE_FONT_CANDIDATES = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/dejavu"),
    Path("/usr/share/fonts/TTF"),
)


@dataclass(frozen=True)
class Section:
    """A titled part of a document: a heading and its paragraphs."""

    heading: str
    paragraphs: tuple[str, ...] = ()


@dataclass(frozen=True)
class DocumentText:
    """The text of a generated document; every output format renders the same text."""

    title: str
    subtitle: str = ""
    sections: tuple[Section, ...] = field(default_factory=tuple)

    def plain_text(self) -> str:
        """The text as a reader (or a search index) sees it, one block per line."""
        lines = [self.title]
        if self.subtitle:
            lines.append(self.subtitle)
        for section in self.sections:
            lines.append(section.heading)
            lines.extend(section.paragraphs)
        return "\n".join(lines)


def render(text: DocumentText, *, file_format: str) -> bytes:
    """The file bytes of `text` in `file_format` ("pdf", "docx" or "odt")."""
    renderers = {"pdf": _pdf, "docx": _docx, "odt": _odt}
    try:
        renderer = renderers[file_format]
    except KeyError:
        raise ValueError(f"Unsupported demo file format: {file_format!r}") from None
    return renderer(text)


def _pdf_fonts() -> tuple[str, str]:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "DemoSans" in pdfmetrics.getRegisteredFontNames():
        return "DemoSans", "DemoSans-Bold"
    for folder in _UNICODE_FONT_CANDIDATES:
        regular, bold = folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"
        if regular.exists() and bold.exists():
            pdfmetrics.registerFont(TTFont("DemoSans", str(regular)))
            pdfmetrics.registerFont(TTFont("DemoSans-Bold", str(bold)))
            return "DemoSans", "DemoSans-Bold"
    return "Helvetica", "Helvetica-Bold"


def _pdf(text: DocumentText) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    regular, bold = _pdf_fonts()
    styles = getSampleStyleSheet()
    for name in ("Title", "Heading2"):
        styles[name].fontName = bold
    for name in ("Italic", "BodyText"):
        styles[name].fontName = regular

    story = [Paragraph(escape(text.title), styles["Title"])]
    if text.subtitle:
        story.append(Paragraph(escape(text.subtitle), styles["Italic"]))
    for section in text.sections:
        story.append(Spacer(1, 8))
        story.append(Paragraph(escape(section.heading), styles["Heading2"]))
        story.extend(Paragraph(escape(p), styles["BodyText"]) for p in section.paragraphs)

    buffer = io.BytesIO()
    # invariant=1 drops the creation date and the random document id from the output.
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=text.title,
        author="Clusters Cord",
        subject=text.subtitle,
        creator="Cordata",
        invariant=1,
    )
    document.build(story)
    return buffer.getvalue()


def _docx(text: DocumentText) -> bytes:
    import datetime

    from docx import Document

    document = Document()
    fixed = datetime.datetime(2012, 1, 1, tzinfo=datetime.UTC)
    properties = document.core_properties
    properties.title = text.title
    properties.subject = text.subtitle
    properties.author = "Clusters Cord"
    properties.last_modified_by = "Clusters Cord"
    properties.created = fixed
    properties.modified = fixed
    properties.revision = 1

    document.add_heading(text.title, level=0)
    if text.subtitle:
        document.add_paragraph(text.subtitle, style="Subtitle")
    for section in text.sections:
        document.add_heading(section.heading, level=1)
        for paragraph in section.paragraphs:
            document.add_paragraph(paragraph)

    buffer = io.BytesIO()
    document.save(buffer)
    return _normalise_zip(buffer.getvalue())


def _odt(text: DocumentText) -> bytes:
    with _odf_namespaces_from_scratch():
        # The first document written into an empty namespace table declares fewer
        # namespaces than the ones after it; a throwaway one fills the table.
        _odt_bytes(DocumentText(title="-"))
        return _odt_bytes(text)


@contextlib.contextmanager
def _odf_namespaces_from_scratch() -> Iterator[None]:
    """Write ODF documents as a fresh process would, whatever odfpy has met before.

    odfpy keeps the namespaces it has met in one class-level table, shared by every document
    it writes or reads, and declares all of them on each root element; without a fresh table
    the bytes of a demo file depended on which ODF files the process had handled earlier.
    """
    from odf.element import Element

    met_before = dict(Element.namespaces)
    Element.namespaces.clear()
    try:
        yield
    finally:
        Element.namespaces.update(met_before)


def _odt_bytes(text: DocumentText) -> bytes:
    from odf import dc
    from odf.opendocument import OpenDocumentText
    from odf.style import ParagraphProperties, Style, TextProperties
    from odf.text import H, P

    document = OpenDocumentText()
    document.meta.addElement(dc.Title(text=text.title))

    heading_style = Style(name="Heading 1", family="paragraph")
    heading_style.addElement(TextProperties(fontsize="16pt", fontweight="bold"))
    heading_style.addElement(ParagraphProperties(margintop="0.3cm", marginbottom="0.2cm"))
    title_style = Style(name="Title", family="paragraph")
    title_style.addElement(TextProperties(fontsize="22pt", fontweight="bold"))
    subtitle_style = Style(name="Subtitle", family="paragraph")
    subtitle_style.addElement(TextProperties(fontsize="12pt", fontstyle="italic"))
    for style in (heading_style, title_style, subtitle_style):
        document.styles.addElement(style)

    document.text.addElement(P(stylename=title_style, text=text.title))
    if text.subtitle:
        document.text.addElement(P(stylename=subtitle_style, text=text.subtitle))
    for section in text.sections:
        document.text.addElement(H(outlinelevel=1, stylename=heading_style, text=section.heading))
        for paragraph in section.paragraphs:
            document.text.addElement(P(text=paragraph))

    buffer = io.BytesIO()
    document.write(buffer)
    return _normalise_zip(buffer.getvalue())


def _normalise_zip(data: bytes) -> bytes:
    """The same archive with every entry's timestamp fixed, keeping order and compression.

    Order matters for ODF: its uncompressed `mimetype` entry must stay first.
    """
    source = zipfile.ZipFile(io.BytesIO(data))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=_FIXED_ZIP_TIME)
            info.compress_type = entry.compress_type
            info.external_attr = entry.external_attr
            target.writestr(info, source.read(entry.filename))
    return output.getvalue()
