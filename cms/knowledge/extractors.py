"""Reading documents' files in a child process with hard limits: checks before storage, text after.

This module imports nothing from Django or the project: `cms.knowledge.extraction` runs it as a
script in a fresh interpreter whose address space and CPU time are capped (`resource`), and
reads one JSON object from its output. A file that would take the server down (a zip bomb, a
PDF that makes the parser churn, XML entity expansion) therefore costs at most the child,
which the operating system stops at its limit.

    python extractors.py inspect|extract EXTENSION PATH|- LIMITS_JSON

`inspect` checks what can be checked without reading the text (a package's member count, its
unpacked size and compression ratio, DTDs in its XML, a PDF's page count) and prints
`{"ok": true}` or `{"ok": false, "reason": ...}`; `extract` prints `{"ok": true, "text": ...,
"truncated": bool}` or a reason. Reasons are the codes of `TextExtractionNote`, and
`wrong_type` (a package that is not what its extension says, refused at upload).
"""

from __future__ import annotations

import codecs
import io
import json
import re
import resource
import sys
import unicodedata
import zipfile
from collections.abc import Callable, Iterator
from typing import IO, Any

# The part every package of a type carries (OOXML), or the media type it declares (ODF).
_OOXML_MAIN_PARTS = {
    "docx": "word/document.xml",
    "xlsx": "xl/workbook.xml",
    "pptx": "ppt/presentation.xml",
}
_ODF_TYPES = {"odt": b"application/vnd.oasis.opendocument.text"}
ZIP_FORMATS = frozenset({*_OOXML_MAIN_PARTS, *_ODF_TYPES})
_PPTX_SLIDE = re.compile(r"^ppt/slides/slide(\d+)\.xml$")
_XLSX_SHEET = re.compile(r"^xl/worksheets/sheet(\d+)\.xml$")
# A member this small cannot be a bomb, whatever its ratio (an XML part of repeated markup).
_RATIO_FLOOR_BYTES = 1024 * 1024

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_BLANK_LINES = re.compile(r"\n\s*\n\s*(?:\n\s*)+")
_LINE_SPACES = re.compile(r"[ \t\r\f\v]+")
_LINE_EDGES = re.compile(r" *\n *")

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
S = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
TEXT_NS = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"


class Refused(Exception):
    """The file cannot be read as asked; `reason` is a `TextExtractionNote` code."""

    def __init__(self, reason: str, **detail: Any) -> None:
        super().__init__(reason)
        self.reason, self.detail = reason, detail


class TextBudget:
    """Collects text up to a number of characters, then says it is full."""

    def __init__(self, max_chars: int) -> None:
        self.parts: list[str] = []
        self.size = 0
        self.max_chars = max_chars
        self.truncated = False

    def add(self, text: str) -> bool:
        """Adds `text`; False once the budget is spent (the caller stops reading)."""
        if self.truncated:
            return False
        self.parts.append(text)
        self.size += len(text) + 1
        if self.size > self.max_chars:
            self.truncated = True
            return False
        return True

    def text(self) -> str:
        return "\n".join(self.parts)


def clean_text(text: str, *, max_chars: int) -> str:
    """Composed Unicode, no control characters (PostgreSQL refuses NUL), tidy blank lines."""
    text = unicodedata.normalize("NFC", text)
    text = _CONTROL.sub(" ", text.replace("\r\n", "\n"))
    text = _LINE_EDGES.sub("\n", _LINE_SPACES.sub(" ", text))
    text = _BLANK_LINES.sub("\n\n", text)
    return text.strip()[:max_chars]


# --- Packages (DOCX, XLSX, PPTX, ODT) ---------------------------------------------------------


