"""Writes for a workspace's documents: members' uploads, filed in the group's collection, and
the details the uploader may change afterwards."""

from __future__ import annotations

import pathlib
from collections.abc import Sequence
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from cms.knowledge.models import ProjectDocument

from ..models import WorkspacePage
from ..selectors.workspaces import source_group, source_workspace

if TYPE_CHECKING:
    # The model AUTH_USER_MODEL names, as django-stubs resolves `get_user_model()`.
    from django.contrib.auth.models import User as AuthUser


def _tag_names(tags: Sequence[str]) -> list[str]:
    return sorted({tag.strip() for tag in tags if tag.strip()})


def _discard_stored_file(document: ProjectDocument) -> None:
    name = document.file.name if document.file else ""
    if name and document.file.storage.exists(name):
        document.file.storage.delete(name)


def workspace_document_upload(
    *,
    workspace: WorkspacePage,
    user: AuthUser,
    upload: UploadedFile,
    title: str = "",
    description: str = "",
    language: str,
    kind: str,
    tags: Sequence[str] = (),
) -> ProjectDocument:
    """Store a validated upload as a document of the workspace's group, in its collection.

    The file is checked by the upload form before this runs; if saving fails anyway, the
    file written to storage is removed, so a failed upload leaves neither a row nor a file.
    """
    source = source_workspace(workspace)
    if source.collection_id is None:
        raise ValidationError(_("This workspace has no document collection yet."))
    group = source_group(source.get_parent().specific)
    document = ProjectDocument(
        title=title.strip() or pathlib.Path(upload.name or "").stem.replace("_", " ")[:255],
        file=upload,
        collection_id=source.collection_id,
        uploaded_by_user=user,
        thematic_group=group,
        description=description.strip(),
        language=language,
        kind=kind,
    )
    document._set_document_file_metadata()
    try:
        with transaction.atomic():
            document.save()
            document.tags.set(_tag_names(tags))
    except Exception:
        _discard_stored_file(document)
        raise
    return document


@transaction.atomic
def workspace_document_update(
    *,
    document: ProjectDocument,
    user: AuthUser,
    title: str,
    description: str,
    language: str,
    kind: str,
    tags: Sequence[str] = (),
) -> ProjectDocument:
    """Change the metadata of a document `user` uploaded (the file stays as it is)."""
    if document.uploaded_by_user_id != user.pk:
        raise ValidationError(_("Only the person who uploaded a document may change it."))
    document.title = title.strip()
    document.description = description.strip()
    document.language = language
    document.kind = kind
    document.save(update_fields=["title", "description", "language", "kind"])
    document.tags.set(_tag_names(tags))
    return document
