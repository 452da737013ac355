"""API v3: Wagtail 8's django-ninja API, read-only, for partners' systems with tokens.

Built from Wagtail's own pieces (bearer-token authentication with `APIToken`, the page,
document and image schemas Wagtail generates from `api_fields`, limit/offset paging, the
`whoami` route) around Cordata's routers, so that:

- a token acts as its user *as a reader*: the user sees what `cms.core.privacy` lets them see
  (a member of a group's auth group sees pages restricted to that group), while a revoked or
  unknown token is anonymous; Wagtail's stock routers would instead show a token only what
  its user may edit in the admin;
- every shape comes from `cms.api.shapes`, as in API v2;
- every refusal is a `cms.api.errors.APIError` whose message says which parameter is wrong,
  what it accepts and how to fix it (validation errors are re-worded from the parameters'
  own schema, never pydantic's text); bodies carry `message` and the RFC 7807 members
  (`type`, `title`, `status`, `detail`, `errors`);
- the OpenAPI description declares every error status an operation can answer, with its
  body and headers, so that clients (and Schemathesis) can rely on it.

Content is written in the admin; this API has no write routes.
"""

import logging
from http import HTTPStatus
from typing import Annotated, Any, Literal, get_origin

from django.conf import settings
from django.http import Http404, HttpRequest
from ninja import Field, NinjaAPI, Path, Query, Router, Schema
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.pagination import paginate
from wagtail.api.v3.auth import AllowAnonymous
from wagtail.api.v3.pagination import WagtailLimitOffsetPagination
from wagtail.api.v3.routers.pages import PageDetailSchema
from wagtail.api.v3.routers.whoami import WhoAmISchema
from wagtail.api.v3.routers.whoami import whoami as wagtail_whoami
from wagtail.api.v3.schemas import BasePageSchema
from wagtail.api.v3.schemas.generators import read_generator
from wagtail.coreutils import resolve_model_string
from wagtail.documents.api.v3.router import DocumentDetailSchema
from wagtail.images.api.v3.router import ImageDetailSchema
from wagtail.models import Page, Site, get_page_models
from wagtail.search.backends import get_search_backend
from wagtail.search.backends.base import FilterFieldError, OrderByFieldError

from cms.api.auth import BearerTokenAuth, presented_token
from cms.api.errors import (
    SEARCH_UNAVAILABLE,
    APIError,
    error_body,
    invalid_value,
    not_visible,
    one_of,
    repeated_parameter,
    unknown_parameters,
)
from cms.api.limits import MAX_ID, MAX_OFFSET, MAX_TAGS
from cms.api.selectors import (
    api_document_list,
    api_image_list,
    api_page_list,
    api_searchable,
    api_tagged,
)
from cms.api.shapes import ImageRef, RenditionField, prepare
from cms.groups.models import PartnerKind, Sector
from cms.knowledge.models import DocumentKind, PlanStatus, document_language_codes
from search.backends import SearchUnavailable

logger = logging.getLogger(__name__)

READERS = [BearerTokenAuth(), AllowAnonymous()]

ObjectId = Annotated[int, Field(ge=1, le=MAX_ID)]
PageType = Literal[tuple(sorted(model._meta.label for model in get_page_models()))]
LocaleCode = Literal[tuple(code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES)]
COUNTRY_PATTERN = r"^[A-Z]{2}$"
COUNTRY_RULE = "a two-letter ISO 3166-1 country code in capitals, e.g. DE"


class ErrorDetail(Schema):
    """One invalid parameter: its name, where it is sent (`query`, `path`) and what is wrong."""

    parameter: str
    location: str
    message: str


class ErrorSchema(Schema):
    """An error: `message` (as in API v2) plus the RFC 7807 problem members.

    `detail` repeats `message`; `errors` lists the invalid parameters when there are any.
    """

    message: str
    type: str
    title: str
    status: int
    detail: str
    errors: list[ErrorDetail] | None = None


def errors(*statuses: int) -> dict[int, type[Schema]]:
    """The error responses an operation declares, each with the error body."""
    return dict.fromkeys(statuses, ErrorSchema)


# Every operation reading a token may answer 429 once a client sends too many bad tokens.
TOKEN_ERRORS = (429,)


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


