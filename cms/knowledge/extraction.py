"""The text inside uploaded documents (PDF, DOCX, ODT, plain text), stored for search.

`ProjectDocument.save()` calls `document_text_refresh`, so the text follows the file whatever
path saves it (the admin, a workspace upload, the API, a command); `manage.py
extract_document_text` re-extracts every document. Extraction never raises: a file that is
encrypted, corrupt, empty, too large or of another type is saved all the same, with
`text_status = no_text`.
"""

from __future__ import annotations

import io
import logging
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from .models import TextExtractionStatus

logger = logging.getLogger(__name__)

#: Larger files are stored but not read: extraction runs while the upload request waits.
MAX_FILE_BYTES = 50 * 1024 * 1024
#: PDF pages read at most, and characters kept at most, per document.
MAX_PDF_PAGES = 1000
MAX_TEXT_CHARS = 1_000_000

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_BLANK_LINES = re.compile(r"\n\s*\n\s*(?:\n\s*)+")
_LINE_SPACES = re.compile(r"[ \t\r\f\v]+")
_LINE_EDGES = re.compile(r" *\n *")


@dataclass(frozen=True)
class ExtractedText:
    """The outcome of one extraction: the text (maybe empty) and the status to store with it."""

    text: str
    status: str

    @classmethod
    def nothing(cls) -> ExtractedText:
        return cls("", TextExtractionStatus.NO_TEXT)


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    # Files "encrypted" with an empty user password open for anyone; others stay closed.
    if reader.is_encrypted and not reader.decrypt(""):
        return ""
    return "\n\n".join(page.extract_text() or "" for page in reader.pages[:MAX_PDF_PAGES])


def _docx_text(data: bytes) -> str:
    import docx

    document = docx.Document(io.BytesIO(data))
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" · ".join(cell.text for cell in row.cells))
    return "\n".join(parts)


def _odt_text(data: bytes) -> str:
    from odf import teletype
    from odf.namespaces import TEXTNS
    from odf.opendocument import load

    document = load(io.BytesIO(data))
    blocks = {(TEXTNS, "p"), (TEXTNS, "h")}
    parts: list[str] = []

    def walk(node) -> None:
        for child in node.childNodes:
            if getattr(child, "qname", None) in blocks:
                parts.append(teletype.extractText(child))
            elif child.nodeType == child.ELEMENT_NODE:
                walk(child)

    walk(document.text)
    return "\n".join(parts)


def _plain_text(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    sample = text[:4096]
    if len(_CONTROL.findall(sample)) > len(sample) // 10:
        return ""  # binary content under a .txt name
    return text


EXTRACTORS: dict[str, Callable[[bytes], str]] = {
    "pdf": _pdf_text,
    "docx": _docx_text,
    "odt": _odt_text,
    "txt": _plain_text,
}


def clean_text(text: str) -> str:
    """Composed Unicode, no control characters (PostgreSQL refuses NUL), tidy blank lines."""
    text = unicodedata.normalize("NFC", text)
    text = _CONTROL.sub(" ", text.replace("\r\n", "\n"))
    text = _LINE_EDGES.sub("\n", _LINE_SPACES.sub(" ", text))
    text = _BLANK_LINES.sub("\n\n", text)
    return text.strip()[:MAX_TEXT_CHARS]


def extract_text(data: bytes, *, extension: str) -> ExtractedText:
    """The text of a file's bytes, by its extension; never raises."""
    extractor = EXTRACTORS.get(extension.lower().lstrip("."))
    if extractor is None or not data or len(data) > MAX_FILE_BYTES:
        return ExtractedText.nothing()
    try:
        text = clean_text(extractor(data))
    except Exception as error:  # a corrupt or hostile file must never break the save
        logger.info("No text could be extracted from a .%s file: %r", extension, error)
        return ExtractedText.nothing()
    if not text:
        return ExtractedText.nothing()
    return ExtractedText(text, TextExtractionStatus.EXTRACTED)


def _read(field_file) -> bytes:
    if not field_file._committed:
        # A new upload, still in memory or in a temporary file: read it and rewind for storage.
        content = field_file.file
        content.seek(0)
        data = content.read(MAX_FILE_BYTES + 1)
        content.seek(0)
        return data
    with field_file.storage.open(field_file.name, "rb") as stored:
        return stored.read(MAX_FILE_BYTES + 1)


def _file_changed(document) -> bool:
    if not document.file._committed or document.pk is None:
        return True
    stored = (
        type(document)
        ._default_manager.filter(pk=document.pk)
        .values_list("file", flat=True)
        .first()
    )
    return stored != document.file.name


def document_text_refresh(document, *, force: bool = False) -> bool:
    """Extracts `document`'s text if its file is new or changed (or `force`), without saving.

    Sets `extracted_text` and `text_status`; returns whether it did. Never raises.
    """
    if not document.file:
        changed = (
            bool(document.extracted_text) or document.text_status != TextExtractionStatus.NO_TEXT
        )
        document.extracted_text, document.text_status = "", TextExtractionStatus.NO_TEXT
        return changed
    if not (
        force or document.text_status == TextExtractionStatus.PENDING or _file_changed(document)
    ):
        return False
    try:
        data = _read(document.file)
    except Exception as error:  # a missing file in storage is a broken document, not a crash
        logger.info("Could not read the file of document %s: %r", document.pk, error)
        result = ExtractedText.nothing()
    else:
        extension = document.file.name.rsplit(".", 1)[-1] if "." in document.file.name else ""
        result = extract_text(data, extension=extension)
    document.extracted_text, document.text_status = result.text, result.status
    return True
