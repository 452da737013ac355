"""API v2: Wagtail's read-only viewsets, narrowed to what the requester may see, and the router.

Wagtail's viewsets keep their query language (`type`, `fields`, `child_of`, `order`,
`search`, field filters...). On top of it these endpoints:

- list only what `cms.core.privacy` lets the requester see (anonymous, session or token,
  the token read by `cms.api.auth`: 429 after too many unknown ones from one address);
- build every shape through `cms.api.shapes`, prepared once per list;
- answer any bad parameter with 400 and unknown ids with 404, never 500, each with a message
  written for the client (`cms.api.errors.APIError`): the parameters are checked here before
  Wagtail's filters see them, so Wagtail's own wording never reaches a client;
- combine what Wagtail refuses to combine: `search` with tags and any other field filter,
  `child_of` with `descendant_of`;
- serve JSON only (no browsable API, no `?format=`).

`api_router` registers them; `cms.api.urls` wraps its URLs in the APIs' HTTP policy.
"""

import logging
import re
from http import HTTPStatus
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models
from django.http import Http404
from django_countries import countries
from django_countries.fields import CountryField
from rest_framework.authentication import SessionAuthentication
from rest_framework.exceptions import APIException
from rest_framework.filters import BaseFilterBackend
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from taggit.managers import TaggableManager
from wagtail.api import APIField
from wagtail.api.v2 import views as wagtail_views
from wagtail.api.v2.filters import (
    AncestorOfFilter,
    ChildOfFilter,
    DescendantOfFilter,
    LocaleFilter,
    OrderingFilter,
    SearchFilter,
    TranslationOfFilter,
)
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import (
    BadRequestError,
    page_models_from_string,
    parse_boolean,
    parse_fields_parameter,
)
from wagtail.documents.api.v2.views import DocumentsAPIViewSet as WagtailDocumentsAPIViewSet
from wagtail.fields import StreamField
from wagtail.images.api.v2.views import ImagesAPIViewSet as WagtailImagesAPIViewSet
from wagtail.models import Locale, Site, get_page_models

from cms.api.auth import APITokenAuthentication
from cms.api.errors import (
    SEARCH_UNAVAILABLE,
    APIError,
    error_body,
    invalid_value,
    not_visible,
    one_of,
    repeated_parameter,
    shown,
    unknown_parameters,
)
from cms.api.limits import MAX_ID, MAX_OFFSET, MAX_TAGS, TAGS_RULE
from cms.api.selectors import (
    api_document_list,
    api_image_list,
    api_page_list,
    api_searchable,
    api_tagged,
)
from cms.api.shapes import (
    DocumentURLField,
    ImageFileURLField,
    RenditionField,
    ShapeField,
    TagListField,
    prepare,
)
from search.backends import SearchUnavailable

logger = logging.getLogger(__name__)

ID_RULE = f"an id, a whole number from 1 to {MAX_ID}"
PAGE_ID_RULE = f"a page id (a whole number from 1 to {MAX_ID})"
INTEGER_RULE = f"a whole number from -{MAX_ID} to {MAX_ID}"
FIELDS_RULE = (
    "a comma-separated list of field names, e.g. fields=date,tags (* first for every field, "
    "_ first for none, -name to leave one out, relation(sub,fields) for a relation's own fields)"
)
# A refusal of Wagtail's that the checks below did not foresee: answered without its wording.
UNFORESEEN_REFUSAL = (
    "The query parameters are not valid for this endpoint; docs/api.md lists what each accepts."
)
# Wagtail's page tree filters; all but ancestor_of also take `root`, the site's home page.
TREE_PARAMETERS = ("child_of", "descendant_of", "ancestor_of", "translation_of")
SEARCH_MAX_LENGTH = 200
_UNKNOWN_FIELDS = re.compile(r"^unknown fields: (?P<names>.+)$")
_NOT_NESTED = re.compile(r"^'(?P<name>.+)' does not support nested fields$")


def _integer(value: str) -> int | None:
    try:
        return int(value)
    except ValueError:
        return None


def _whole_number(name: str, value: str, *, low: int, high: int) -> int:
    number = _integer(value)
    if number is None or not low <= number <= high:
        raise APIError(400, invalid_value(name, f"a whole number from {low} to {high}", value))
    return number


def _page_types() -> list[str]:
    return sorted({"wagtailcore.Page", *(model._meta.label for model in get_page_models())})


class JSONOnlyNegotiation(BaseContentNegotiation):
    """Always JSON, whatever `Accept` or `?format=` say: one representation to cache."""

    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


