"""Reading documents' files, in a child process with memory and time limits.

Two readings, both in `extractors.py` run as a fresh interpreter (`run_extractor`):
- `inspect_upload`, before a file is stored: a package's member count, unpacked size,
  compression ratio and XML DTDs, a PDF's page count (`cms.knowledge.uploads` refuses a file
  past a limit);
- `extract_file` / `extract_stored`, after: the text, cut at `CORDATA_DOCUMENT_TEXT_MAX_CHARS`.

The web process never parses a document itself, so a hostile file costs it nothing but the
wait; the child is stopped by the operating system at `CORDATA_EXTRACTION_MEMORY_MB` of
address space and at its time limit in CPU seconds, and by this module at the same number of
seconds of wall-clock time (`CORDATA_INSPECTION_TIMEOUT_SECONDS` for an inspection, which an
upload request waits for; `CORDATA_EXTRACTION_TIMEOUT_SECONDS` for a reading). Nothing here
raises on a bad file: every outcome is an `ExtractedText`, a failure carrying its reason
(`TextExtractionNote`).
"""

from __future__ import annotations

import json
import logging
import os
import signal
import subprocess
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from cms.core.media import temporary_file

from . import extractors
from .models import TextExtractionNote, TextExtractionStatus

logger = logging.getLogger(__name__)

EXTRACTOR_SCRIPT = Path(extractors.__file__)
#: Extensions whose text is read; other files are stored without text.
READABLE_EXTENSIONS = frozenset({"pdf", "docx", "xlsx", "pptx", "odt", "txt"})
# Python, pypdf and the JSON of a megabyte of text need some room even for a small file.
_MEMORY_FLOOR_MB = 64


@dataclass(frozen=True)
class ExtractedText:
    """The outcome of one reading: the text (maybe empty), its status and the note to show."""

    text: str
    status: str
    note: str = ""
    #: The child process's peak resident memory, in KiB (0 when it never ran).
    peak_kib: int = 0

    @classmethod
    def failure(cls, note: str, *, peak_kib: int = 0) -> ExtractedText:
        return cls("", TextExtractionStatus.FAILED, note, peak_kib)


def limits(*, timeout: float) -> dict:
    """The limits the child applies to itself and to the file, from settings."""
    return {
        "memory_bytes": max(settings.CORDATA_EXTRACTION_MEMORY_MB, _MEMORY_FLOOR_MB) * 2**20,
        "cpu_seconds": max(int(timeout), 1),
        "zip_max_members": settings.CORDATA_DOCUMENT_ZIP_MAX_MEMBERS,
        "zip_max_bytes": settings.CORDATA_DOCUMENT_ZIP_MAX_BYTES,
        "zip_max_ratio": settings.CORDATA_DOCUMENT_ZIP_MAX_RATIO,
        "pdf_max_pages": settings.CORDATA_DOCUMENT_PDF_MAX_PAGES,
        "text_max_chars": settings.CORDATA_DOCUMENT_TEXT_MAX_CHARS,
    }


