"""How the APIs represent Cordata content: the one owner of every shape an API response uses.

A relation is `{id, title, url, locale}`, an image a rendition `{id, url, width, height, alt}`,
a document `{id, title, url, file_extension}`; rich text is rendered HTML with absolute links
(never Wagtail's internal `linktype`/`embed` markup); a StreamField is a list of typed blocks
`[{type, value, id}]` built from the same shapes; a page lists its `translations`.
Public URLs (pages, media, downloads) are absolute on the site's root URL.

Shapes are built in two steps so that a list costs the same number of queries whatever its
length: `prepare()` gathers what a batch of objects refers to and fetches it once, filtered by
the privacy rule for the requesting user; the fields then read from that batch. Both API
versions call `prepare()` before serialising. A field that meets an object nobody prepared
prepares it for the public, so nothing private can slip out.

The fields are Django REST framework fields because Wagtail's `api_fields` take them (which
model shows which fields is declared in `cms.api.fields`): API v2 serialises with them
directly and API v3 derives its OpenAPI schema from the return type of `to_representation`
and calls the same code.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from html import escape
from typing import Any, overload
from urllib.parse import urlsplit

from django.conf import settings
from django.db.models import Model, prefetch_related_objects
from rest_framework.fields import Field
from typing_extensions import TypedDict
from wagtail import blocks
from wagtail.api import APIField
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.documents.models import AbstractDocument
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageBlock as WagtailImageBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.images.models import AbstractImage, SourceImageIOError
from wagtail.models import Page, Site
from wagtail.rich_text.rewriters import EmbedRewriter, LinkRewriter, MultiRuleRewriter

from cms.core.privacy import visible_documents, visible_images, visible_pages
from cms.knowledge.selectors import current_plan_ids

BATCH_ATTR = "_api_batch"


class PageRef(TypedDict):
    id: int
    title: str
    url: str | None
    locale: str


class TranslationRef(TypedDict):
    locale: str
    id: int
    url: str | None


class ImageRef(TypedDict):
    id: int
    url: str
    width: int
    height: int
    alt: str


class DocumentRef(TypedDict):
    id: int
    title: str
    url: str
    file_extension: str


class StreamBlockData(TypedDict):
    type: str
    value: Any
    id: str | None


def site_root_url() -> str:
    """Where public URLs start: the root URL of the first site in Wagtail's cached site list
    (Cordata runs one site), else the admin base URL."""
    root_paths = Site.get_site_root_paths()
    if root_paths:
        return root_paths[0].root_url
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


@overload
def absolute_url(url: str) -> str: ...


@overload
def absolute_url(url: None) -> None: ...


def absolute_url(url: str | None) -> str | None:
    if not url or urlsplit(url).scheme:
        return url
    return site_root_url() + url


@dataclass
class Batch:
    """What one batch of API objects refers to, fetched once and filtered for one audience."""

    user: Any
    page_ids: set[int] = field(default_factory=set)
    document_ids: set[int] = field(default_factory=set)
    image_ids: set[int] = field(default_factory=set)
    pages: dict[int, Page] = field(default_factory=dict)
    documents: dict[int, AbstractDocument] = field(default_factory=dict)
    images: dict[int, AbstractImage] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)

    def fetch(self) -> None:
        if self.page_ids:
            pages = Page.objects.filter(pk__in=self.page_ids).select_related("locale")
            self.pages = {page.pk: page for page in visible_pages(pages, user=self.user)}
        if self.document_ids:
            documents = get_document_model().objects.filter(pk__in=self.document_ids)
            self.documents = {d.pk: d for d in visible_documents(documents, user=self.user)}
        if self.image_ids:
            images = visible_images(
                get_image_model().objects.filter(pk__in=self.image_ids), user=self.user
            ).prefetch_renditions(settings.CORDATA_API_IMAGE_RENDITION)
            self.images = {image.pk: image for image in images}

    def page_ref(self, page_id: int | None) -> PageRef | None:
        page = self.pages.get(page_id) if page_id else None
        if page is None:
            return None
        return {
            "id": page.pk,
            "title": page.title,
            "url": page.get_full_url(),
            "locale": page.locale.language_code,
        }

    def document_ref(self, document_id: int | None) -> DocumentRef | None:
        document = self.documents.get(document_id) if document_id else None
        if document is None:
            return None
        return {
            "id": document.pk,
            "title": document.title,
            "url": absolute_url(document.url),
            "file_extension": document.file_extension,
        }

    def image_ref(self, image_id: int | None, *, alt: str | None = None) -> ImageRef | None:
        image = self.images.get(image_id) if image_id else None
        if image is None:
            return None
        try:
            rendition = image.get_rendition(settings.CORDATA_API_IMAGE_RENDITION)
        except SourceImageIOError:
            return None
        return {
            "id": image.pk,
            "url": absolute_url(rendition.url),
            "width": rendition.width,
            "height": rendition.height,
            "alt": image.default_alt_text if alt is None else alt,
        }


def prepare(objects: Iterable[Model], *, user, fields: Iterable["ShapeField"] | None = None):
    """Fetch, in a fixed number of queries, everything `fields` need to represent `objects`.

    `objects` share one model; `fields` defaults to every shape field in its `api_fields`.
    """
    objects = list(objects)
    if not objects:
        return None
    fields = list(shape_fields(type(objects[0])) if fields is None else fields)
    lookups = {lookup for shape_field in fields for lookup in shape_field.prefetch}
    if isinstance(objects[0], Page):
        lookups.add("locale")
    prefetch_related_objects(objects, *sorted(lookups))
    batch = Batch(user=user)
    for shape_field in fields:
        shape_field.collect(objects, batch)
    batch.fetch()
    for obj in objects:
        setattr(obj, BATCH_ATTR, batch)
    return batch


def shape_fields(model: type[Model], names: Iterable[str] | None = None) -> list["ShapeField"]:
    """The shape fields among `model`'s `api_fields` (all, or those named in `names`)."""
    wanted = None if names is None else set(names)
    return [
        api_field.serializer
        for api_field in APIField.get_fields_for_model(model)
        if isinstance(api_field.serializer, ShapeField)
        and (wanted is None or api_field.name in wanted)
    ]