def check_package(package: zipfile.ZipFile, limits: dict) -> None:
    """Refuses a package past the member, size or ratio limits, or with a DTD in its XML.

    Sizes come from the zip directory; Python's zip reader never yields more bytes than a
    member declares, so a lying directory cannot smuggle more past these limits.
    """
    members = package.infolist()
    if len(members) > limits["zip_max_members"]:
        raise Refused("zip_members", count=len(members), limit=limits["zip_max_members"])
    # The ratio first: a bomb is also too large, and that is the less telling reason.
    for member in members:
        if member.file_size > _RATIO_FLOOR_BYTES and (
            member.file_size > limits["zip_max_ratio"] * max(member.compress_size, 1)
        ):
            raise Refused("zip_ratio", member=member.filename, limit=limits["zip_max_ratio"])
    total = sum(member.file_size for member in members)
    if total > limits["zip_max_bytes"]:
        raise Refused("zip_size", size=total, limit=limits["zip_max_bytes"])
    for member in members:
        if member.filename.endswith((".xml", ".rels")):
            _check_prolog(package, member)


def _check_prolog(package: zipfile.ZipFile, member: zipfile.ZipInfo) -> None:
    """Parses `member` up to its root element: a DTD (where entities are declared) raises."""
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException

    with package.open(member) as part:
        try:
            next(iter(_iterparse(part, events=("start",))), None)
        except DefusedXmlException as error:
            raise Refused("xml_dtd", member=member.filename) from error
        except ParseError:
            # Damaged, not dangerous: stored, and its reading fails with the reason.
            return


def _open_package(source: IO[bytes], limits: dict) -> zipfile.ZipFile:
    try:
        package = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise Refused("corrupt") from error
    check_package(package, limits)
    return package


def _check_package_type(package: zipfile.ZipFile, extension: str) -> None:
    """Refuses a package that is not what its extension says (a spreadsheet named .docx)."""
    names = set(package.namelist())
    if extension in _OOXML_MAIN_PARTS:
        matches = "[Content_Types].xml" in names and _OOXML_MAIN_PARTS[extension] in names
    else:
        matches = False
        if "mimetype" in names:
            with package.open("mimetype") as mimetype:
                matches = mimetype.read(100).strip() == _ODF_TYPES[extension]
    if not matches:
        raise Refused("wrong_type")


def _iterparse(part: IO[bytes], events=("end",)) -> Iterator[tuple[str, Any]]:
    # defusedxml: no DTD, no entity, no external reference is ever expanded or fetched.
    from defusedxml import ElementTree

    return ElementTree.iterparse(part, events=events, forbid_dtd=True)


def _docx_text(package: zipfile.ZipFile, budget: TextBudget) -> None:
    """Paragraphs in document order; a table row's cells joined by " · " (a table inside a
    cell reads as that cell's text)."""
    tables = 0
    row: list[str] = []
    cell: list[str] = []
    paragraph: list[str] = []
    with package.open("word/document.xml") as part:
        for event, element in _iterparse(part, events=("start", "end")):
            tag = element.tag
            if event == "start":
                if tag == f"{W}tbl":
                    tables += 1
                elif tag == f"{W}tr" and tables == 1:
                    row = []
                elif tag == f"{W}tc" and tables == 1:
                    cell = []
                continue
            if tag == f"{W}t":
                paragraph.append(element.text or "")
            elif tag == f"{W}tab":
                paragraph.append("\t")
            elif tag in (f"{W}br", f"{W}cr"):
                paragraph.append("\n")
            elif tag == f"{W}p":
                text = "".join(paragraph)
                paragraph = []
                if tables:
                    cell.append(text)
                elif not budget.add(text):
                    return
                element.clear()
            elif tag == f"{W}tc" and tables == 1:
                row.append(" ".join(part for part in cell if part))
            elif tag == f"{W}tr" and tables == 1:
                if not budget.add(" · ".join(row)):
                    return
                element.clear()
            elif tag == f"{W}tbl":
                tables -= 1


