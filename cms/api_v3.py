"""API v3: Wagtail 8's django-ninja API, read-only, for partners' systems with tokens.

Built from Wagtail's own pieces (bearer-token authentication with `APIToken`, the page,
document and image schemas Wagtail generates from `api_fields`, limit/offset paging, the
`whoami` route) around Cordata's routers, so that:

- a token acts as its user *as a reader*: the user sees what `cms.core.privacy` lets them see
  (a member of a group's auth group sees pages restricted to that group), while a revoked or
  unknown token is anonymous; Wagtail's stock routers would instead show a token only what
  its user may edit in the admin;
- every shape comes from `cms.api_shapes`, as in API v2;
- bad parameters answer 400 and unknown ids 404, both as JSON carrying `message` and the
  RFC 7807 members (`type`, `title`, `status`, `detail`).

Content is written in the admin; this API has no write routes.
"""

from typing import Annotated, Any, Literal

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Field, NinjaAPI, Path, Query, Router, Schema
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.pagination import paginate
from pydantic import ValidationError as PydanticValidationError
from wagtail.api.v3.auth import AllowAnonymous
from wagtail.api.v3.pagination import WagtailLimitOffsetPagination
from wagtail.api.v3.routers.pages import PageDetailSchema
from wagtail.api.v3.schemas import BasePageSchema
from wagtail.api.v3.schemas.generators import read_generator
from wagtail.coreutils import resolve_model_string
from wagtail.documents.api.v3.router import DocumentDetailSchema
from wagtail.images.api.v3.router import ImageDetailSchema
from wagtail.models import Page, Site, get_page_models
from wagtail.search.backends import get_search_backend
from wagtail.search.backends.base import FilterFieldError, OrderByFieldError

from cms.api_auth import BearerTokenAuth, TokenThrottled, whoami_router
from cms.api_http import MAX_ID, MAX_OFFSET, error_body
from cms.api_selectors import api_document_list, api_image_list, api_page_list
from cms.api_shapes import ImageRef, RenditionField, prepare
from cms.groups.models import PartnerKind, Sector
from cms.knowledge.models import DocumentKind, DocumentLanguage, PlanStatus
from search.backends import SearchUnavailable

READERS = [BearerTokenAuth(), AllowAnonymous()]

ObjectId = Annotated[int, Field(ge=1, le=MAX_ID)]
PageType = Literal[tuple(sorted(model._meta.label for model in get_page_models()))]
LocaleCode = Literal[tuple(code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES)]


class ErrorSchema(Schema):
    """An error: `message` (as in API v2) plus the RFC 7807 problem members."""

    message: str
    type: str
    title: str
    status: int
    detail: str
    errors: list[dict[str, Any]] | None = None


class Paging(WagtailLimitOffsetPagination):
    """Wagtail's limit/offset paging with documented bounds; optionally prepares the shapes."""

    class Input(WagtailLimitOffsetPagination.Input):
        limit: int = Field(default=20, ge=1, le=settings.WAGTAILAPI_LIMIT_MAX)
        offset: int = Field(default=0, ge=0, le=MAX_OFFSET)

    def __init__(self, prepare_items: bool = False, shape_fields=None, **kwargs):
        self.prepare_items, self.shape_fields = prepare_items, shape_fields
        super().__init__(**kwargs)

    def _items_count(self, queryset) -> int:
        return queryset.count()

    def paginate_queryset(self, queryset, pagination, request, **params):
        result = super().paginate_queryset(queryset, pagination, request, **params)
        result["items"] = list(result["items"])
        if self.prepare_items:
            prepare(result["items"], user=request.user, fields=self.shape_fields)
        return result


def _reject_unknown(request, schema: type[Schema]) -> None:
    unknown = set(request.GET) - set(schema.model_fields) - {"limit", "offset"}
    if unknown:
        raise HttpError(400, f"unknown query parameter: {', '.join(sorted(unknown))}")


