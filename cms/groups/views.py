"""Workspace pages: the group's documents with filters, uploads, metadata editing, and what is
shown to someone who may not enter.

Every response here is private: it is never stored by a shared cache or by the browser.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from cms.core.pagination import paginate
from cms.core.refusals import sign_in_redirect
from cms.core.response_policy import is_signed_in, mark_private

from .forms import (
    WorkspaceDocumentFilterForm,
    WorkspaceDocumentMetadataForm,
    WorkspaceDocumentUploadForm,
)
from .models import WorkspacePage
from .selectors.workspace_documents import workspace_document_get, workspace_document_list
from .selectors.workspaces import source_workspace, workspace_group, workspace_may_enter
from .services.workspace_documents import workspace_document_update, workspace_document_upload

PER_PAGE = 20


def workspace_closed(request, *, workspace: WorkspacePage) -> HttpResponse:
    """For someone who may not enter: visitors are sent to sign in (and back here afterwards);
    signed-in people outside the group get a 403 saying whose workspace it is.

    Nothing of the workspace is shown but its group's name, which the group's public page
    shows anyway: no title of its pages or documents, whatever address was asked.
    """
    if not is_signed_in(request.user):
        return sign_in_redirect(request)
    context = {"group": workspace_group(workspace=workspace)}
    response = TemplateResponse(request, "groups/workspace_closed.html", context, status=403)
    return mark_private(response)


def _listing_context(request, workspace: WorkspacePage, *, upload_form=None):
    form = WorkspaceDocumentFilterForm(request.GET or None, page=workspace, user=request.user)
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    documents = workspace_document_list(
        workspace=workspace,
        user=request.user,
        kind=filters.get("kind") or "",
        language=filters.get("language") or "",
        tag=filters.get("tag") or "",
        year=filters.get("year"),
    )
    items = paginate(documents, number=filters.get("page"), per_page=PER_PAGE)
    collection = source_workspace(workspace).collection
    for document in items:
        document.is_mine = document.uploaded_by_user_id == request.user.pk
        document.is_private = collection is not None and document.collection.path.startswith(
            collection.path
        )
    context = {
        "group": workspace_group(workspace=workspace),
        "filter_form": form,
        "active_filters": {k: v for k, v in filters.items() if v and k != "page"},
        "items": items,
        "upload_form": upload_form or WorkspaceDocumentUploadForm(),
    }
    return context, form


def _render(request, workspace, context, *, template=None, status=200) -> HttpResponse:
    response = workspace.render(request, template=template, context_overrides=context)
    response.status_code = status
    return mark_private(response)


def _redirect(url: str) -> HttpResponse:
    # 303: the browser follows with a GET, so reloading the list never re-sends a form.
    response = HttpResponseRedirect(url)
    response.status_code = 303
    return mark_private(response)


def workspace_documents(request, *, workspace: WorkspacePage) -> HttpResponse:
    """The document list: filters (invalid values answer 400 with the form's message)."""
    if not workspace_may_enter(workspace=workspace, user=request.user):
        return workspace_closed(request, workspace=workspace)
    context, form = _listing_context(request, workspace)
    status = 400 if form.is_bound and form.errors else 200
    return _render(request, workspace, context, status=status)


def workspace_upload(request, *, workspace: WorkspacePage) -> HttpResponse:
    """A member's upload; a refused file answers 400 with the reason, and nothing is stored."""
    if not workspace_may_enter(workspace=workspace, user=request.user):
        return workspace_closed(request, workspace=workspace)
    if request.method != "POST":
        return _redirect(workspace.get_url(request=request))
    upload_form = WorkspaceDocumentUploadForm(request.POST, request.FILES)
    if upload_form.is_valid():
        data = upload_form.cleaned_data
        try:
            document = workspace_document_upload(
                workspace=workspace,
                user=request.user,
                upload=data["file"],
                title=data["title"],
                description=data["description"],
                language=data["language"],
                kind=data["kind"],
                tags=data["tags"],
            )
        except ValidationError as error:
            upload_form.add_error(None, error)
        else:
            messages.success(request, _("“%(title)s” has been uploaded.") % {"title": document})
            return _redirect(workspace.get_url(request=request) + "#documents")
    context, _form = _listing_context(request, workspace, upload_form=upload_form)
    return _render(request, workspace, context, status=400)


def workspace_document_edit(request, *, workspace: WorkspacePage, document_id: int) -> HttpResponse:
    """The metadata form of a document, for the member who uploaded it (403 for others)."""
    if not workspace_may_enter(workspace=workspace, user=request.user):
        return workspace_closed(request, workspace=workspace)
    document = workspace_document_get(
        workspace=workspace, user=request.user, document_id=document_id
    )
    if document is None:
        raise Http404("No such document in this workspace.")
    template = "groups/workspace_document_edit.html"
    context = {"group": workspace_group(workspace=workspace), "document": document}
    if document.uploaded_by_user_id != request.user.pk:
        context["form"] = None
        return _render(request, workspace, context, template=template, status=403)
    if request.method == "POST":
        form = WorkspaceDocumentMetadataForm(request.POST)
        if form.is_valid():
            workspace_document_update(document=document, user=request.user, **form.cleaned_data)
            messages.success(request, _("“%(title)s” has been updated.") % {"title": document})
            return _redirect(workspace.get_url(request=request) + "#documents")
        context["form"] = form
        return _render(request, workspace, context, template=template, status=400)
    context["form"] = WorkspaceDocumentMetadataForm(
        initial={
            "title": document.title,
            "description": document.description,
            "language": document.language,
            "kind": document.kind,
            "tags": ", ".join(sorted(tag.name for tag in document.tags.all())),
        }
    )
    return _render(request, workspace, context, template=template)