def _pptx_text(package: zipfile.ZipFile, budget: TextBudget) -> None:
    """Each slide's paragraphs, slides in their order."""
    slides = sorted(
        (int(match.group(1)), name)
        for name in package.namelist()
        if (match := _PPTX_SLIDE.match(name))
    )
    for _number, name in slides:
        paragraph: list[str] = []
        with package.open(name) as part:
            for _event, element in _iterparse(part):
                if element.tag == f"{A}t":
                    paragraph.append(element.text or "")
                elif element.tag == f"{A}p":
                    if not budget.add("".join(paragraph)):
                        return
                    paragraph = []
                    element.clear()


def _xlsx_text(package: zipfile.ZipFile, budget: TextBudget) -> None:
    """The workbook's strings, a row's cells joined by " · ", sheets in their order."""
    names = set(package.namelist())
    shared: list[str] = []
    if "xl/sharedStrings.xml" in names:
        with package.open("xl/sharedStrings.xml") as part:
            for _event, element in _iterparse(part):
                if element.tag == f"{S}si":
                    shared.append("".join(element.itertext()))
                    element.clear()
    sheets = sorted(
        (int(match.group(1)), name) for name in names if (match := _XLSX_SHEET.match(name))
    )
    for _number, name in sheets:
        row: list[str] = []
        with package.open(name) as part:
            for _event, element in _iterparse(part):
                if element.tag == f"{S}c":
                    kind = element.get("t")
                    value = element.find(f"{S}v")
                    if kind == "s" and value is not None and (value.text or "").isdigit():
                        index = int(value.text)
                        if index < len(shared):
                            row.append(shared[index])
                    elif kind == "inlineStr":
                        row.append("".join(element.itertext()))
                    elif kind == "str" and value is not None:
                        row.append(value.text or "")
                elif element.tag == f"{S}row":
                    if row and not budget.add(" · ".join(row)):
                        return
                    row = []
                    element.clear()


def _odf_paragraph(element) -> str:
    parts: list[str] = []

    def walk(node) -> None:
        if node.text:
            parts.append(node.text)
        for child in node:
            if child.tag == f"{TEXT_NS}s":
                parts.append(" " * int(child.get(f"{TEXT_NS}c", "1") or 1))
            elif child.tag == f"{TEXT_NS}tab":
                parts.append("\t")
            elif child.tag == f"{TEXT_NS}line-break":
                parts.append("\n")
            else:
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(element)
    return "".join(parts)


def _odt_text(package: zipfile.ZipFile, budget: TextBudget) -> None:
    """Headings and paragraphs in document order."""
    blocks = (f"{TEXT_NS}p", f"{TEXT_NS}h")
    depth = 0
    with package.open("content.xml") as part:
        for event, element in _iterparse(part, events=("start", "end")):
            if element.tag not in blocks:
                continue
            if event == "start":
                depth += 1
                continue
            depth -= 1
            if depth == 0:
                if not budget.add(_odf_paragraph(element)):
                    return
                element.clear()


_PACKAGE_READERS: dict[str, Callable[[zipfile.ZipFile, TextBudget], None]] = {
    "docx": _docx_text,
    "pptx": _pptx_text,
    "xlsx": _xlsx_text,
    "odt": _odt_text,
}


# --- PDF and plain text -------------------------------------------------------------------


def _pdf_reader(source: IO[bytes]):
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(source)
        # Files "encrypted" with an empty user password open for anyone; others stay closed.
        if reader.is_encrypted and not reader.decrypt(""):
            raise Refused("encrypted")
        return reader
    except Refused:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError) as error:
        raise Refused("corrupt") from error


def _pdf_page_count(reader, limits: dict) -> int:
    try:
        pages = len(reader.pages)
    except Refused:
        raise
    except Exception as error:  # pypdf raises many kinds on a damaged page tree
        raise Refused("corrupt") from error
    if pages > limits["pdf_max_pages"]:
        raise Refused("too_many_pages", pages=pages, limit=limits["pdf_max_pages"])
    return pages