# Rich text -------------------------------------------------------------------------------

_LINK_TAGS = LinkRewriter()
_EMBED_TAGS = EmbedRewriter()


def _ids(matches) -> set[int]:
    ids = set()
    for match in matches:
        try:
            ids.add(int(match.attrs.get("id", "")))
        except ValueError:
            continue
    return ids


def collect_rich_text(html: str | None, batch: Batch) -> None:
    if not html:
        return
    links = _LINK_TAGS.extract_tags(html)
    batch.page_ids |= _ids(links.get("page", []))
    batch.document_ids |= _ids(links.get("document", []))
    batch.image_ids |= _ids(_EMBED_TAGS.extract_tags(html).get("image", []))


def rich_text_html(html: str | None, batch: Batch) -> str:
    """Database rich text as front-end HTML with absolute links; unknown references become bare."""
    if not html:
        return ""

    def link_to(ref):
        return f'<a href="{escape(ref["url"])}">' if ref and ref["url"] else "<a>"

    def page_links(attrs_list):
        return [link_to(batch.page_ref(_int(attrs.get("id")))) for attrs in attrs_list]

    def document_links(attrs_list):
        return [link_to(batch.document_ref(_int(attrs.get("id")))) for attrs in attrs_list]

    def images(attrs_list):
        tags = []
        for attrs in attrs_list:
            ref = batch.image_ref(_int(attrs.get("id")), alt=attrs.get("alt"))
            tags.append(
                f'<img src="{escape(ref["url"])}" width="{ref["width"]}" '
                f'height="{ref["height"]}" alt="{escape(ref["alt"])}">'
                if ref
                else ""
            )
        return tags

    rewriter = MultiRuleRewriter(
        [
            LinkRewriter(bulk_rules={"page": page_links, "document": document_links}),
            EmbedRewriter(bulk_rules={"image": images}),
        ]
    )
    return rewriter(html)


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


