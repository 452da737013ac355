"""The one gate every document upload passes before it is stored (admin and workspaces alike).

In order, cheapest first: the extension, that the file is not empty, its size, that its bytes
are what the extension says (a PDF's header and end marker, a zip header, text in UTF-8,
UTF-16 or cp1252), and then, in a child process with memory and time limits
(`extraction.inspect_upload`), what could take the server down when the text is read: a
package's member count, unpacked size and compression ratio, DTDs or entities in its XML,
its main part (a DOCX holds a document, an ODT declares its type), a PDF's page count. A
refused file raises `ValidationError` with the reason and nothing is stored. Encrypted or
damaged PDFs are accepted: their text simply cannot be read, which editors are told.
"""

from __future__ import annotations

import codecs
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .extraction import inspect_upload
from .extractors import ZIP_FORMATS
from .models import TextExtractionNote

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


def megabytes(size: int) -> str:
    """`size` bytes in MB for people: `20`, `2.5`."""
    return f"{size / (1024 * 1024):.1f}".rstrip("0").rstrip(".")


def _magic_matches(extension: str, upload) -> bool:
    """Whether the file's first and last bytes are what its extension says; a package's
    contents are checked by the child process (`_corrupt` below), never parsed here."""
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
        return _is_text(upload)
    return head.startswith(b"PK\x03\x04")


def _is_text(upload) -> bool:
    """Text in UTF-16 (with its byte-order mark), UTF-8 or cp1252, read in chunks."""
    upload.seek(0)
    head = upload.read(2)
    upload.seek(0)
    wide = head in (b"\xff\xfe", b"\xfe\xff")
    decoders: list[codecs.IncrementalDecoder] = (
        [codecs.getincrementaldecoder("utf-16")()]
        if wide
        else [codecs.getincrementaldecoder(name)() for name in ("utf-8", "cp1252")]
    )
    try:
        for chunk in iter(lambda: upload.read(64 * 1024), b""):
            if not wide and b"\x00" in chunk:
                return False
            # A decoding that fails is dropped; the file is text while one is left.
            for decoder in list(decoders):
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError:
                    decoders.remove(decoder)
            if not decoders:
                return False
        for decoder in list(decoders):
            try:
                decoder.decode(b"", final=True)
            except UnicodeDecodeError:
                decoders.remove(decoder)
        return bool(decoders)
    finally:
        upload.seek(0)


def _corrupt(extension: str) -> ValidationError:
    return ValidationError(
        _(
            "This file is not a valid %(type)s file: it may be damaged, or its name "
            "may not match its content."
        ),
        code="corrupt",
        params={"type": extension.upper()},
    )


def _limit_message(reason: str, detail: dict) -> ValidationError:
    messages: dict[str, tuple[StrOrPromise, dict[str, object]]] = {
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
        raise _corrupt(extension)
    if extension in ZIP_FORMATS or extension == "pdf":
        verdict = inspect_upload(upload, extension=extension)
        if not verdict.get("ok"):
            reason = verdict.get("reason", "")
            if reason in ("wrong_type", TextExtractionNote.CORRUPT) and extension in ZIP_FORMATS:
                raise _corrupt(extension)
            raise _limit_message(reason, verdict.get("detail") or {})
    return extension
