"""Files built to hurt a document server, and honest large ones, for the tests and the benchmark.

All are made here from code (nothing is downloaded): zip bombs, packages with too many parts,
XML with entity expansion or external entities, PDFs with many pages.
"""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Iterable, Iterator

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    b'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    b'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
RELS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)


def document_xml(paragraphs: Iterable[str]) -> Iterator[bytes]:
    """A WordprocessingML body with `paragraphs`, as chunks."""
    yield f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}"><w:body>'.encode()
    for text in paragraphs:
        yield f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>".encode()
    yield b"</w:body></w:document>"


def docx_package(body: Iterable[bytes] | bytes, *, extra: dict[str, bytes] | None = None) -> bytes:
    """A minimal DOCX whose `word/document.xml` is `body` (bytes or chunks, streamed)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as package:
        package.writestr("[Content_Types].xml", CONTENT_TYPES)
        package.writestr("_rels/.rels", RELS)
        with package.open("word/document.xml", "w", force_zip64=True) as part:
            for chunk in [body] if isinstance(body, bytes) else body:
                part.write(chunk)
        for name, data in (extra or {}).items():
            package.writestr(name, data)
    return buffer.getvalue()


def docx_bomb(unpacked_bytes: int = 150 * 1024 * 1024) -> bytes:
    """A DOCX of a few hundred kilobytes whose XML unpacks to `unpacked_bytes`."""
    paragraph = "La bomba si espande " * 20
    size = len(f"<w:p><w:r><w:t>{paragraph}</w:t></w:r></w:p>")
    return docx_package(document_xml(paragraph for _ in range(unpacked_bytes // size)))


def docx_with_parts(count: int) -> bytes:
    """A valid DOCX carrying `count` extra (tiny) parts."""
    return docx_package(
        b"".join(document_xml(["Molte parti"])),
        extra={f"word/media/part{number}.bin": b"x" for number in range(count)},
    )


BILLION_LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    b'<!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    b'<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">'
    b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">'
    b'<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">'
    b'<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">'
    b'<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">'
    b'<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">'
    b'<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">'
    b'<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>'
    b'<w:document xmlns:w="' + W_NS.encode() + b'"><w:body><w:p><w:r><w:t>&lol9;</w:t>'
    b"</w:r></w:p></w:body></w:document>"
)


def external_entity_xml(target: str = "file:///etc/passwd", *, padding: int = 0) -> bytes:
    """Document XML that would pull `target` into the text (XXE), after `padding` bytes of
    comment, so that a check of the first bytes alone would miss the DTD."""
    comment = b"<!--" + b" " * padding + b"-->" if padding else b""
    return (
        b'<?xml version="1.0"?>'
        + comment
        + b'<!DOCTYPE d [<!ENTITY secret SYSTEM "'
        + target.encode()
        + b'">]><w:document xmlns:w="'
        + W_NS.encode()
        + b'"><w:body><w:p><w:r><w:t>&secret;</w:t></w:r></w:p></w:body></w:document>'
    )


def pdf_with_pages(count: int, *, text: str = "Pagina") -> bytes:
    """A PDF of `count` pages, each with a line of text."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    for number in range(1, count + 1):
        pdf.drawString(72, 770, f"{text} {number}")
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def honest_large_pdf(target_bytes: int = 50 * 1024 * 1024, *, page_image_bytes: int = 150_000):
    """A real report of about `target_bytes`: pages of text, each with an incompressible image
    (as scanned figures make real PDFs large)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    side = int((page_image_bytes / 3) ** 0.5)
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    # reportlab writes images ASCII85-encoded: a quarter more than their bytes.
    pages = max(1, target_bytes // (page_image_bytes * 5 // 4 + 2048))
    for number in range(1, pages + 1):
        from PIL import Image

        image = Image.frombytes("RGB", (side, side), os.urandom(side * side * 3))
        pdf.drawImage(ImageReader(image), 72, 300, width=400, height=400)
        for line in range(20):
            pdf.drawString(
                72, 770 - 14 * line, f"Piano strategico, pagina {number}, riga {line}: azioni."
            )
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()
