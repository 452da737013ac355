"""Serving files: document downloads through the privacy rule, and media in development.

Documents live under `MEDIA_ROOT/documents/` and are only ever served by `document_serve`
(at Wagtail's `/documents/<id>/<filename>`), which asks `cms.core.privacy` first and marks the
downloads of private documents `Cache-Control: private, no-store`. `media_serve` is the
development server's view of `MEDIA_ROOT`: images only, never documents, whatever the path
says. In production the web server serves `MEDIA_ROOT/images` and `MEDIA_ROOT/original_images`
and must not expose `MEDIA_ROOT/documents` (see docs/privacy.md).
"""

import posixpath

from django.conf import settings
from django.http import Http404, HttpResponse
from django.http.response import HttpResponseBase
from django.views.static import serve as static_serve
from wagtail.documents import get_document_model
from wagtail.documents.views.serve import serve as wagtail_document_serve

from .privacy import visible_documents
from .refusals import refuse
from .response_policy import mark_private

# The only folders of MEDIA_ROOT that are public: Wagtail's original images and renditions.
PUBLIC_MEDIA_FOLDERS = ("original_images", "images")


def document_serve(request, document_id: int, document_filename: str) -> HttpResponse:
    """A document's file, for those the privacy rule lets see it.

    Anyone else is refused exactly as for an id that names no document (`refusals.refuse`:
    the sign-in page for visitors, 404 for people signed in), never shown the file. Wagtail's
    own view then serves it, with its restriction hooks, as an attachment unless the type is
    listed in WAGTAILDOCS_INLINE_CONTENT_TYPES.
    """
    model = get_document_model()
    document = visible_documents(model.objects.filter(pk=document_id), user=request.user).first()
    if document is None:
        return refuse(request)
    response = wagtail_document_serve(request, document_id, document_filename)
    # Wagtail writes the `None` that mimetypes returns for an uncompressed file as a literal
    # header value; a client that honoured it would try to decode the file.
    if response.get("Content-Encoding") == "None":
        del response["Content-Encoding"]
    public = visible_documents(model.objects.filter(pk=document.pk), user=None).exists()
    if not public:
        mark_private(response, vary=("Cookie", "Authorization"))
    return response


def media_serve(request, path: str) -> HttpResponseBase:
    """Development only: a file under MEDIA_ROOT's public folders, else 404.

    The path is normalised before it is checked, so `images/../documents/…` is refused too.
    """
    normalised = posixpath.normpath(path).lstrip("/")
    folder = normalised.split("/", 1)[0]
    if folder not in PUBLIC_MEDIA_FOLDERS or normalised.startswith("..") or "\\" in normalised:
        raise Http404("Not a public media file.")
    return static_serve(request, normalised, document_root=str(settings.MEDIA_ROOT))
