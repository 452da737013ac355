"""Files under MEDIA_ROOT: the temporary area uploads are written to, and what no row references.

Uploads larger than `FILE_UPLOAD_MAX_MEMORY_SIZE` are streamed into `MEDIA_ROOT/tmp/` (not the
system's temporary directory), as are copies made to read a remote file: a process killed
mid-way (a worker restarted, `kill -9`) leaves its partial file where `manage.py clean_media`
finds it, next to the files stored in the upload folders (`documents/`, `images/`,
`original_images/`…: `CORDATA_MEDIA_MANAGED_FOLDERS`) whose row was never committed. `media_orphans` lists both kinds, older than a grace period so that
nothing still being written is touched.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from django.apps import apps
from django.conf import settings
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import TemporaryUploadedFile
from django.core.files.uploadhandler import TemporaryFileUploadHandler
from django.db import models

#: The temporary area, relative to MEDIA_ROOT; never served, never referenced by a row.
TEMPORARY_FOLDER = "tmp"


def temporary_dir() -> Path:
    """`MEDIA_ROOT/tmp`, created when first needed."""
    path = Path(settings.MEDIA_ROOT) / TEMPORARY_FOLDER
    path.mkdir(parents=True, exist_ok=True)
    return path


@contextmanager
def temporary_file(*, prefix: str, suffix: str = "") -> Iterator[IO[bytes]]:
    """A file in the temporary area, removed when the block ends (or left for `clean_media`
    if the process dies inside it)."""
    with tempfile.NamedTemporaryFile(prefix=prefix, suffix=suffix, dir=temporary_dir()) as file:
        yield file


class MediaTemporaryUploadedFile(TemporaryUploadedFile):
    """Django's streamed upload, written in MEDIA_ROOT's temporary area."""

    def __init__(self, name, content_type, size, charset, content_type_extra=None):
        _, extension = os.path.splitext(name)
        file = tempfile.NamedTemporaryFile(
            prefix="upload-", suffix=".upload" + extension, dir=temporary_dir()
        )
        super(TemporaryUploadedFile, self).__init__(
            file, name, content_type, size, charset, content_type_extra
        )


class MediaTemporaryFileUploadHandler(TemporaryFileUploadHandler):
    """Streams large uploads into MEDIA_ROOT's temporary area (see the module)."""

    def new_file(self, *args, **kwargs):
        super(TemporaryFileUploadHandler, self).new_file(*args, **kwargs)
        self.file = MediaTemporaryUploadedFile(
            self.file_name, self.content_type, 0, self.charset, self.content_type_extra
        )


@dataclass(frozen=True)
class MediaOrphan:
    """A file under MEDIA_ROOT that nothing needs: its path (relative), size and age."""

    name: str
    size: int
    age_seconds: float

    @property
    def temporary(self) -> bool:
        return self.name.startswith(TEMPORARY_FOLDER + "/")


def referenced_media_names() -> set[str]:
    """Every file name a row of any model stores in a file field on the default storage."""
    names: set[str] = set()
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if not isinstance(field, models.FileField):
                continue
            if field.storage is not default_storage and not _same_storage(field.storage):
                continue
            names.update(
                name
                for name in model._base_manager.exclude(**{field.name: ""})
                .values_list(field.name, flat=True)
                .iterator()
                if name
            )
    return names


def _same_storage(storage) -> bool:
    location = getattr(storage, "location", None)
    return location is not None and Path(location) == Path(settings.MEDIA_ROOT)


def media_orphans(*, grace_seconds: float, now: float | None = None) -> list[MediaOrphan]:
    """Files in MEDIA_ROOT's upload folders (`CORDATA_MEDIA_MANAGED_FOLDERS`) older than
    `grace_seconds` that no row references, and every file of the temporary area that old, by
    name. Nothing else under MEDIA_ROOT is ever looked at."""
    root = Path(settings.MEDIA_ROOT)
    if not root.is_dir():
        return []
    now = time.time() if now is None else now
    referenced = referenced_media_names()
    orphans = []
    walks = (os.walk(root / folder) for folder in settings.CORDATA_MEDIA_MANAGED_FOLDERS)
    for directory, _folders, files in (entry for walk in walks for entry in walk):
        for file_name in files:
            path = Path(directory) / file_name
            name = path.relative_to(root).as_posix()
            try:
                status = path.stat()
            except FileNotFoundError:  # removed while we looked
                continue
            age = now - status.st_mtime
            if age < grace_seconds:
                continue
            if name.startswith(TEMPORARY_FOLDER + "/") or name not in referenced:
                orphans.append(MediaOrphan(name=name, size=status.st_size, age_seconds=age))
    return sorted(orphans, key=lambda orphan: orphan.name)


def media_orphans_delete(orphans: list[MediaOrphan]) -> int:
    """Removes `orphans` (still unreferenced now: a row committed meanwhile keeps its file)."""
    referenced = referenced_media_names()
    root = Path(settings.MEDIA_ROOT)
    removed = 0
    for orphan in orphans:
        if not orphan.temporary and orphan.name in referenced:
            continue
        try:
            (root / orphan.name).unlink()
        except FileNotFoundError:
            continue
        removed += 1
    return removed