class BoundedPagination(WagtailPagination):
    """Wagtail's limit/offset paging, its bounds checked (and explained) first."""

    def paginate_queryset(self, queryset, request, view=None):
        for name, high in (("limit", settings.WAGTAILAPI_LIMIT_MAX), ("offset", MAX_OFFSET)):
            if name in request.GET:
                _whole_number(name, request.GET[name], low=0, high=high)
        return super().paginate_queryset(queryset, request, view)


def filter_value(field, value: str):
    """A field filter's value as the database compares it, or a 400 saying what it must be."""
    name = field.name
    if isinstance(field, TaggableManager):
        return value
    if isinstance(field, CountryField):
        if countries.alpha2(value) != value:
            rule = "a two-letter ISO 3166-1 country code in capitals, e.g. DE"
            raise APIError(400, invalid_value(name, rule, value))
        return value
    if field.choices:
        choices = sorted(str(key) for key, _label in field.flatchoices)
        if value not in choices:
            raise APIError(400, invalid_value(name, one_of(choices), value))
        return value
    if isinstance(field, models.ForeignKey | models.AutoField):
        return _whole_number(name, value, low=1, high=MAX_ID)
    if isinstance(field, models.IntegerField):
        return _whole_number(name, value, low=-MAX_ID, high=MAX_ID)
    if isinstance(field, models.BooleanField):
        try:
            return parse_boolean(value)
        except ValueError:
            raise APIError(400, invalid_value(name, "true or false (or 1 or 0)", value)) from None
    rules = [
        (models.DateTimeField, "a date and time in ISO 8601, e.g. 2012-01-16T10:00:00+01:00"),
        (models.DateField, "a date written YYYY-MM-DD, e.g. 2012-01-16"),
        (models.UUIDField, "a UUID, e.g. 1b3e4a5c-0d1e-4f2a-9b8c-7d6e5f4a3b2c"),
        (models.DecimalField | models.FloatField, "a number, e.g. 0.5"),
    ]
    try:
        return field.to_python(value)
    except DjangoValidationError:
        rule = next((rule for kind, rule in rules if isinstance(field, kind)), "a valid value")
        raise APIError(400, invalid_value(name, rule, value)) from None


class ValidatedFieldsFilter(BaseFilterBackend):
    """Field filters (`?sector=ict`, `?tags=a,b`) as Wagtail's, every value validated first.

    Unlike Wagtail's it does not mark tag filters as unsearchable: the search filter
    re-selects by id, so tags combine with `search`.
    """

    def filter_queryset(self, request, queryset, view):
        model = queryset.model
        for name in view.get_filterable_fields(model):
            if name not in request.GET:
                continue
            field = model._meta.get_field(name)
            value = filter_value(field, request.GET[name])
            if isinstance(field, TaggableManager):
                tags = value.split(",")
                if len(tags) > MAX_TAGS:
                    raise APIError(
                        400, invalid_value(name, f"{TAGS_RULE}, separated by commas", value)
                    )
                queryset = api_tagged(queryset, tags=tags, field=name)
            else:
                queryset = queryset.filter(**{name: value})
        return queryset


class SearchAfterFiltersFilter(SearchFilter):
    """Wagtail's `?search=`, applied to whatever the other filters selected.

    The selection is handed to the search backend by id (`api_searchable`), so every filter
    (tags, locale, tree, any field) combines with `search`.
    """

    def filter_queryset(self, request, queryset, view):
        if "search" in request.GET:
            queryset = api_searchable(queryset)
        return super().filter_queryset(request, queryset, view)


class DescendantOfWithChildOfFilter(DescendantOfFilter):
    """Wagtail's `?descendant_of=`, which may also follow `child_of`: children of X below Y."""

    def filter_queryset(self, request, queryset, view):
        if hasattr(queryset, "_filtered_by_child_of"):
            queryset = queryset.all()  # a copy without Wagtail's marker, which forbids this
        return super().filter_queryset(request, queryset, view)


class KnownLocaleFilter(LocaleFilter):
    """`?locale=`: an unknown language code is a bad parameter (400), not a missing object."""

    def filter_queryset(self, request, queryset, view):
        code = request.GET.get("locale")
        if code is not None and not Locale.objects.filter(language_code=code).exists():
            codes = Locale.objects.order_by("language_code").values_list("language_code", flat=True)
            raise APIError(400, invalid_value("locale", one_of(codes), code))
        return super().filter_queryset(request, queryset, view)