# StreamField -----------------------------------------------------------------------------
# Streams are walked on their raw JSON so that every chooser reference in a whole list of
# pages is fetched in one query per kind, instead of one query per stream.


def _list_items(raw) -> list:
    items = []
    for item in raw or []:
        if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
            items.append(item["value"])
        else:
            items.append(item)
    return items


def _image_block_parts(raw) -> tuple[int | None, str | None]:
    if isinstance(raw, dict):
        alt = "" if raw.get("decorative") else (raw.get("alt_text") or None)
        return _int(raw.get("image")), alt
    return _int(raw), None


def collect_stream(block, raw, batch: Batch) -> None:
    if raw is None:
        return
    if isinstance(block, blocks.StreamBlock):
        for child in raw:
            child_block = block.child_blocks.get(child.get("type"))
            if child_block is not None:
                collect_stream(child_block, child.get("value"), batch)
    elif isinstance(block, WagtailImageBlock):
        image_id, _alt = _image_block_parts(raw)
        if image_id:
            batch.image_ids.add(image_id)
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            collect_stream(child_block, raw.get(name) if isinstance(raw, dict) else None, batch)
    elif isinstance(block, blocks.ListBlock):
        for item in _list_items(raw):
            collect_stream(block.child_block, item, batch)
    elif isinstance(block, blocks.RichTextBlock):
        collect_rich_text(raw, batch)
    elif isinstance(block, blocks.PageChooserBlock) and (page_id := _int(raw)):
        batch.page_ids.add(page_id)
    elif isinstance(block, DocumentChooserBlock) and (document_id := _int(raw)):
        batch.document_ids.add(document_id)
    elif isinstance(block, ImageChooserBlock) and (image_id := _int(raw)):
        batch.image_ids.add(image_id)


def stream_value(block, raw, batch: Batch):
    """The API value of one block, from its raw JSON and the batch's fetched references."""
    if isinstance(block, blocks.StreamBlock):
        result = []
        for child in raw or []:
            child_block = block.child_blocks.get(child.get("type"))
            if child_block is not None:
                result.append(
                    {
                        "type": child_block.name,
                        "value": stream_value(child_block, child.get("value"), batch),
                        "id": child.get("id"),
                    }
                )
        return result
    if isinstance(block, WagtailImageBlock):
        image_id, alt = _image_block_parts(raw)
        return batch.image_ref(image_id, alt=alt)
    if isinstance(block, blocks.StructBlock):
        raw = raw if isinstance(raw, dict) else {}
        return {
            name: stream_value(child_block, raw.get(name), batch)
            for name, child_block in block.child_blocks.items()
        }
    if isinstance(block, blocks.ListBlock):
        return [stream_value(block.child_block, item, batch) for item in _list_items(raw)]
    if isinstance(block, blocks.RichTextBlock):
        return rich_text_html(raw, batch)
    if isinstance(block, blocks.PageChooserBlock):
        return batch.page_ref(_int(raw))
    if isinstance(block, DocumentChooserBlock):
        return batch.document_ref(_int(raw))
    if isinstance(block, ImageChooserBlock):
        return batch.image_ref(_int(raw))
    if isinstance(block, EmbedBlock):
        return raw or None
    if isinstance(block, blocks.FieldBlock):
        # Char, text, choice, date, URL, number and boolean blocks store JSON-ready values
        # (dates as ISO 8601 strings).
        return raw
    return block.get_api_representation(block.to_python(raw))


# Fields ----------------------------------------------------------------------------------


class ShapeField(Field):
    """A read-only API field that represents its object from a prepared `Batch`.

    `prefetch` names relations to prefetch on the whole batch; `collect` registers the pages,
    documents and images the field will show; `to_representation` reads them from the batch.
    """

    prefetch: tuple[str, ...] = ()

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return instance

    def collect(self, objects: list, batch: Batch) -> None:
        pass

    @staticmethod
    def batch_for(obj) -> Batch:
        batch = getattr(obj, BATCH_ATTR, None)
        if batch is None:
            batch = prepare([obj], user=None)
        return batch


