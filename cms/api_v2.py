"""API v2 endpoints: Wagtail's read-only viewsets, narrowed to what the requester may see.

Wagtail's viewsets keep their query language (`type`, `fields`, `child_of`, `order`,
`search`, field filters...). On top of it these endpoints:

- list only what `cms.core.privacy` lets the requester see (anonymous, session or token,
  the token read by `cms.api_auth`: 429 after too many unknown ones from one address);
- build every shape through `cms.api_shapes`, prepared once per list;
- answer any bad parameter with 400 `{"message": ...}` and unknown ids with 404, never 500;
- serve JSON only (no browsable API, no `?format=`).
"""

from django.core.exceptions import FieldDoesNotExist
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models
from django.http import Http404
from django.shortcuts import get_object_or_404
from django_countries import countries
from django_countries.fields import CountryField
from rest_framework.authentication import SessionAuthentication
from rest_framework.exceptions import APIException
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
    FieldsFilter,
    LocaleFilter,
    OrderingFilter,
    SearchFilter,
    TranslationOfFilter,
)
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.utils import BadRequestError, page_models_from_string, parse_boolean
from wagtail.documents.api.v2.views import DocumentsAPIViewSet as WagtailDocumentsAPIViewSet
from wagtail.fields import StreamField
from wagtail.images.api.v2.views import ImagesAPIViewSet as WagtailImagesAPIViewSet
from wagtail.models import Locale, Site

from cms.api_auth import APITokenAuthentication, TokenThrottled
from cms.api_http import MAX_ID, MAX_OFFSET, error_body
from cms.api_selectors import api_document_list, api_image_list, api_page_list
from cms.api_shapes import (
    DocumentURLField,
    ImageFileURLField,
    RenditionField,
    ShapeField,
    TagListField,
    prepare,
)
from search.backends import SearchUnavailable

ID_PARAMETERS = ("child_of", "descendant_of", "ancestor_of", "translation_of", "id")


def _integer(value: str) -> int | None:
    try:
        return int(value)
    except ValueError:
        return None


class JSONOnlyNegotiation(BaseContentNegotiation):
    """Always JSON, whatever `Accept` or `?format=` say: one representation to cache."""

    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


class BoundedPagination(WagtailPagination):
    """Wagtail's limit/offset paging, refusing offsets no database can seek to."""

    def paginate_queryset(self, queryset, request, view=None):
        try:
            offset = int(request.GET.get("offset", 0))
        except ValueError:
            offset = 0  # Wagtail's own check reports the malformed value.
        if offset > MAX_OFFSET:
            raise BadRequestError(f"offset cannot be higher than {MAX_OFFSET}")
        return super().paginate_queryset(queryset, request, view)


def clean_filter_value(field, value: str) -> None:
    """Reject a field filter value the database could not compare (400, not 500)."""
    name = field.name
    if isinstance(field, TaggableManager):
        return
    if isinstance(field, CountryField):
        if countries.alpha2(value) != value:
            raise BadRequestError(f"{name}: '{value}' is not an ISO 3166-1 alpha-2 country code")
        return
    if field.choices:
        choices = sorted(str(key) for key, _label in field.flatchoices)
        if value not in choices:
            raise BadRequestError(f"{name}: '{value}' is not one of {', '.join(choices)}")
        return
    if isinstance(field, models.ForeignKey | models.IntegerField | models.AutoField):
        try:
            number = int(value)
        except ValueError as exc:
            raise BadRequestError(f"{name}: '{value}' is not an integer") from exc
        if abs(number) > MAX_ID:
            raise BadRequestError(f"{name}: '{value}' is out of range")
        return
    if isinstance(field, models.BooleanField):
        try:
            parse_boolean(value)
        except ValueError as exc:
            raise BadRequestError(f"{name}: {exc}") from exc
        return
    try:
        field.to_python(value)
    except DjangoValidationError as exc:
        raise BadRequestError(
            f"{name}: '{value}' is not valid ({'; '.join(exc.messages)})"
        ) from exc


class ValidatedFieldsFilter(FieldsFilter):
    """Wagtail's field filters (`?sector=ict`, `?tags=a,b`), with every value validated first."""

    def filter_queryset(self, request, queryset, view):
        for name in view.get_filterable_fields(queryset.model):
            if name in request.GET:
                clean_filter_value(queryset.model._meta.get_field(name), request.GET[name])
        return super().filter_queryset(request, queryset, view)