def _reject_unexpected(request, schema: type[Schema]) -> None:
    """Refuse parameters the list does not take, and single values given more than once."""
    accepted = [*schema.model_fields, "limit", "offset"]
    unknown = set(request.GET) - set(accepted)
    if unknown:
        raise APIError(400, unknown_parameters(unknown, accepted=accepted, where=request.path))
    for name, values in request.GET.lists():
        field = schema.model_fields.get(name)
        if len(values) > 1 and (field is None or get_origin(field.annotation) is not list):
            raise APIError(400, repeated_parameter(name, len(values)))


def _tagged(queryset, tags: list[str]):
    """Items carrying every one of `tags`."""
    return api_tagged(queryset, tags=tags)


def _ordered_and_searched(queryset, filters, *, tiebreak: str, operator: str | None = None):
    """Every list's `order` (ties broken by `tiebreak`) and `search` parameters, applied.

    The tiebreak is an indexed field, so that the search backend can order by it too.
    """
    if filters.order:
        queryset = queryset.order_by(filters.order, tiebreak)
    if filters.search is None:
        return queryset
    try:
        return get_search_backend().search(
            filters.search,
            api_searchable(queryset),
            operator=operator,
            order_by_relevance=not filters.order,
        )
    except (FilterFieldError, OrderByFieldError):
        # Every filter reaches the backend by id and every `order` is indexed, so this
        # would be a new field nobody indexed: still the client's answer, not a 500.
        logger.exception("Search refused a field")
        raise APIError(
            400,
            f"search cannot be combined with order={filters.order} here; leave out order "
            "to sort by relevance.",
        ) from None


def _listed(visible):
    """A visible collection-item list (documents, images) with its relations loaded, by id.

    A search re-selects it by id (`api_searchable`), as every list."""
    return visible.select_related("collection").prefetch_related("tags").order_by("pk")


# Pages -----------------------------------------------------------------------------------

pages_router = Router(tags=["pages"])


class PageFilters(Schema):
    """Page list parameters; field filters need a `type` that has the field."""

    type: PageType | None = None
    locale: LocaleCode | None = None
    child_of: ObjectId | None = None
    descendant_of: ObjectId | None = None
    translation_of: ObjectId | None = None
    tags: Annotated[list[Annotated[str, Field(max_length=100)]], Field(max_length=MAX_TAGS)] = []
    sector: Literal[tuple(Sector.values)] | None = None
    country: Annotated[str, Field(pattern=COUNTRY_PATTERN)] | None = None
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


def _types_with(name: str) -> list[str]:
    return [model._meta.label for model in get_page_models() if _has_field(model, name)]


def _needs_type(parameter: str, field: str, chosen: str | None) -> APIError:
    """A filter or order on a field that the chosen page type (or none) does not have."""
    types = _types_with(field)
    without = f"type={chosen} has no {field}" if chosen else "no type was given"
    return APIError(
        400,
        f"{parameter} needs a page type that has {field}: add type={types[0]} "
        f"({without}; {field} is a field of {', '.join(types)}).",
    )


PAGE_LIST_ERRORS = errors(400, 404, *TOKEN_ERRORS, 503)
PAGE_DETAIL_ERRORS = errors(400, 404, *TOKEN_ERRORS)


@pages_router.get(
    "/",
    response={200: list[BasePageSchema], **PAGE_LIST_ERRORS},
    url_name="list_pages",
    summary="List pages",
    description=(
        "Field filters (`sector`, `country`, `kind`, `status`, `tags`) and `order=date` need a "
        "`type` that has the field; otherwise the answer is 400 naming the type to add. "
        "`child_of`, `descendant_of` and `translation_of` name a page: 404 when it does not "
        "exist or is not visible to the requester."
    ),
    operation_id="pages_list",
    auth=READERS,
)
@paginate(Paging)
def list_pages(request, filters: PageFilters = Query(...)):  # noqa: B008
    _reject_unexpected(request, PageFilters)
    model = resolve_model_string(filters.type) if filters.type else Page
    for name in ("sector", "country", "kind", "status", "tags"):
        if getattr(filters, name) and not _has_field(model, name):
            raise _needs_type(name, name, filters.type)
    if filters.order and not _has_field(model, filters.order.lstrip("-")):
        raise _needs_type(f"order={filters.order}", filters.order.lstrip("-"), filters.type)
    site = Site.find_for_request(request)
    pages = api_page_list(site=site, user=request.user, model=model)
    if filters.locale:
        pages = pages.filter(locale__language_code=filters.locale)
    anchors = api_page_list(site=site, user=request.user)
    for name in ("child_of", "descendant_of", "translation_of"):
        page_id = getattr(filters, name)
        if page_id is None:
            continue
        anchor = anchors.filter(pk=page_id).first()
        if anchor is None:
            raise APIError(404, not_visible("page", "id", page_id, parameter=name))
        pages = getattr(pages, name)(anchor)
    for name in ("sector", "country", "kind", "status"):
        if value := getattr(filters, name):
            pages = pages.filter(**{name: value})
    pages = _tagged(pages, filters.tags)
    return _ordered_and_searched(pages, filters, tiebreak="path", operator=filters.search_operator)