if TYPE_CHECKING:
    # The mixin's methods call Wagtail's viewset, which every endpoint combines it with.
    from wagtail.api.v2.views import BaseAPIViewSet as _EndpointBase
else:
    _EndpointBase = object


class CordataEndpointMixin(_EndpointBase):
    """What every Cordata v2 endpoint adds to Wagtail's viewset (see the module docstring)."""

    renderer_classes = [JSONRenderer]
    content_negotiation_class = JSONOnlyNegotiation
    authentication_classes = [APITokenAuthentication, SessionAuthentication]
    permission_classes = [AllowAny]
    pagination_class = BoundedPagination
    # No `format` (JSON only), `rich_text_format` (rich text is always HTML) or `site`
    # (the request's host picks the site).
    known_query_parameters = frozenset(
        ["limit", "offset", "fields", "order", "search", "search_operator", "_"]
    )
    #: What one object of this endpoint is called in messages.
    noun = "object"

    @classmethod
    def get_filterable_fields(cls, model) -> list[str]:
        """Database fields a listing may filter on: plain columns, foreign keys and tags."""
        names = []
        for name in cls.get_available_fields(model, db_fields_only=True):
            if name == "locale":
                continue
            try:
                field = model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            if isinstance(field, TaggableManager) or (
                field.concrete and not field.many_to_many and not isinstance(field, StreamField)
            ):
                names.append(name)
        return names

    @classmethod
    def get_orderable_fields(cls, model) -> list[str]:
        """Columns a listing may be ordered by (a relation or a tag list orders nothing)."""
        return [
            name
            for name in cls.get_filterable_fields(model)
            if not isinstance(model._meta.get_field(name), TaggableManager)
        ]

    def model_label(self, model) -> str:
        return model._meta.label

    def unknown_parameters_message(self, unknown: set[str], model) -> str:
        operations = sorted(self.known_query_parameters - {"_"})
        fields = ", ".join(self.get_filterable_fields(model))
        return unknown_parameters(
            unknown,
            accepted=[*operations, f"the fields of {self.model_label(model)} ({fields})"],
            where=self.request.path,
        )

    def check_query_parameters(self, queryset):
        params = self.request.GET
        model = queryset.model
        allowed = set(self.get_filterable_fields(model)) | self.known_query_parameters
        unknown = set(params) - allowed
        if unknown:
            raise APIError(400, self.unknown_parameters_message(unknown, model))
        for name, values in params.lists():
            if len(values) > 1:
                raise APIError(400, repeated_parameter(name, len(values)))
        operator = params.get("search_operator")
        if operator is not None and operator not in ("and", "or"):
            raise APIError(400, invalid_value("search_operator", one_of(["and", "or"]), operator))
        if "search" in params and len(params["search"]) > SEARCH_MAX_LENGTH:
            rule = f"at most {SEARCH_MAX_LENGTH} characters long"
            raise APIError(400, invalid_value("search", rule, params["search"]))
        if "order" in params:
            self.check_order(params, model)

    def check_order(self, params, model) -> None:
        """The checks of Wagtail's ordering filter, and what searching adds, explained."""
        order = params["order"]
        names = order.split(",")
        orderable = self.get_orderable_fields(model)
        label = self.model_label(model)
        if "random" in names:
            if len(names) > 1:
                raise APIError(
                    400, f"order=random cannot be combined with other fields (got {shown(order)})."
                )
            for other in ("offset", "search"):
                if other in params:
                    raise APIError(
                        400,
                        f"order=random cannot be combined with {other}: random order has no "
                        f"stable pages and no relevance; leave out {other} or order.",
                    )
            return
        for name in names:
            if name.lstrip("-") not in orderable:
                raise APIError(
                    400,
                    f"order: {label} cannot be ordered by {shown(name)}. Order it by "
                    f"{', '.join(orderable)} (-name for descending), or random."
                    + self.type_hint(name.lstrip("-")),
                )
        if "search" in params:
            indexed = {field.field_name for field in model.get_filterable_search_fields()}
            searchable = [name for name in orderable if name in indexed]
            for name in names:
                if name.lstrip("-") not in indexed:
                    raise APIError(
                        400,
                        f"order={order} cannot be combined with search: while searching, "
                        f"{label} can be ordered by {', '.join(searchable)}; or leave out "
                        "order to sort by relevance.",
                    )

    def type_hint(self, name: str) -> str:
        """For pages: which types have a field, when the chosen one lacks it."""
        return ""

    def shape_fields(self, serializer) -> list[ShapeField]:
        fields = getattr(serializer, "child", serializer).fields
        return [field for field in fields.values() if isinstance(field, ShapeField)]

    def listing_view(self, request):
        queryset = self.get_queryset()
        self.check_query_parameters(queryset)
        queryset = self.filter_queryset(queryset)
        objects = list(self.paginate_queryset(queryset))
        serializer = self.get_serializer(objects, many=True)
        prepare(objects, user=request.user, fields=self.shape_fields(serializer))
        return self.get_paginated_response(serializer.data)

    def get_object(self):
        # Filter backends (search above all) apply to listings only: a detail is found by id.
        if not hasattr(self, "_cached_object"):
            pk = int(self.kwargs["pk"])
            found = self.get_queryset().filter(pk=pk).first() if pk <= MAX_ID else None
            if found is None:
                raise APIError(404, not_visible(self.noun, "id", pk))
            self._cached_object = found
        return self._cached_object

    def detail_view(self, request, pk):
        instance = self.get_object()
        serializer = self.get_serializer(instance)
        prepare([instance], user=request.user, fields=self.shape_fields(serializer))
        return Response(serializer.data)

    def get_serializer_class(self):
        raw = self.request.GET.get("fields")
        if raw is not None:
            try:
                parse_fields_parameter(raw)
            except ValueError:
                raise APIError(400, invalid_value("fields", FIELDS_RULE, raw)) from None
        try:
            return super().get_serializer_class()
        except BadRequestError as exc:
            raise APIError(400, self.fields_message(str(exc))) from exc

    def fields_message(self, refusal: str) -> str:
        """Wagtail's refusal of a well-formed `fields` list, said for the client."""
        model = self.get_queryset().model if self.action == "listing_view" else None
        model = model or type(self.get_object())
        available = list(
            dict.fromkeys(self.get_body_fields_names(model) + self.get_meta_fields_names(model))
        )
        if self.action == "listing_view":
            available = [name for name in available if name not in self.detail_only_fields]
        if match := _UNKNOWN_FIELDS.match(refusal):
            names = match["names"].split(", ")
            if set(names) & set(available):
                return f"fields: unknown field {', '.join(names)} among a relation's own fields."
            return (
                f"fields: {self.model_label(model)} has no field {', '.join(names)}; "
                f"its fields are {', '.join(available)}."
            )
        if match := _NOT_NESTED.match(refusal):
            name = match["name"]
            return (
                f"fields: {name} is not a relation, so it takes no fields of its own "
                f"in brackets; ask for {name} alone."
            )
        logger.warning("Unforeseen fields refusal: %s", refusal)
        return invalid_value("fields", FIELDS_RULE, self.request.GET["fields"])

    def find_object(self, queryset, request):
        params = request.GET
        keys = sorted(self.find_query_parameters)
        if not set(keys) & set(params):
            raise APIError(
                400,
                f"find needs {' or '.join(keys)}, e.g. {request.path}?id=8 "
                "(it redirects to the object's detail URL).",
            )
        number = None
        if "id" in params:
            number = _integer(params["id"])
            if number is None or not 0 < number <= MAX_ID:
                raise APIError(400, invalid_value("id", ID_RULE, params["id"]))
        try:
            found = super().find_object(queryset, request)
        except self.model.DoesNotExist:
            found = None
        if found is None:
            if "html_path" in params:
                raise APIError(404, not_visible("page", "html_path", shown(params["html_path"])))
            raise APIError(404, not_visible(self.noun, "id", number))
        return found

    def handle_exception(self, exc):
        if isinstance(exc, APIError):
            return Response(
                error_body(exc.status, exc.message, problem=False),
                status=exc.status,
                headers=exc.headers,
            )
        if isinstance(exc, SearchUnavailable):
            return Response(
                error_body(503, SEARCH_UNAVAILABLE, problem=False),
                status=503,
            )
        if isinstance(exc, BadRequestError | DjangoValidationError | OverflowError):
            logger.warning("Unforeseen refusal of %s: %r", self.request.get_full_path(), exc)
            return Response(error_body(400, UNFORESEEN_REFUSAL, problem=False), status=400)
        if isinstance(exc, Http404):
            pk = self.kwargs.get("pk")
            message = not_visible(self.noun, "id", pk) if pk else "Not found."
            return Response(error_body(404, message, problem=False), status=404)
        if isinstance(exc, APIException):
            status = exc.status_code
            message = f"{HTTPStatus(status).phrase}."
            return Response(error_body(status, message, problem=False), status=status)
        return super().handle_exception(exc)