def _pdf_text(source: IO[bytes], budget: TextBudget, limits: dict) -> None:
    reader = _pdf_reader(source)
    _pdf_page_count(reader, limits)
    for page in reader.pages:
        try:
            text = page.extract_text() or ""
        except Exception:  # one unreadable page does not lose the others
            continue
        if not budget.add(text):
            return


def decode_text(data: bytes, *, final: bool = True) -> str:
    """Plain text's bytes as text: UTF-16 with its byte-order mark, else UTF-8, else cp1252.

    With `final=False` the bytes may stop inside a character (a file read up to a limit):
    that last, incomplete character is left out instead of failing the decoding.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return codecs.getincrementaldecoder("utf-16")(errors="replace").decode(data, final)
    try:
        return codecs.getincrementaldecoder("utf-8-sig")().decode(data, final)
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _plain_text(source: IO[bytes], budget: TextBudget) -> None:
    # At most four bytes per character: more could not fit the budget anyway.
    limit = budget.max_chars * 4 + 4
    data = source.read(limit)
    whole = len(data) < limit or not source.read(1)
    text = decode_text(data, final=whole)
    sample = text[:4096]
    if len(_CONTROL.findall(sample)) > len(sample) // 10:
        raise Refused("no_text")  # binary content under a .txt name
    budget.add(text)
    if not whole:
        budget.truncated = True


# --- The two modes --------------------------------------------------------------------------


def inspect(source: IO[bytes], extension: str, limits: dict) -> dict:
    """What can be refused before the file is stored: a package past a limit or not of its
    extension's type, a PDF with too many pages."""
    if extension in ZIP_FORMATS:
        _check_package_type(_open_package(source, limits), extension)
    elif extension == "pdf":
        try:
            _pdf_page_count(_pdf_reader(source), limits)
        except Refused as refusal:
            # Stored all the same: their text just cannot be read (said to editors).
            if refusal.reason not in ("encrypted", "corrupt"):
                raise
    return {"ok": True}


def extract(source: IO[bytes], extension: str, limits: dict) -> dict:
    """The file's text, cleaned and cut at the character limit."""
    budget = TextBudget(limits["text_max_chars"])
    if extension in _PACKAGE_READERS:
        from defusedxml import DefusedXmlException

        package = _open_package(source, limits)
        try:
            _PACKAGE_READERS[extension](package, budget)
        except KeyError as error:  # the package lacks its main part
            raise Refused("corrupt") from error
        except DefusedXmlException as error:
            raise Refused("xml_dtd") from error
    elif extension == "pdf":
        _pdf_text(source, budget, limits)
    elif extension == "txt":
        _plain_text(source, budget)
    else:
        raise Refused("unsupported")
    text = clean_text(budget.text(), max_chars=limits["text_max_chars"])
    if not text:
        raise Refused("no_text")
    return {"ok": True, "text": text, "truncated": budget.truncated}


def _apply_limits(limits: dict) -> None:
    memory = limits["memory_bytes"]
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    cpu = limits["cpu_seconds"]
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    # The child writes no file: its only output is the JSON on its standard output.
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))


def main(argv: list[str]) -> int:
    mode, extension, path, limits_json = argv
    limits = json.loads(limits_json)
    _apply_limits(limits)
    try:
        if path == "-":
            source: IO[bytes] = io.BytesIO(sys.stdin.buffer.read())
        else:
            source = open(path, "rb")  # closed with the process
        reader = inspect if mode == "inspect" else extract
        result = reader(source, extension, limits)
    except Refused as refusal:
        result = {"ok": False, "reason": refusal.reason, "detail": refusal.detail}
    except MemoryError:
        result = {"ok": False, "reason": "memory"}
    except Exception as error:  # whatever else a hostile file provokes: unreadable, not a crash
        result = {"ok": False, "reason": "corrupt", "detail": {"error": type(error).__name__}}
    result["peak_kib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    sys.stdout.write(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