def _visible(queryset, object_id: int, what: str):
    found = queryset.filter(pk=object_id).first()
    if found is None:
        raise APIError(404, not_visible(what, "id", object_id))
    return found


@pages_router.get(
    "/{int:page_id}/",
    response={200: PageDetailSchema, **PAGE_DETAIL_ERRORS},
    url_name="detail_page",
    summary="Page detail",
    operation_id="pages_detail",
    auth=READERS,
)
def get_page(request, page_id: int = Path(..., ge=1, le=MAX_ID)):
    pages = api_page_list(site=Site.find_for_request(request), user=request.user)
    page = _visible(pages, page_id, "page").specific
    prepare([page], user=request.user)
    return page


# Documents -------------------------------------------------------------------------------

documents_router = Router(tags=["documents"])


class DocumentFilters(Schema):
    """Document list parameters."""

    kind: Literal[tuple(DocumentKind.values)] | None = None
    language: Literal[tuple(document_language_codes())] | None = None
    thematic_group: ObjectId | None = None
    tags: Annotated[list[Annotated[str, Field(max_length=100)]], Field(max_length=MAX_TAGS)] = []
    order: Literal["title", "-title", "created_at", "-created_at"] | None = None
    search: Annotated[str, Field(max_length=200)] | None = None


def _documents(request):
    return _listed(api_document_list(user=request.user))


@documents_router.get(
    "/",
    response={200: list[DocumentDetailSchema], **errors(400, *TOKEN_ERRORS, 503)},
    url_name="list_documents",
    summary="List documents",
    operation_id="documents_list",
    auth=READERS,
)
@paginate(Paging, prepare_items=True)
def list_documents(request, filters: DocumentFilters = Query(...)):  # noqa: B008
    _reject_unexpected(request, DocumentFilters)
    documents = _documents(request)
    for name in ("kind", "language"):
        if value := getattr(filters, name):
            documents = documents.filter(**{name: value})
    if filters.thematic_group:
        documents = documents.filter(thematic_group_id=filters.thematic_group)
    return _ordered_and_searched(_tagged(documents, filters.tags), filters, tiebreak="id")


@documents_router.get(
    "/{int:document_id}/",
    response={200: DocumentDetailSchema, **errors(400, 404, *TOKEN_ERRORS)},
    url_name="detail_document",
    summary="Document detail",
    operation_id="documents_detail",
    auth=READERS,
)
def get_document(request, document_id: int = Path(..., ge=1, le=MAX_ID)):
    document = _visible(_documents(request), document_id, "document")
    prepare([document], user=request.user)
    return document


# Images ----------------------------------------------------------------------------------

images_router = Router(tags=["images"])


def _rendition(obj) -> ImageRef | None:
    return RenditionField().to_representation(obj)


# Made by Wagtail's schema generator when this module is imported.
ImageSchema: Any = read_generator.extend_schema(
    ImageDetailSchema,
    "CordataImageSchema",
    {"rendition": (ImageRef | None, None, staticmethod(_rendition))},
)


class ImageFilters(Schema):
    """Image list parameters."""

    tags: Annotated[list[Annotated[str, Field(max_length=100)]], Field(max_length=MAX_TAGS)] = []
    order: Literal["title", "-title", "created_at", "-created_at"] | None = None
    search: Annotated[str, Field(max_length=200)] | None = None


def _images(request):
    return _listed(api_image_list(user=request.user))