def run_extractor(mode: str, extension: str, *, path: str | None, data: bytes = b"") -> dict:
    """Runs `extractors.py` on a file (by path, or its bytes on standard input); its verdict.

    An inspection, which an upload request waits for, gets
    `CORDATA_INSPECTION_TIMEOUT_SECONDS`; a reading, on the task queue,
    `CORDATA_EXTRACTION_TIMEOUT_SECONDS`. A child that runs out of time, memory or CPU, or
    dies, gives `{"ok": False, "reason"}` like any unreadable file.
    """
    timeout = (
        settings.CORDATA_INSPECTION_TIMEOUT_SECONDS
        if mode == "inspect"
        else settings.CORDATA_EXTRACTION_TIMEOUT_SECONDS
    )
    command = [
        sys.executable,
        "-I",  # no environment, no user site, no current directory: only the script
        str(EXTRACTOR_SCRIPT),
        mode,
        extension,
        path or "-",
        json.dumps(limits(timeout=timeout)),
    ]
    try:
        # A fixed interpreter and script, no shell.
        completed = subprocess.run(
            command,
            input=data if path is None else b"",
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return {"ok": False, "reason": TextExtractionNote.TIMEOUT}
    if completed.returncode == 0:
        try:
            return json.loads(completed.stdout)
        except ValueError:
            pass
    if completed.returncode in (-signal.SIGXCPU, -signal.SIGKILL):
        return {"ok": False, "reason": TextExtractionNote.TIMEOUT}
    stderr = completed.stderr.decode(errors="replace")
    if "MemoryError" in stderr or completed.returncode == -signal.SIGSEGV:
        return {"ok": False, "reason": TextExtractionNote.MEMORY}
    logger.warning("The text extractor stopped with status %s: %s", completed.returncode, stderr)
    return {"ok": False, "reason": TextExtractionNote.CORRUPT}


def _outcome(result: dict) -> ExtractedText:
    peak = int(result.get("peak_kib") or 0)
    if not result.get("ok"):
        return ExtractedText.failure(
            result.get("reason") or TextExtractionNote.CORRUPT, peak_kib=peak
        )
    note = TextExtractionNote.TRUNCATED if result.get("truncated") else ""
    return ExtractedText(result["text"], TextExtractionStatus.DONE, note, peak)


def _extension(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def extract_file(path: str | os.PathLike, *, extension: str) -> ExtractedText:
    """The text of the file at `path`, read as `extension`."""
    extension = extension.lower().lstrip(".")
    if extension not in READABLE_EXTENSIONS:
        return ExtractedText.failure(TextExtractionNote.UNSUPPORTED)
    return _outcome(run_extractor("extract", extension, path=os.fspath(path)))


def extract_text(data: bytes, *, extension: str) -> ExtractedText:
    """The text of a file's bytes (handed to the child on its standard input)."""
    extension = extension.lower().lstrip(".")
    if extension not in READABLE_EXTENSIONS:
        return ExtractedText.failure(TextExtractionNote.UNSUPPORTED)
    if not data:
        return ExtractedText.failure(TextExtractionNote.NO_TEXT)
    return _outcome(run_extractor("extract", extension, path=None, data=data))


@contextmanager
def _local_path(field_file):
    """A path on this machine holding the stored file: its own, or a temporary copy."""
    try:
        path = field_file.path
    except NotImplementedError:  # remote storage: copied into the media temporary area
        path = None
    if path is not None:
        yield path
        return
    with (
        field_file.storage.open(field_file.name, "rb") as stored,
        temporary_file(prefix="extract-", suffix="." + _extension(field_file.name)) as copy,
    ):
        for chunk in iter(lambda: stored.read(1024 * 1024), b""):
            copy.write(chunk)
        copy.flush()
        yield copy.name


def extract_stored(field_file) -> ExtractedText:
    """The text of a document's stored file; a missing file is a failure, not a crash."""
    extension = _extension(field_file.name)
    if extension not in READABLE_EXTENSIONS:
        return ExtractedText.failure(TextExtractionNote.UNSUPPORTED)
    try:
        with _local_path(field_file) as path:
            if not os.path.exists(path):
                return ExtractedText.failure(TextExtractionNote.MISSING_FILE)
            return extract_file(path, extension=extension)
    except OSError as error:
        logger.info("Could not read the stored file %s: %r", field_file.name, error)
        return ExtractedText.failure(TextExtractionNote.MISSING_FILE)


def inspect_upload(upload, *, extension: str) -> dict:
    """The child's verdict on an upload before it is stored: `{"ok": True}` or a reason."""
    if hasattr(upload, "temporary_file_path"):
        upload.flush()
        return run_extractor("inspect", extension, path=upload.temporary_file_path())
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    return run_extractor("inspect", extension, path=None, data=data)
