"""Reads for a workspace's documents: the list with its filters, the tags and years to filter
by, and one document.

Privacy comes from `cms.core.privacy` and nowhere else; these selectors only narrow to one
workspace and add the workspace's filters.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet
from taggit.models import Tag, TaggedItem

from cms.core.privacy import Viewer, visible_documents
from cms.knowledge.models import ProjectDocument

from ..models import WorkspacePage
from .workspaces import source_workspace, workspace_group


def _workspace_documents(*, workspace: WorkspacePage, user: Viewer) -> QuerySet[ProjectDocument]:
    source = source_workspace(workspace)
    group_key = workspace_group(workspace=source).translation_key
    # The group's documents are those filed in its collection and the public ones (a plan's
    # PDF, say) that name the group; either way the privacy rule decides what `user` sees.
    in_group = Q(thematic_group__translation_key=group_key)
    if source.collection is not None:
        in_group |= Q(collection__path__startswith=source.collection.path)
    documents = ProjectDocument.objects.filter(in_group)
    return visible_documents(documents, user=user)


def workspace_document_list(
    *,
    workspace: WorkspacePage,
    user: Viewer,
    kind: str = "",
    language: str = "",
    tag: str = "",
    year: int | None = None,
) -> QuerySet[ProjectDocument]:
    """The documents of `workspace`'s group that `user` may see, newest first, narrowed."""
    documents = _workspace_documents(workspace=workspace, user=user)
    if kind:
        documents = documents.filter(kind=kind)
    if language:
        documents = documents.filter(language=language)
    if tag:
        documents = documents.filter(tags__slug=tag)
    if year:
        documents = documents.filter(created_at__year=year)
    return (
        documents.select_related("collection", "uploaded_by_user")
        .prefetch_related("tags__translations")
        .distinct()
        .order_by("-created_at", "title")
    )


def workspace_document_tags(*, workspace: WorkspacePage, user: Viewer) -> list[Tag]:
    """The tags used by the documents `user` may see in `workspace`, by name."""
    documents = _workspace_documents(workspace=workspace, user=user)
    tagged = TaggedItem.objects.filter(
        content_type=ContentType.objects.get_for_model(ProjectDocument),
        object_id__in=documents.values("pk"),
    )
    return list(Tag.objects.filter(pk__in=tagged.values("tag_id")).order_by("name"))


def workspace_document_years(*, workspace: WorkspacePage, user: Viewer) -> list[int]:
    """The years in which the documents `user` may see in `workspace` were added, newest first."""
    documents = _workspace_documents(workspace=workspace, user=user)
    return sorted({d.year for d in documents.dates("created_at", "year")}, reverse=True)


def workspace_document_get(
    *, workspace: WorkspacePage, user: Viewer, document_id: int
) -> ProjectDocument | None:
    """One document of `workspace` that `user` may see, or None."""
    return (
        _workspace_documents(workspace=workspace, user=user)
        .select_related("uploaded_by_user")
        .filter(pk=document_id)
        .first()
    )