def _search(queryset, *, query: str, operator: str | None, ordered: bool):
    try:
        return get_search_backend().search(
            query, queryset, operator=operator, order_by_relevance=not ordered
        )
    except (FilterFieldError, OrderByFieldError) as exc:
        raise HttpError(400, f"cannot combine search with '{exc.field_name}'") from exc


def _tagged(queryset, tags: list[str]):
    """Items carrying every one of `tags`."""
    for tag in tags:
        queryset = queryset.filter(tags__name=tag)
    return queryset


def _ordered_and_searched(queryset, filters, *, tiebreak: str, operator: str | None = None):
    """Every list's `order` (ties broken by `tiebreak`) and `search` parameters, applied."""
    if filters.order:
        queryset = queryset.order_by(filters.order, tiebreak)
    if filters.search is not None:
        if filters.tags:
            raise HttpError(400, "tags cannot be combined with search")
        queryset = _search(
            queryset, query=filters.search, operator=operator, ordered=bool(filters.order)
        )
    return queryset


def _reselected(visible):
    """A visible collection-item list (documents, images) re-selected by id, relations loaded.

    Re-selected so that search (which filters only on indexed fields) still works.
    """
    return (
        visible.model.objects.filter(pk__in=visible.values("pk"))
        .select_related("collection")
        .prefetch_related("tags")
        .order_by("pk")
    )


# Pages -----------------------------------------------------------------------------------

pages_router = Router(tags=["pages"])


class PageFilters(Schema):
    """Page list parameters; field filters need a `type` that has the field."""

    type: PageType | None = None
    locale: LocaleCode | None = None
    child_of: ObjectId | None = None
    descendant_of: ObjectId | None = None
    translation_of: ObjectId | None = None
    tags: list[Annotated[str, Field(max_length=100)]] = []
    sector: Literal[tuple(Sector.values)] | None = None
    country: Annotated[str, Field(pattern=r"^[A-Z]{2}$")] | None = None
    kind: Literal[tuple(PartnerKind.values)] | None = None
    status: Literal[tuple(PlanStatus.values)] | None = None
    order: (
        Literal["title", "-title", "date", "-date", "first_published_at", "-first_published_at"]
        | None
    ) = None
    search: Annotated[str, Field(max_length=200)] | None = None
    search_operator: Literal["and", "or"] | None = None


def _has_field(model, name: str) -> bool:
    return any(field.name == name for field in model._meta.get_fields())


@pages_router.get(
    "/",
    response={200: list[BasePageSchema], 400: ErrorSchema},
    url_name="list_pages",
    summary="List pages",
    operation_id="pages_list",
    auth=READERS,
)
@paginate(Paging)
def list_pages(request, filters: PageFilters = Query(...)):  # noqa: B008
    _reject_unknown(request, PageFilters)
    model = resolve_model_string(filters.type) if filters.type else Page
    site = Site.find_for_request(request)
    pages = api_page_list(site=site, user=request.user, model=model)
    if filters.locale:
        pages = pages.filter(locale__language_code=filters.locale)
    if filters.child_of and filters.descendant_of:
        raise HttpError(400, "child_of and descendant_of cannot be combined")
    anchors = api_page_list(site=site, user=request.user)
    for name in ("child_of", "descendant_of", "translation_of"):
        page_id = getattr(filters, name)
        if page_id is None:
            continue
        anchor = anchors.filter(pk=page_id).first()
        if anchor is None:
            raise HttpError(400, f"{name}: no page with id {page_id}")
        pages = getattr(pages, name)(anchor)
    for name in ("sector", "country", "kind", "status", "tags"):
        value = getattr(filters, name)
        if value and not _has_field(model, name):
            raise HttpError(400, f"{name} needs a type that has it (type={filters.type or ''})")
        if value and name == "tags":
            pages = _tagged(pages, value)
        elif value:
            pages = pages.filter(**{name: value})
    if filters.order and not _has_field(model, filters.order.lstrip("-")):
        raise HttpError(400, f"cannot order {model._meta.label} by {filters.order}")
    return _ordered_and_searched(pages, filters, tiebreak="path", operator=filters.search_operator)