class KnownLocaleFilter(LocaleFilter):
    """`?locale=`: an unknown language code is a bad parameter (400), not a missing object."""

    def filter_queryset(self, request, queryset, view):
        code = request.GET.get("locale")
        if code is not None and not Locale.objects.filter(language_code=code).exists():
            codes = ", ".join(
                Locale.objects.order_by("language_code").values_list("language_code", flat=True)
            )
            raise BadRequestError(f"locale: '{code}' is not one of {codes}")
        return super().filter_queryset(request, queryset, view)


class CordataEndpointMixin:
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

    def check_query_parameters(self, queryset):
        params = self.request.GET
        for name, value in params.items():
            if "\x00" in name or "\x00" in value:
                raise BadRequestError("null characters are not allowed in query parameters")
        allowed = set(self.get_filterable_fields(queryset.model)) | self.known_query_parameters
        unknown = set(params) - allowed
        if unknown:
            raise BadRequestError(
                "query parameter is not an operation or a recognised field: "
                + ", ".join(sorted(unknown))
            )
        for name in ID_PARAMETERS:
            number = _integer(params.get(name, ""))
            if number is not None and abs(number) > MAX_ID:
                raise BadRequestError(f"{name}: '{params[name]}' is out of range")
        operator = params.get("search_operator")
        if operator is not None and operator not in ("and", "or"):
            raise BadRequestError("search_operator must be 'and' or 'or'")
        if "search" in params and len(params["search"]) > 200:
            raise BadRequestError("search cannot be longer than 200 characters")

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
            pk = self.kwargs["pk"]
            if int(pk) > MAX_ID:
                raise Http404("not found")
            self._cached_object = get_object_or_404(self.get_queryset(), pk=pk)
        return self._cached_object

    def detail_view(self, request, pk):
        instance = self.get_object()
        serializer = self.get_serializer(instance)
        prepare([instance], user=request.user, fields=self.shape_fields(serializer))
        return Response(serializer.data)

    def find_object(self, queryset, request):
        value = request.GET.get("id")
        number = _integer(value or "")
        if value is not None and (number is None or not 0 < number <= MAX_ID):
            raise BadRequestError("id must be a positive integer")
        return super().find_object(queryset, request)

    def handle_exception(self, exc):
        if isinstance(exc, DjangoValidationError | OverflowError):
            exc = BadRequestError(f"invalid parameter ({exc})")
        if isinstance(exc, TokenThrottled):
            return Response(
                error_body(429, exc.message, problem=False),
                status=429,
                headers={"Retry-After": str(exc.retry_after)},
            )
        if isinstance(exc, SearchUnavailable):
            return Response({"message": "search is unavailable, try again later"}, status=503)
        if isinstance(exc, APIException):
            return Response({"message": str(exc.detail)}, status=exc.status_code)
        return super().handle_exception(exc)


class PagesAPIViewSet(CordataEndpointMixin, wagtail_views.PagesAPIViewSet):
    """Live pages of the requested site that the requester may see, with their translations."""

    filter_backends = [
        ValidatedFieldsFilter,
        ChildOfFilter,
        AncestorOfFilter,
        DescendantOfFilter,
        OrderingFilter,
        TranslationOfFilter,
        KnownLocaleFilter,
        SearchFilter,  # last: search results cannot be filtered further
    ]
    known_query_parameters = CordataEndpointMixin.known_query_parameters | {
        "type",
        "child_of",
        "ancestor_of",
        "descendant_of",
        "translation_of",
        "locale",
    }

    def _models(self):
        try:
            return page_models_from_string(self.request.GET.get("type") or "wagtailcore.Page")
        except (LookupError, ValueError) as exc:
            raise BadRequestError("type doesn't exist") from exc

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

    filter_backends = [ValidatedFieldsFilter, OrderingFilter, SearchFilter]
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

    body_fields = [
        "id",
        "title",
        "width",
        "height",
        APIField("rendition", serializer=RenditionField()),
    ]
    filter_backends = [ValidatedFieldsFilter, OrderingFilter, SearchFilter]
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