class PagesAPIViewSet(CordataEndpointMixin, wagtail_views.PagesAPIViewSet):
    """Live pages of the requested site that the requester may see, with their translations."""

    filter_backends = [
        ValidatedFieldsFilter,
        ChildOfFilter,
        AncestorOfFilter,
        DescendantOfWithChildOfFilter,
        OrderingFilter,
        TranslationOfFilter,
        KnownLocaleFilter,
        SearchAfterFiltersFilter,  # last: search results cannot be filtered further
    ]
    known_query_parameters = CordataEndpointMixin.known_query_parameters | {
        "type",
        "child_of",
        "ancestor_of",
        "descendant_of",
        "translation_of",
        "locale",
    }

    noun = "page"

    def _models(self):
        value = self.request.GET.get("type") or "wagtailcore.Page"
        try:
            return page_models_from_string(value)
        except (LookupError, ValueError):
            rule = "one or more page types separated by commas, from " + ", ".join(_page_types())
            raise APIError(400, invalid_value("type", rule, value)) from None

    def model_label(self, model) -> str:
        return self.request.GET.get("type") or model._meta.label

    def unknown_parameters_message(self, unknown: set[str], model) -> str:
        message = super().unknown_parameters_message(unknown, model)
        return message + "".join(self.type_hint(name) for name in sorted(unknown))

    def type_hint(self, name: str) -> str:
        types = [
            page_model._meta.label
            for page_model in get_page_models()
            if name in self.get_filterable_fields(page_model)
        ]
        if not types:
            return ""
        return f" {name} is a field of {', '.join(types)}: add type={types[0]} to use it."

    def check_query_parameters(self, queryset):
        super().check_query_parameters(queryset)
        params = self.request.GET
        for name in TREE_PARAMETERS:
            if name not in params or (params[name] == "root" and name != "ancestor_of"):
                continue
            number = _integer(params[name])
            if number is None or not 0 < number <= MAX_ID:
                rule = PAGE_ID_RULE if name == "ancestor_of" else f"{PAGE_ID_RULE} or root"
                raise APIError(400, invalid_value(name, rule, params[name]))
            if not self.get_base_queryset().filter(pk=number).exists():
                raise APIError(400, not_visible("page", "id", number, parameter=name))

    def get_base_queryset(self):
        if not hasattr(self, "_base_queryset"):
            self._base_queryset = api_page_list(
                site=Site.find_for_request(self.request), user=self.request.user
            )
        return self._base_queryset

    def get_queryset(self):
        models_ = self._models()
        if len(models_) == 1:
            return api_page_list(
                site=Site.find_for_request(self.request), user=self.request.user, model=models_[0]
            )
        return self.get_base_queryset().type(*models_)

    def get_object(self):
        return super().get_object().specific