@pages_router.get(
    "/{int:page_id}/",
    response={200: PageDetailSchema, 400: ErrorSchema, 404: ErrorSchema},
    url_name="detail_page",
    summary="Page detail",
    operation_id="pages_detail",
    auth=READERS,
)
def get_page(request, page_id: int = Path(..., ge=1, le=MAX_ID)):
    pages = api_page_list(site=Site.find_for_request(request), user=request.user)
    page = get_object_or_404(pages, pk=page_id).specific
    prepare([page], user=request.user)
    return page


# Documents -------------------------------------------------------------------------------

documents_router = Router(tags=["documents"])


class DocumentFilters(Schema):
    """Document list parameters."""

    kind: Literal[tuple(DocumentKind.values)] | None = None
    language: Literal[tuple(DocumentLanguage.values)] | None = None
    thematic_group: ObjectId | None = None
    tags: list[Annotated[str, Field(max_length=100)]] = []
    order: Literal["title", "-title", "created_at", "-created_at"] | None = None
    search: Annotated[str, Field(max_length=200)] | None = None


def _documents(request):
    return _reselected(api_document_list(user=request.user))


@documents_router.get(
    "/",
    response={200: list[DocumentDetailSchema], 400: ErrorSchema},
    url_name="list_documents",
    summary="List documents",
    operation_id="documents_list",
    auth=READERS,
)
@paginate(Paging, prepare_items=True)
def list_documents(request, filters: DocumentFilters = Query(...)):  # noqa: B008
    _reject_unknown(request, DocumentFilters)
    documents = _documents(request)
    for name in ("kind", "language"):
        if value := getattr(filters, name):
            documents = documents.filter(**{name: value})
    if filters.thematic_group:
        documents = documents.filter(thematic_group_id=filters.thematic_group)
    return _ordered_and_searched(_tagged(documents, filters.tags), filters, tiebreak="pk")


@documents_router.get(
    "/{int:document_id}/",
    response={200: DocumentDetailSchema, 400: ErrorSchema, 404: ErrorSchema},
    url_name="detail_document",
    summary="Document detail",
    operation_id="documents_detail",
    auth=READERS,
)
def get_document(request, document_id: int = Path(..., ge=1, le=MAX_ID)):
    document = get_object_or_404(_documents(request), pk=document_id)
    prepare([document], user=request.user)
    return document


# Images ----------------------------------------------------------------------------------

images_router = Router(tags=["images"])


def _rendition(obj) -> ImageRef | None:
    return RenditionField().to_representation(obj)


ImageSchema = read_generator.extend_schema(
    ImageDetailSchema,
    "CordataImageSchema",
    {"rendition": (ImageRef | None, None, staticmethod(_rendition))},
)


class ImageFilters(Schema):
    """Image list parameters."""

    tags: list[Annotated[str, Field(max_length=100)]] = []
    order: Literal["title", "-title", "created_at", "-created_at"] | None = None
    search: Annotated[str, Field(max_length=200)] | None = None


def _images(request):
    return _reselected(api_image_list(user=request.user))


@images_router.get(
    "/",
    response={200: list[ImageSchema], 400: ErrorSchema},
    url_name="list_images",
    summary="List images",
    operation_id="images_list",
    auth=READERS,
)
@paginate(Paging, prepare_items=True, shape_fields=[RenditionField()])
def list_images(request, filters: ImageFilters = Query(...)):  # noqa: B008
    _reject_unknown(request, ImageFilters)
    return _ordered_and_searched(_tagged(_images(request), filters.tags), filters, tiebreak="pk")