@images_router.get(
    "/",
    response={200: list[ImageSchema], **errors(400, *TOKEN_ERRORS, 503)},
    url_name="list_images",
    summary="List images",
    operation_id="images_list",
    auth=READERS,
)
@paginate(Paging, prepare_items=True, shape_fields=[RenditionField()])
def list_images(request, filters: ImageFilters = Query(...)):  # noqa: B008
    _reject_unexpected(request, ImageFilters)
    return _ordered_and_searched(_tagged(_images(request), filters.tags), filters, tiebreak="id")


@images_router.get(
    "/{int:image_id}/",
    response={200: ImageSchema, **errors(400, 404, *TOKEN_ERRORS)},
    url_name="detail_image",
    summary="Image detail",
    operation_id="images_detail",
    auth=READERS,
)
def get_image(request, image_id: int = Path(..., ge=1, le=MAX_ID)):
    image = _visible(_images(request), image_id, "image")
    prepare([image], user=request.user, fields=[RenditionField()])
    return image


# Who am I --------------------------------------------------------------------------------


def whoami(request: HttpRequest) -> dict:
    """Wagtail's answer, with the groups in name order: the database returns them in no set order."""
    answer = wagtail_whoami(request)
    answer["groups"] = sorted(answer["groups"])
    return answer


# Wagtail's route and schema, declared with the errors it answers.
auth_router = Router(tags=["auth"])
auth_router.get(
    "/whoami/",
    response={200: WhoAmISchema, **errors(401, *TOKEN_ERRORS)},
    auth=BearerTokenAuth(),
    url_name="whoami",
    operation_id="whoami",
    summary="Current API user",
    description="The token's user and groups; 401 without a valid token.",
)(whoami)


# The API ---------------------------------------------------------------------------------


def _docs_enabled(view):
    def gated(request, *args, **kwargs):
        if not settings.WAGTAILAPI_DOCS_ENABLED:
            return _error(request, APIError(404, "This site does not publish its API description."))
        return view(request, *args, **kwargs)

    return gated


# What each declared error status means, and the headers it carries.
ERROR_DESCRIPTIONS = {
    400: "A parameter is invalid or a combination is not supported; `message` says which and "
    "what to send instead, `errors` lists invalid parameters.",
    401: "No valid API token: send `Authorization: Bearer <token>`.",
    404: "No such object, or the requester may not see it.",
    429: "Too many requests with an invalid token; retry after `Retry-After` seconds.",
    503: "Search is temporarily unavailable; retry later, or leave out `search`.",
}
ERROR_HEADERS = {
    401: {
        "WWW-Authenticate": {
            "description": "The authentication scheme: `Bearer`.",
            "required": True,
            "schema": {"type": "string"},
        }
    },
    429: {
        "Retry-After": {
            "description": "Seconds to wait before the next request.",
            "required": True,
            "schema": {"type": "integer", "minimum": 0},
        }
    },
}


class CordataNinjaAPI(NinjaAPI):
    """The v3 API; its OpenAPI description documents the bearer token as optional.

    It also describes each declared error status and the headers it carries (`Retry-After`
    on 429, `WWW-Authenticate` on 401).
    """

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
                for status, response in operation["responses"].items():
                    status = int(status)
                    if status in ERROR_DESCRIPTIONS:
                        response["description"] = ERROR_DESCRIPTIONS[status]
                    if status in ERROR_HEADERS:
                        response["headers"] = ERROR_HEADERS[status]
        return schema