class SummaryField(ShapeField):
    """What a card shows: the listing summary, else the search description."""

    def to_representation(self, obj) -> str:
        return obj.summary_text


class CountryCodeField(ShapeField):
    """A country as its ISO 3166-1 alpha-2 code (the value the `country` filter takes)."""

    def __init__(self, attr: str, **kwargs):
        self.attr = attr
        super().__init__(**kwargs)

    def to_representation(self, obj) -> str:
        return getattr(obj, self.attr).code


class RichTextHTMLField(ShapeField):
    """A rich text field rendered as HTML with absolute links."""

    def __init__(self, attr: str, **kwargs):
        self.attr = attr
        super().__init__(**kwargs)

    def collect(self, objects, batch):
        for obj in objects:
            collect_rich_text(getattr(obj, self.attr), batch)

    def to_representation(self, obj) -> str:
        return rich_text_html(getattr(obj, self.attr), self.batch_for(obj))


class StreamBlocksField(ShapeField):
    """A StreamField as typed blocks, `[{type, value, id}]`, each value built from the shapes."""

    def __init__(self, attr: str, **kwargs):
        self.attr = attr
        super().__init__(**kwargs)

    def _stream(self, obj) -> tuple[Any, list]:
        value = getattr(obj, self.attr)
        return value.stream_block, list(value.raw_data)

    def collect(self, objects, batch):
        for obj in objects:
            collect_stream(*self._stream(obj), batch)

    def to_representation(self, obj) -> list[StreamBlockData]:
        return stream_value(*self._stream(obj), self.batch_for(obj))


class PageRefField(ShapeField):
    """A foreign key to a page, as a relation (null when the page is not visible)."""

    def __init__(self, attr: str, **kwargs):
        self.attr = attr
        super().__init__(**kwargs)

    def collect(self, objects, batch):
        batch.page_ids |= {pk for obj in objects if (pk := getattr(obj, f"{self.attr}_id"))}

    def to_representation(self, obj) -> PageRef | None:
        return self.batch_for(obj).page_ref(getattr(obj, f"{self.attr}_id"))


class PageRefListField(ShapeField):
    """Pages reached through inline rows (e.g. a release's groups), visible ones only.

    `relation` names the rows, `target` the rows' page foreign key; `role`, when given, keeps
    the rows with that role; `by_path` orders by the pages' place in the tree instead of the
    rows' own order.
    """

    def __init__(self, relation: str, target: str, role: str = "", by_path=False, **kwargs):
        self.relation, self.target, self.role, self.by_path = relation, target, role, by_path
        self.prefetch = (relation,)
        super().__init__(**kwargs)

    def _page_ids(self, obj) -> list[int]:
        rows = getattr(obj, self.relation).all()
        return [
            getattr(row, f"{self.target}_id")
            for row in rows
            if not self.role or getattr(row, "role", None) == self.role
        ]

    def collect(self, objects, batch):
        for obj in objects:
            batch.page_ids.update(self._page_ids(obj))

    def to_representation(self, obj) -> list[PageRef]:
        batch = self.batch_for(obj)
        page_ids = [pk for pk in self._page_ids(obj) if pk in batch.pages]
        if self.by_path:
            page_ids.sort(key=lambda pk: batch.pages[pk].path)
        refs = (batch.page_ref(pk) for pk in dict.fromkeys(page_ids))
        return [ref for ref in refs if ref is not None]


class ImageRefField(ShapeField):
    """A foreign key to an image, as a rendition with its alt text."""

    def __init__(self, attr: str, **kwargs):
        self.attr = attr
        super().__init__(**kwargs)

    def collect(self, objects, batch):
        batch.image_ids |= {pk for obj in objects if (pk := getattr(obj, f"{self.attr}_id"))}

    def to_representation(self, obj) -> ImageRef | None:
        return self.batch_for(obj).image_ref(getattr(obj, f"{self.attr}_id"))