class DocumentsAPIViewSet(CordataEndpointMixin, WagtailDocumentsAPIViewSet):
    """Documents outside restricted collections (or inside those the requester may enter)."""

    noun = "document"

    filter_backends = [ValidatedFieldsFilter, OrderingFilter, SearchAfterFiltersFilter]
    meta_fields = [
        "type",
        "detail_url",
        APIField("tags", serializer=TagListField()),
        APIField("download_url", serializer=DocumentURLField()),
    ]

    def get_queryset(self):
        # Re-selected by id so that search (which filters only on indexed fields) still works.
        model = self.model
        return model.objects.filter(
            pk__in=api_document_list(user=self.request.user).values("pk")
        ).order_by("pk")


class ImagesAPIViewSet(CordataEndpointMixin, WagtailImagesAPIViewSet):
    """Images outside restricted collections, each with a rendition and its alt text."""

    noun = "image"

    body_fields = [
        "id",
        "title",
        "width",
        "height",
        APIField("rendition", serializer=RenditionField()),
    ]
    filter_backends = [ValidatedFieldsFilter, OrderingFilter, SearchAfterFiltersFilter]
    meta_fields = [
        "type",
        "detail_url",
        APIField("tags", serializer=TagListField()),
        APIField("download_url", serializer=ImageFileURLField()),
    ]
    listing_default_fields = WagtailImagesAPIViewSet.listing_default_fields + ["rendition"]

    def get_queryset(self):
        model = self.model
        return model.objects.filter(
            pk__in=api_image_list(user=self.request.user).values("pk")
        ).order_by("pk")


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)
# The full-text search endpoint, /api/v2/search/ (`cms.api.search.search`, pages and
# documents with facets), is routed in cms/api/urls.py just before these URLs, with the same
# HTTP policy; the pages endpoint keeps its own `?search=` filter.
