"""The one gate every document upload passes before it is stored (admin and workspaces alike).

In order, cheapest first: the extension, that the file is not empty, its size, that its bytes
are what the extension says (a PDF's header and end marker, an OOXML or ODF package's main
part, text without NUL bytes), and then, in a child process with memory and time limits
(`extraction.inspect_upload`), what could take the server down when the text is read: a
package's member count, unpacked size and compression ratio, DTDs or entities in its XML, a
PDF's page count. A refused file raises `ValidationError` with the reason and nothing is
stored. Encrypted or damaged PDFs are accepted: their text simply cannot be read, which
editors are told.
"""

from __future__ import annotations

import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .extraction import inspect_upload
from .extractors import ZIP_FORMATS
from .models import TextExtractionNote

# The part every package of this type carries (OOXML) or the declared media type (ODF).
_OOXML_PARTS = {
    "docx": "word/document.xml",
    "xlsx": "xl/workbook.xml",
    "pptx": "ppt/presentation.xml",
}
_ODF_TYPES = {"odt": b"application/vnd.oasis.opendocument.text"}


def megabytes(size: int) -> str:
    """`size` bytes in MB for people: `20`, `2.5`."""
    return f"{size / (1024 * 1024):.1f}".rstrip("0").rstrip(".")


def _magic_matches(extension: str, upload) -> bool:
    """Whether the file's bytes are what its extension says, from its header and its ZIP
    directory only."""
    upload.seek(0)
    head = upload.read(2048)
    upload.seek(0)
    if extension == "pdf":
        if b"%PDF-" not in head[:1024]:
            return False
        # A PDF ends with an end-of-file marker; a truncated download does not.
        upload.seek(max(upload.size - 2048, 0))
        tail = upload.read()
        upload.seek(0)
        return b"%%EOF" in tail
    if extension == "txt":
        data = upload.read()
        upload.seek(0)
        if b"\x00" in data:
            return False
        for encoding in ("utf-8", "cp1252"):
            try:
                data.decode(encoding)
            except UnicodeDecodeError:
                continue
            return True
        return False
    return _package_matches(extension, upload)


def _package_matches(extension: str, upload) -> bool:
    try:
        with zipfile.ZipFile(upload) as package:
            names = set(package.namelist())
            if extension in _OOXML_PARTS:
                return "[Content_Types].xml" in names and _OOXML_PARTS[extension] in names
            if extension in _ODF_TYPES and "mimetype" in names:
                with package.open("mimetype") as mimetype:
                    return mimetype.read(100).strip() == _ODF_TYPES[extension]
            return False
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    finally:
        upload.seek(0)


def _limit_message(reason: str, detail: dict) -> ValidationError:
    messages = {
        TextExtractionNote.ZIP_MEMBERS: (
            _("This file is made of more than %(limit)s parts; it cannot be accepted."),
            {"limit": settings.CORDATA_DOCUMENT_ZIP_MAX_MEMBERS},
        ),
        TextExtractionNote.ZIP_SIZE: (
            _("Unpacked, this file would take more than %(limit)s MB; it cannot be accepted."),
            {"limit": megabytes(settings.CORDATA_DOCUMENT_ZIP_MAX_BYTES)},
        ),
        TextExtractionNote.ZIP_RATIO: (
            _(
                "This file is compressed far more than real documents are (more than "
                "%(limit)s to 1); it cannot be accepted."
            ),
            {"limit": settings.CORDATA_DOCUMENT_ZIP_MAX_RATIO},
        ),
        TextExtractionNote.XML_DTD: (
            _(
                "This file declares XML entities or a DTD, which documents never need; it "
                "cannot be accepted."
            ),
            {},
        ),
        TextExtractionNote.TOO_MANY_PAGES: (
            _("This PDF has %(pages)s pages; the most a document may have is %(limit)s."),
            {"pages": detail.get("pages", "?"), "limit": settings.CORDATA_DOCUMENT_PDF_MAX_PAGES},
        ),
    }
    message, params = messages.get(
        reason,
        (
            _(
                "This file could not be checked within the server's limits (it needs too "
                "much time or memory to read); it cannot be accepted."
            ),
            {},
        ),
    )
    return ValidationError(message, code=f"limit_{reason}", params=params)


def validate_document_upload(upload) -> str:
    """The upload's extension when it may be stored; otherwise a ValidationError saying why."""
    allowed = [extension.lower() for extension in settings.WAGTAILDOCS_EXTENSIONS]
    name = upload.name or ""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in allowed:
        raise ValidationError(
            _("Files of this type cannot be uploaded. Allowed types: %(types)s."),
            code="file_type",
            params={"types": ", ".join(e.upper() for e in allowed)},
        )
    if not upload.size:
        raise ValidationError(_("The file is empty."), code="empty")
    limit = settings.CORDATA_UPLOAD_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("The file is %(size)s MB; the largest file you can upload is %(limit)s MB."),
            code="too_large",
            params={"size": megabytes(upload.size), "limit": megabytes(limit)},
        )
    if not _magic_matches(extension, upload):
        raise ValidationError(
            _(
                "This file is not a valid %(type)s file: it may be damaged, or its name "
                "may not match its content."
            ),
            code="corrupt",
            params={"type": extension.upper()},
        )
    if extension in ZIP_FORMATS or extension == "pdf":
        verdict = inspect_upload(upload, extension=extension)
        if not verdict.get("ok"):
            raise _limit_message(verdict.get("reason", ""), verdict.get("detail") or {})
    return extension