class RenditionField(ShapeField):
    """The image itself as a rendition (for the images endpoint)."""

    def collect(self, objects, batch):
        batch.image_ids |= {obj.pk for obj in objects}

    def to_representation(self, obj) -> ImageRef | None:
        return self.batch_for(obj).image_ref(obj.pk)


class DocumentRefField(ShapeField):
    """A foreign key to a document, as `{id, title, url, file_extension}`."""

    def __init__(self, attr: str, **kwargs):
        self.attr = attr
        super().__init__(**kwargs)

    def collect(self, objects, batch):
        batch.document_ids |= {pk for obj in objects if (pk := getattr(obj, f"{self.attr}_id"))}

    def to_representation(self, obj) -> DocumentRef | None:
        return self.batch_for(obj).document_ref(getattr(obj, f"{self.attr}_id"))


class DocumentRefListField(ShapeField):
    """Documents reached through inline rows (e.g. a release's attachments), visible ones only."""

    def __init__(self, relation: str, target: str, **kwargs):
        self.relation, self.target = relation, target
        self.prefetch = (relation,)
        super().__init__(**kwargs)

    def _document_ids(self, obj) -> list[int]:
        return [getattr(row, f"{self.target}_id") for row in getattr(obj, self.relation).all()]

    def collect(self, objects, batch):
        for obj in objects:
            batch.document_ids.update(self._document_ids(obj))

    def to_representation(self, obj) -> list[DocumentRef]:
        batch = self.batch_for(obj)
        # `document_ref` is None for the documents the batch did not fetch (not visible).
        refs = (batch.document_ref(pk) for pk in dict.fromkeys(self._document_ids(obj)))
        return [ref for ref in refs if ref is not None]


class DocumentURLField(ShapeField):
    """The absolute URL a document is downloaded from (its serve view, which checks privacy)."""

    def to_representation(self, obj) -> str:
        return absolute_url(obj.url)


class ImageFileURLField(ShapeField):
    """The absolute URL of an image's original file."""

    def to_representation(self, obj) -> str:
        return absolute_url(obj.file.url)


class TagListField(ShapeField):
    """Tag names in alphabetical order, read from one prefetch for the whole batch."""

    prefetch = ("tags",)

    def to_representation(self, obj) -> list[str]:
        return sorted(tag.name for tag in obj.tags.all())


class TranslationListField(ShapeField):
    """The page's visible versions in other locales: `[{locale, id, url}]`, by locale."""

    def collect(self, objects: list, batch: Batch) -> None:
        keys = {obj.translation_key for obj in objects}
        rows = Page.objects.filter(translation_key__in=keys).values_list("pk", "translation_key")
        by_key: dict = {}
        for pk, key in rows:
            by_key.setdefault(key, []).append(pk)
            batch.page_ids.add(pk)
        batch.extra["translations"] = by_key

    def to_representation(self, obj) -> list[TranslationRef]:
        batch = self.batch_for(obj)
        refs = [
            batch.page_ref(pk)
            for pk in batch.extra.get("translations", {}).get(obj.translation_key, [])
            if pk != obj.pk and pk in batch.pages
        ]
        return sorted(
            (
                {"locale": ref["locale"], "id": ref["id"], "url": ref["url"]}
                for ref in refs
                if ref is not None
            ),
            key=lambda ref: ref["locale"],
        )


class GroupPlanField(ShapeField):
    """A thematic group's strategic plan: its current visible plan, as a relation."""

    def collect(self, objects: list, batch: Batch) -> None:
        current = current_plan_ids(groups=objects, user=batch.user)
        batch.extra["plans"] = current
        batch.page_ids.update(current.values())

    def to_representation(self, obj) -> PageRef | None:
        batch = self.batch_for(obj)
        return batch.page_ref(batch.extra.get("plans", {}).get(obj.pk))