@images_router.get(
    "/{int:image_id}/",
    response={200: ImageSchema, 400: ErrorSchema, 404: ErrorSchema},
    url_name="detail_image",
    summary="Image detail",
    operation_id="images_detail",
    auth=READERS,
)
def get_image(request, image_id: int = Path(..., ge=1, le=MAX_ID)):
    image = get_object_or_404(_images(request), pk=image_id)
    prepare([image], user=request.user, fields=[RenditionField()])
    return image


# The API ---------------------------------------------------------------------------------


def _docs_enabled(view):
    def gated(request, *args, **kwargs):
        if not settings.WAGTAILAPI_DOCS_ENABLED:
            raise Http404
        return view(request, *args, **kwargs)

    return gated


class CordataNinjaAPI(NinjaAPI):
    """The v3 API; its OpenAPI description documents the bearer token as optional."""

    def get_openapi_schema(self, *args, **kwargs):
        schema = super().get_openapi_schema(*args, **kwargs)
        # Wagtail's AllowAnonymous is a fallback, not a scheme: OpenAPI says "optional" with {}.
        schema["components"].get("securitySchemes", {}).pop("AllowAnonymous", None)
        for path_item in schema["paths"].values():
            for operation in path_item.values():
                if "security" in operation:
                    operation["security"] = [
                        {} if "AllowAnonymous" in requirement else requirement
                        for requirement in operation["security"]
                    ]
        return schema


api_v3 = CordataNinjaAPI(
    title="Cordata API",
    version="3.0.0",
    description=(
        "Read-only access to Cordata's pages, documents and images. Anonymous requests see "
        "public content; `Authorization: Bearer <token>` reads as the token's user."
    ),
    # Wagtail's schemas link to their detail routes through this namespace.
    urls_namespace="wagtailapi_v3",
    openapi_url="/openapi.json",
    docs_url="/docs/",
    docs_decorator=_docs_enabled,
)
api_v3.add_router("/pages/", pages_router)
api_v3.add_router("/documents/", documents_router)
api_v3.add_router("/images/", images_router)
api_v3.add_router("/", whoami_router)


def _error(request, status: int, message: str, errors: list | None = None):
    body = error_body(status, message, problem=True)
    if errors:
        body["errors"] = errors
    return api_v3.create_response(request, body, status=status)


def _plain_errors(errors) -> list[dict]:
    return [
        {"loc": [str(part) for part in error.get("loc", ())], "msg": str(error.get("msg", ""))}
        for error in errors
    ]


@api_v3.exception_handler(NinjaValidationError)
def _invalid_request(request, exc):
    errors = _plain_errors(exc.errors)
    summary = "; ".join(f"{'.'.join(e['loc'][1:]) or e['loc']}: {e['msg']}" for e in errors)
    return _error(request, 400, f"invalid parameters ({summary})", errors)


@api_v3.exception_handler(PydanticValidationError)
def _invalid_value(request, exc):
    return _error(request, 400, "invalid parameters", _plain_errors(exc.errors()))


@api_v3.exception_handler(HttpError)
def _http_error(request, exc):
    return _error(request, exc.status_code, str(exc))


@api_v3.exception_handler(Http404)
def _not_found(request, exc):
    return _error(request, 404, "not found")


@api_v3.exception_handler(SearchUnavailable)
def _search_unavailable(request, exc):
    return _error(request, 503, "search is unavailable, try again later")


@api_v3.exception_handler(AuthenticationError)
def _unauthenticated(request, exc):
    return _error(request, 401, "a valid API token is required")


@api_v3.exception_handler(PermissionDenied)
def _forbidden(request, exc):
    return _error(request, 403, str(exc) or "permission denied")


@api_v3.exception_handler(TokenThrottled)
def _token_throttled(request, exc):
    response = _error(request, 429, exc.message)
    response["Retry-After"] = str(exc.retry_after)
    return response