api_v3 = CordataNinjaAPI(
    title="Cordata API",
    version="3.0.0",
    description=(
        "Read-only access to Cordata's pages, documents and images. Anonymous requests see "
        "public content; `Authorization: Bearer <token>` reads as the token's user. Every "
        "error answers with `message` (what is wrong and how to fix it) and the RFC 7807 "
        "members `type`, `title`, `status`, `detail`."
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
api_v3.add_router("/", auth_router)


def _error(request, exc: APIError):
    body = error_body(exc.status, exc.message, problem=True, errors=exc.errors)
    response = api_v3.create_response(request, body, status=exc.status)
    for name, value in exc.headers.items():
        response[name] = value
    return response


# What each parameter accepts, said from its schema, for the messages of invalid values.
OPERATION_PARAMETERS: dict[str, tuple[type[Schema], ...]] = {
    "list_pages": (PageFilters, Paging.Input),
    "list_documents": (DocumentFilters, Paging.Input),
    "list_images": (ImageFilters, Paging.Input),
}
OBJECT_ID_RULE = f"an integer from 1 to {MAX_ID}"


def _rule(schema: dict) -> str:
    """What a parameter's JSON schema accepts, in words."""
    branches = [branch for branch in schema.get("anyOf", [schema]) if branch.get("type") != "null"]
    schema = branches[0] if branches else schema
    if "enum" in schema:
        return one_of(str(value) for value in schema["enum"])
    if "const" in schema:
        return str(schema["const"])
    if schema.get("type") == "array":
        each = _rule(schema.get("items", {})) + " (repeat the parameter for more: tags=a&tags=b)"
        if "maxItems" in schema:
            return f"at most {schema['maxItems']} values, each {each}"
        return each
    if schema.get("type") == "integer":
        low, high = schema.get("minimum"), schema.get("maximum")
        if low is not None and high is not None:
            return f"an integer from {low} to {high}"
        if low is not None:
            return f"an integer of at least {low}"
        return "an integer"
    if schema.get("pattern") == COUNTRY_PATTERN:
        return COUNTRY_RULE
    if "maxLength" in schema:
        return f"text of at most {schema['maxLength']} characters"
    return "a valid value"


def _parameter_rules() -> dict[str, dict[str, str]]:
    rules = {}
    for url_name, models in OPERATION_PARAMETERS.items():
        rules[url_name] = {
            name: _rule(property_schema)
            for model in models
            for name, property_schema in model.model_json_schema()["properties"].items()
        }
    return rules


PARAMETER_RULES = _parameter_rules()


@api_v3.exception_handler(APIError)
def _refused(request, exc):
    return _error(request, exc)


def _sent_value(request, location: str, name: str, index) -> str | None:
    """What the client sent for an invalid parameter (django-ninja drops it from the error)."""
    if location == "path":
        return (request.resolver_match.kwargs or {}).get(name)
    values = request.GET.getlist(name)
    if not values:
        return None
    if isinstance(index, int) and index < len(values):
        return values[index]
    return values[-1] if len(values) == 1 else f"{len(values)} values"


def _error_location(loc, rules: dict[str, str]) -> tuple[str, str, int | None]:
    """`("query", "tags", 1)` from a loc such as `("query", "filters", "tags", 1)`."""
    location, *parts = [*loc] or [""]
    names = [part for part in parts if isinstance(part, str)]
    name = next((part for part in names if part in rules), names[-1] if names else "")
    after = parts[parts.index(name) + 1 :] if name in parts else []
    index = next((part for part in after if isinstance(part, int)), None)
    return str(location), name, index


@api_v3.exception_handler(NinjaValidationError)
def _invalid_request(request, exc):
    rules = PARAMETER_RULES.get(getattr(request.resolver_match, "url_name", ""), {})
    details = []
    for error in exc.errors:
        location, name, index = _error_location(error.get("loc", ()), rules)
        rule = OBJECT_ID_RULE if location == "path" else rules.get(name, "a valid value")
        message = invalid_value(name, rule, _sent_value(request, location, name, index))
        details.append({"parameter": name, "location": location, "message": message})
    message = " ".join(dict.fromkeys(detail["message"] for detail in details))
    return _error(
        request, APIError(400, message or "The parameters are not valid.", errors=details)
    )


@api_v3.exception_handler(AuthenticationError)
def _unauthenticated(request, exc):
    if not request.headers.get("Authorization"):
        message = "whoami needs an API token: send Authorization: Bearer <token>."
    elif presented_token(request) is None:
        message = "The Authorization header must read Bearer <token> (the Bearer scheme)."
    else:
        message = (
            "The API token is not valid: it is unknown, revoked, or its user is inactive; "
            "ask the site's administrators for a new one."
        )
    return _error(request, APIError(401, message, headers={"WWW-Authenticate": "Bearer"}))


@api_v3.exception_handler(HttpError)
def _http_error(request, exc):
    # django-ninja's own refusals; the routes above raise APIError instead.
    logger.warning("django-ninja refused %s: %s", request.get_full_path(), exc)
    status = exc.status_code
    return _error(request, APIError(status, f"{HTTPStatus(status).phrase}."))


@api_v3.exception_handler(Http404)
def _not_found(request, exc):
    return _error(request, APIError(404, "Not found."))


@api_v3.exception_handler(SearchUnavailable)
def _search_unavailable(request, exc):
    return _error(request, APIError(503, SEARCH_UNAVAILABLE))
