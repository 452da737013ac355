"""Services that write the public demo site from `content.py`, each under `transaction.atomic`.

Every service is idempotent: it looks things up by a stable key (a page slug under its parent,
a document title in its collection, a collection name, a username) and writes only what
differs, so a second load creates no rows and no page revisions. `load.demo_load` runs them
all in one transaction, so a failed load leaves the database as it was (files already written
to storage stay, and the next load reuses them).
"""

import hashlib
import io
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from html import escape
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.db import models, transaction
from wagtail.blocks import StreamValue
from wagtail.documents import get_document_model
from wagtail.documents.models import AbstractDocument
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.images.models import AbstractImage
from wagtail.models import Collection, Locale, Page, Site
from wagtail.models.reference_index import ReferenceIndex
from wagtail.search import index as search_index
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.strings import StringValue

from cms.core.models import TagTranslation
from cms.core.services import translation_roles_ensure, translation_save
from cms.groups.models import (
    PartnerAccount,
    PartnerIndexPage,
    PartnerPage,
    ThematicGroupIndexPage,
    ThematicGroupMembership,
    ThematicGroupPage,
)
from cms.home.models import (
    HomePage,
    PressReleaseDocument,
    PressReleaseGroup,
    PressReleaseIndexPage,
    PressReleasePage,
    PressReleasePartner,
)
from cms.knowledge.models import (
    DocumentKind,
    DocumentLanguage,
    KnowledgeIndexPage,
    StrategicPlanPage,
)

from . import content, content_en
from .files import DocumentText, Section, render

CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"


class DemoContentError(Exception):
    """The database holds something the demo would have to overwrite or cannot do without."""


@dataclass
class StepResult:
    """How many items a step created, updated or found already as the demo wants them."""

    counts: Counter = field(default_factory=Counter)

    def add(self, status: str) -> None:
        self.counts[status] += 1

    def __str__(self) -> str:
        parts = [f"{self.counts[s]} {s}" for s in (CREATED, UPDATED, UNCHANGED) if self.counts[s]]
        return ", ".join(parts) or "nothing to do"


@dataclass(frozen=True)
class SectionPages:
    """The four section pages under the home page."""

    press: PressReleaseIndexPage
    partners: PartnerIndexPage
    groups: ThematicGroupIndexPage
    knowledge: KnowledgeIndexPage


# --- Small helpers ------------------------------------------------------------------------


def _html(paragraphs: Iterable[str]) -> str:
    return "".join(f"<p>{escape(text, quote=False)}</p>" for text in paragraphs)


def _strip_ids(value: Any) -> Any:
    """A stream value without block ids, which Wagtail regenerates and which carry no content."""
    if isinstance(value, dict):
        return {key: _strip_ids(item) for key, item in value.items() if key != "id"}
    if isinstance(value, list):
        return [_strip_ids(item) for item in value]
    return value


def _stream_signature(stream_value) -> list:
    return [
        (child.block_type, _strip_ids(child.block.get_prep_value(child.value)))
        for child in stream_value
    ]


def _is_same(instance: Page | Site | AbstractDocument, name: str, wanted: Any) -> bool:
    model_field = instance._meta.get_field(name)
    if isinstance(model_field, StreamField):
        return _stream_signature(getattr(instance, name)) == _stream_signature(wanted)
    if model_field.many_to_one:
        wanted_pk = wanted.pk if wanted is not None else None
        return getattr(instance, model_field.attname) == wanted_pk
    current = getattr(instance, name)
    if model_field.get_internal_type() == "CharField" and current is not None:
        # CountryField hands back a Country object; its code is what is stored.
        return str(current) == str(wanted)
    return current == wanted


def _list_items(key: str, values: Iterable[str]) -> list[dict]:
    """A ListBlock value in Wagtail's block format, with ids derived from `key`.

    wagtail-localize only offers list items for translation in this format (a bare list of
    strings is skipped), and stable ids keep their translations across loads.
    """
    return [
        {"type": "item", "value": value, "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"{key}/{i}"))}
        for i, value in enumerate(values)
    ]


def _stream(model: type[Page], name: str, raw: list[dict]) -> StreamValue:
    """A StreamValue for `model.name` from its JSON-like form (block ids are added on save)."""
    return model._meta.get_field(name).stream_block.to_python(raw)


def _row_key(row: Mapping[str, Any]) -> tuple:
    return tuple(
        (key, value.pk if isinstance(value, models.Model) else value)
        for key, value in sorted(row.items())
    )


def _current_rows(page: Page, relation: str, keys: Sequence[str]) -> list[tuple]:
    rows = []
    for item in getattr(page, relation).all():
        values = {}
        for key in keys:
            model_field = item._meta.get_field(key)
            values[key] = getattr(item, model_field.attname)
        rows.append(tuple(sorted(values.items())))
    return rows


@dataclass(frozen=True)
class Children:
    """The wanted rows of an inline (ParentalKey) relation, in order."""

    model: type[models.Model]
    rows: tuple[Mapping[str, Any], ...]


def _page_upsert(
    *,
    parent: Page,
    model: type[Page],
    slug: str,
    fields: Mapping[str, Any],
    children: Mapping[str, Children] | None = None,
    tags: Sequence[str] | None = None,
) -> tuple[Page, str]:
    """The live page `slug` under `parent`, created or brought up to date and published.

    A revision is published only when something differs, so repeated loads add none.
    """
    children = children or {}
    existing = parent.get_children().filter(slug=slug, locale_id=parent.locale_id).first()
    if existing is None:
        page = model(slug=slug)
        for name, value in fields.items():
            setattr(page, name, value)
        for relation, wanted in children.items():
            _set_children(page, relation, wanted)
        if tags is not None:
            page.tags.set(list(tags))
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page, CREATED

    page = existing.specific
    if not isinstance(page, model):
        raise DemoContentError(
            f"The page {page.url_path!r} is a {type(page).__name__}, not a {model.__name__}; "
            "move or rename it before loading the demo."
        )
    dirty = False
    for name, value in fields.items():
        if not _is_same(page, name, value):
            setattr(page, name, value)
            dirty = True
    for relation, wanted in children.items():
        keys = sorted(wanted.rows[0]) if wanted.rows else []
        current = _current_rows(page, relation, keys)
        if current != [_row_key(row) for row in wanted.rows]:
            _set_children(page, relation, wanted)
            dirty = True
    if tags is not None and {tag.name for tag in page.tags.all()} != set(tags):
        page.tags.set(list(tags))
        dirty = True
    if not dirty and page.live:
        return page, UNCHANGED
    page.save_revision().publish()
    return page, UPDATED


def _attach_file(
    instance: AbstractDocument | AbstractImage, *, filename: str, payload: bytes
) -> None:
    """Store `payload` as `instance.file`, reusing an identical unclaimed file at its path.

    Loading the demo into a fresh database over an old media directory would otherwise leave
    a renamed copy of every file behind on each load.
    """
    file_field = instance._meta.get_field("file")
    name = file_field.generate_filename(instance, filename)
    storage = file_field.storage
    claimed = type(instance).objects.filter(file=name).exclude(pk=instance.pk).exists()
    if not claimed and storage.exists(name):
        with storage.open(name, "rb") as stored:
            if stored.read() == payload:
                instance.file = name
                return
    instance.file.save(filename, ContentFile(payload), save=False)


def _delete_replaced(storage, *, previous: str, current: str) -> None:
    if previous and previous != current and storage.exists(previous):
        storage.delete(previous)


def _set_children(page: Page, relation: str, wanted: Children) -> None:
    items = [wanted.model(sort_order=i, **row) for i, row in enumerate(wanted.rows)]
    setattr(page, relation, items)


# --- Locales, collections, images ---------------------------------------------------------


@transaction.atomic
def locales_ensure() -> tuple[Locale, StepResult]:
    """The demo's locales, the default one first; the tree root moves to the default locale."""
    result = StepResult()
    locales = {}
    for code in content.LANGUAGES:
        locale, created = Locale.objects.get_or_create(language_code=code)
        locales[code] = locale
        result.add(CREATED if created else UNCHANGED)
    default = locales[content.DEFAULT_LANGUAGE]
    root = Page.get_first_root_node()
    if root is None:
        raise DemoContentError("The page tree has no root: run `manage.py migrate` first.")
    if root.locale_id != default.pk:
        Page.objects.filter(pk=root.pk).update(locale=default)
    return default, result


def _collection_ensure(name: str) -> tuple[Collection, str]:
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=name).first()
    if existing is not None:
        return existing, UNCHANGED
    return root.add_child(name=name), CREATED


@transaction.atomic
def collections_ensure() -> tuple[dict[str, Collection], StepResult]:
    """The public collection and one collection per thematic group, keyed by name."""
    result = StepResult()
    collections = {}
    for name in (content.PUBLIC_COLLECTION, *(group.collection for group in content.GROUPS)):
        collections[name], status = _collection_ensure(name)
        result.add(status)
    return collections, result


def _logo_png(data: content.ImageData) -> bytes:
    from PIL import Image as PillowImage
    from PIL import ImageDraw, ImageFont

    canvas = PillowImage.new("RGB", (800, 400), (20, 60, 130))
    draw = ImageDraw.Draw(canvas)
    sizes = (88, 40)
    top = 120
    for line, size in zip(data.caption_lines, sizes, strict=False):
        font = ImageFont.load_default(size=size)
        draw.text((60, top), line, fill=(255, 255, 255), font=font)
        top += size + 40
    draw.rectangle((60, 330, 740, 338), fill=(250, 190, 40))
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _set_image_size(image, *, payload: bytes) -> None:
    # Saving a file under a name does not fill Wagtail's width and height fields.
    from PIL import Image as PillowImage

    with PillowImage.open(io.BytesIO(payload)) as picture:
        image.width, image.height = picture.size


@transaction.atomic
def logo_ensure(*, collection: Collection) -> tuple[models.Model, StepResult]:
    """The project logo image, with its alt text in the image's description."""
    result = StepResult()
    data = content.LOGO
    image_model = get_image_model()
    payload = _logo_png(data)
    # Wagtail's `file_hash` is the file's SHA-1, an identity for the content, not a secret.
    digest = hashlib.sha1(payload, usedforsecurity=False).hexdigest()
    image = image_model.objects.filter(title=data.title, collection=collection).first()
    if image is None:
        image = image_model(title=data.title, collection=collection, description=data.alt_text)
        _attach_file(image, filename=data.filename, payload=payload)
        _set_image_size(image, payload=payload)
        image._set_image_file_metadata()
        image.save()
        result.add(CREATED)
        return image, result
    dirty = False
    if image.description != data.alt_text:
        image.description = data.alt_text
        dirty = True
    if image.file_hash != digest or not image.file.storage.exists(image.file.name):
        previous = image.file.name
        _attach_file(image, filename=data.filename, payload=payload)
        _set_image_size(image, payload=payload)
        image._set_image_file_metadata()
        _delete_replaced(image.file.storage, previous=previous, current=image.file.name)
        dirty = True
    if dirty:
        image.save()
    result.add(UPDATED if dirty else UNCHANGED)
    return image, result


# --- Site, home and section pages ---------------------------------------------------------


def _remove_welcome_page(*, root: Page, locale: Locale) -> None:
    """Delete Wagtail's initial "Welcome" page so the home page can take its slug and place."""
    for page in root.get_children().filter(slug=content.HOME_SLUG, locale=locale):
        if page.specific_class is not Page or page.numchild:
            raise DemoContentError(
                f"A {page.specific_class.__name__} with slug {content.HOME_SLUG!r} already sits "
                "under the root; remove it before loading the demo."
            )
        page.delete()


@transaction.atomic
def home_ensure(*, locale: Locale, logo) -> tuple[HomePage, Site, StepResult]:
    """The Italian home page as the root of the default site."""
    result = StepResult()
    root = Page.get_first_root_node()
    if not HomePage.objects.child_of(root).filter(slug=content.HOME_SLUG, locale=locale).exists():
        _remove_welcome_page(root=root, locale=locale)
    home, status = _page_upsert(
        # Fetched again: deleting the welcome page changed the root's child count.
        parent=Page.get_first_root_node(),
        model=HomePage,
        slug=content.HOME_SLUG,
        fields={
            "title": content.HOME_TITLE,
            "locale": locale,
            "intro": _html(content.HOME_INTRO),
            "listing_summary": content.HOME_LISTING_SUMMARY,
            "listing_image": logo,
        },
    )
    result.add(status)

    site = Site.objects.filter(hostname=content.SITE_HOSTNAME, port=content.SITE_PORT).first()
    wanted = {"root_page": home, "site_name": content.SITE_NAME, "is_default_site": True}
    if site is None:
        Site.objects.filter(is_default_site=True).update(is_default_site=False)
        site = Site.objects.create(hostname=content.SITE_HOSTNAME, port=content.SITE_PORT, **wanted)
        result.add(CREATED)
    elif all(_is_same(site, name, value) for name, value in wanted.items()):
        result.add(UNCHANGED)
    else:
        Site.objects.exclude(pk=site.pk).filter(is_default_site=True).update(is_default_site=False)
        for name, value in wanted.items():
            setattr(site, name, value)
        site.save()
        result.add(UPDATED)
    return home, site, result


def _section_fields(data: content.IndexPageData) -> dict[str, Any]:
    return {
        "title": data.title,
        "intro": _html(data.intro),
        "listing_summary": data.listing_summary,
        "show_in_menus": True,
    }


@transaction.atomic
def sections_ensure(*, home: HomePage) -> tuple[SectionPages, StepResult]:
    """The four section pages, in the order the site navigation shows them."""
    result = StepResult()
    pages = {}
    for key, model, data in (
        ("press", PressReleaseIndexPage, content.PRESS_INDEX),
        ("partners", PartnerIndexPage, content.PARTNER_INDEX),
        ("groups", ThematicGroupIndexPage, content.GROUP_INDEX),
        ("knowledge", KnowledgeIndexPage, content.KNOWLEDGE_INDEX),
    ):
        pages[key], status = _page_upsert(
            parent=home, model=model, slug=data.slug, fields=_section_fields(data)
        )
        result.add(status)
    return SectionPages(**pages), result


# --- Partners and thematic groups ---------------------------------------------------------


@transaction.atomic
def partners_ensure(*, index: PartnerIndexPage) -> tuple[dict[str, PartnerPage], StepResult]:
    """The project partners, keyed by slug."""
    result = StepResult()
    partners = {}
    for data in content.PARTNERS:
        partners[data.slug], status = _page_upsert(
            parent=index,
            model=PartnerPage,
            slug=data.slug,
            fields={
                "title": data.title,
                "short_name": data.short_name,
                "kind": data.kind,
                "project_role": data.project_role,
                "country": data.country,
                "region": data.region,
                "city": data.city,
                "website": data.website,
                "description": _html(data.description),
            },
        )
        result.add(status)
    return partners, result


def _activities(data: content.GroupData) -> list[dict]:
    return [
        {
            "type": activity.kind,
            "value": {
                "title": activity.title,
                "date": activity.date.isoformat(),
                "place": activity.place,
                "description": _html([activity.description]),
            },
        }
        for activity in data.activities
    ]


@transaction.atomic
def groups_ensure(
    *, index: ThematicGroupIndexPage, partners: Mapping[str, PartnerPage]
) -> tuple[dict[str, ThematicGroupPage], StepResult]:
    """The thematic groups with their memberships and activities, keyed by slug.

    The group index also gets its overall coordinator here, once the partners exist.
    """
    result = StepResult()
    _, status = _page_upsert(
        parent=index.get_parent(),
        model=ThematicGroupIndexPage,
        slug=index.slug,
        fields={
            **_section_fields(content.GROUP_INDEX),
            "coordinator": partners[content.GROUP_INDEX_COORDINATOR],
        },
    )
    result.add(status)
    groups = {}
    for data in content.GROUPS:
        memberships = tuple(
            {"partner": partners[slug], "role": role} for slug, role in data.memberships
        )
        groups[data.slug], status = _page_upsert(
            parent=index,
            model=ThematicGroupPage,
            slug=data.slug,
            fields={
                "title": data.title,
                "sector": data.sector,
                "listing_summary": data.listing_summary,
                "objectives": _html(data.objectives),
                "activities": _stream(ThematicGroupPage, "activities", _activities(data)),
            },
            children={"memberships": Children(ThematicGroupMembership, memberships)},
        )
        result.add(status)
    return groups, result


# --- Documents ----------------------------------------------------------------------------


def title_translations(title: str) -> dict[str, str]:
    english = content_en.DOCUMENT_TITLES.get(title)
    return {"en": english} if english else {}


def document_upsert(
    *,
    title: str,
    collection: Collection,
    filename: str,
    text: DocumentText,
    fields: Mapping[str, Any],
    tags: Sequence[str],
) -> tuple[models.Model, str]:
    """The document `title` in `collection`, with a real file holding `text`.

    Its text is read from that file as any upload's is (on the task queue).
    """
    document_model = get_document_model()
    payload = render(text, file_format=filename.rsplit(".", 1)[-1])
    # Wagtail's `file_hash` is the file's SHA-1, an identity for the content, not a secret.
    digest = hashlib.sha1(payload, usedforsecurity=False).hexdigest()
    document = (
        document_model.objects.filter(title=title, collection=collection).order_by("pk").first()
    )
    if document is None:
        document = document_model(title=title, collection=collection, **fields)
        _attach_file(document, filename=filename, payload=payload)
        document._set_document_file_metadata()
        document.save()
        document.tags.set(list(tags))
        search_index.insert_or_update_object(document)
        return document, CREATED

    dirty = False
    for name, value in fields.items():
        if not _is_same(document, name, value):
            setattr(document, name, value)
            dirty = True
    storage = document.file.storage
    if document.file_hash != digest or not storage.exists(document.file.name):
        previous = document.file.name
        _attach_file(document, filename=filename, payload=payload)
        document._set_document_file_metadata()
        _delete_replaced(storage, previous=previous, current=document.file.name)
        dirty = True
    if dirty:
        document.save()
    if set(document.tags.names()) != set(tags):
        document.tags.set(list(tags))
        dirty = True
    if not dirty:
        return document, UNCHANGED
    search_index.insert_or_update_object(document)
    return document, UPDATED


@transaction.atomic
def documents_ensure(
    *, collections: Mapping[str, Collection], groups: Mapping[str, ThematicGroupPage]
) -> tuple[dict[str, models.Model], StepResult]:
    """The library documents listed in the content, keyed by document key."""
    result = StepResult()
    documents = {}
    for data in content.DOCUMENTS:
        documents[data.key], status = document_upsert(
            title=data.title,
            collection=collections[data.collection],
            filename=data.filename,
            text=data.text,
            fields={
                "language": data.language,
                "kind": data.kind,
                "thematic_group": groups[data.group] if data.group else None,
                "description": data.description,
                "title_translations": title_translations(data.title),
            },
            tags=data.tags,
        )
        result.add(status)
    return documents, result


# --- Strategic plans ----------------------------------------------------------------------


def _italian_date(value) -> str:
    return value.strftime("%d/%m/%Y")


def _plan_text(
    plan: content.PlanData, *, group: ThematicGroupPage, partners: Mapping[str, PartnerPage]
) -> DocumentText:
    """The plan as the PDF prints it: summary, context, objectives and actions."""
    context = tuple(block.text for block in plan.sections if isinstance(block, content.Paragraph))
    objectives = tuple(
        f"{block.title}. {block.description}"
        for block in plan.sections
        if isinstance(block, content.ObjectiveData)
    )
    actions = tuple(
        f"{block.title}. {block.description} Responsabile: {partners[block.owner].title}. "
        f"Periodo: dal {_italian_date(block.start)} al {_italian_date(block.end)}. "
        f"Indicatori: {'; '.join(block.indicators)}."
        for block in plan.sections
        if isinstance(block, content.ActionData)
    )
    return DocumentText(
        title=plan.document_title,
        subtitle=f"Gruppo tematico {group.title} – bozza, versione {plan.version}",
        sections=(
            Section("Sintesi", (plan.summary,)),
            Section("Contesto", context),
            Section("Obiettivi", objectives),
            Section("Azioni", actions),
        ),
    )


def _plan_sections(plan: content.PlanData, *, partners: Mapping[str, PartnerPage]) -> list[dict]:
    raw: list[dict[str, Any]] = []
    for block in plan.sections:
        if isinstance(block, content.Paragraph):
            raw.append({"type": "paragraph", "value": _html([block.text])})
        elif isinstance(block, content.ObjectiveData):
            raw.append(
                {
                    "type": "objective",
                    "value": {"title": block.title, "description": _html([block.description])},
                }
            )
        else:
            raw.append(
                {
                    "type": "action",
                    "value": {
                        "title": block.title,
                        "description": _html([block.description]),
                        "owner": partners[block.owner].pk,
                        "start": block.start.isoformat(),
                        "end": block.end.isoformat(),
                        "indicators": _list_items(f"{plan.slug}/{block.title}", block.indicators),
                    },
                }
            )
    return raw


@transaction.atomic
def plans_ensure(
    *,
    index: KnowledgeIndexPage,
    collections: Mapping[str, Collection],
    groups: Mapping[str, ThematicGroupPage],
    partners: Mapping[str, PartnerPage],
) -> tuple[dict[str, models.Model], StepResult]:
    """One draft strategic plan per group, each with its PDF; returns the PDFs by document key.

    The PDFs go to the public collection because the plan pages that link them are public.
    """
    result = StepResult()
    documents = {}
    for plan in content.PLANS:
        group = groups[plan.group]
        document, status = document_upsert(
            title=plan.document_title,
            collection=collections[content.PUBLIC_COLLECTION],
            filename=plan.filename,
            text=_plan_text(plan, group=group, partners=partners),
            fields={
                "language": DocumentLanguage.ITALIAN,
                "kind": DocumentKind.PLAN,
                "thematic_group": group,
                "description": plan.summary,
                "title_translations": title_translations(plan.document_title),
            },
            tags=("piano strategico", "meta-cluster"),
        )
        result.add(status)
        documents[content.plan_document_key(plan)] = document
        _, status = _page_upsert(
            parent=index,
            model=StrategicPlanPage,
            slug=plan.slug,
            fields={
                "title": plan.title,
                "group": group,
                "status": "draft",
                "version": plan.version,
                "adopted_on": None,
                "summary": plan.summary,
                "listing_summary": plan.summary,
                "sections": _stream(
                    StrategicPlanPage, "sections", _plan_sections(plan, partners=partners)
                ),
                "attachment": document,
            },
        )
        result.add(status)
    return documents, result


# --- Press releases -----------------------------------------------------------------------


def _body(release: content.PressReleaseData, *, documents: Mapping[str, models.Model]) -> list:
    raw: list[dict[str, Any]] = []
    for block in release.body:
        if isinstance(block, content.Paragraph):
            raw.append({"type": "paragraph", "value": _html([block.text])})
        elif isinstance(block, content.Heading):
            raw.append({"type": "heading", "value": {"text": block.text, "level": block.level}})
        elif isinstance(block, content.Quote):
            raw.append(
                {"type": "quote", "value": {"quote": block.text, "attribution": block.attribution}}
            )
        else:
            raw.append(
                {
                    "type": "document",
                    "value": {"document": documents[block.document].pk, "label": block.label},
                }
            )
    return raw


@transaction.atomic
def press_releases_ensure(
    *,
    index: PressReleaseIndexPage,
    groups: Mapping[str, ThematicGroupPage],
    partners: Mapping[str, PartnerPage],
    documents: Mapping[str, models.Model],
    logo,
) -> tuple[dict[str, PressReleasePage], StepResult]:
    """The press releases with their tags, related groups and partners and attachments."""
    result = StepResult()
    releases = {}
    for data in content.PRESS_RELEASES:
        releases[data.slug], status = _page_upsert(
            parent=index,
            model=PressReleasePage,
            slug=data.slug,
            fields={
                "title": data.title,
                "date": data.date,
                "lead": data.lead,
                "body": _stream(PressReleasePage, "body", _body(data, documents=documents)),
                "contact": data.contact,
                "listing_summary": data.listing_summary,
                "listing_image": logo if data.uses_logo else None,
            },
            children={
                "related_groups": Children(
                    PressReleaseGroup, tuple({"group": groups[slug]} for slug in data.groups)
                ),
                "related_partners": Children(
                    PressReleasePartner,
                    tuple({"partner": partners[slug]} for slug in data.partners),
                ),
                "attachments": Children(
                    PressReleaseDocument,
                    tuple({"document": documents[key]} for key in data.attachments),
                ),
            },
            tags=data.tags,
        )
        result.add(status)
    return releases, result


# --- English translations -----------------------------------------------------------------

# Parents before children, and partners before the groups and plans that name them. The
# groups' private workspaces are translated with the rest of the workspace demo
# (`cms.demo.workspaces`), once their restrictions exist.
TRANSLATION_ORDER = (
    HomePage,
    PressReleaseIndexPage,
    PartnerIndexPage,
    ThematicGroupIndexPage,
    KnowledgeIndexPage,
    PartnerPage,
    ThematicGroupPage,
    StrategicPlanPage,
    PressReleasePage,
)


def translation_strings_ensure(
    *,
    source: TranslationSource,
    locale: Locale,
    english_for: Callable[[str], str | None],
    missing: list[str] | None = None,
) -> bool:
    """Every string segment of `source` filled with `english_for(italian)`; True when it changed.

    A segment with no English is listed in `missing` when a list is given (the demo must be
    complete), otherwise left to the translators (the page shows the Italian text meanwhile).
    """
    current = {
        (row.translation_of_id, row.context_id): row
        for row in StringTranslation.objects.filter(
            locale=locale, context__object_id=source.object_id
        )
    }
    changed = False
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        italian = segment.string.as_value().render_text()
        english = english_for(italian)
        if english is None:
            if missing is not None:
                missing.append(f"{source.object_repr} ({segment.context.path}): {italian!r}")
            continue
        data = StringValue.from_plaintext(english).data
        row = current.get((segment.string_id, segment.context_id))
        if row is None:
            StringTranslation.objects.create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                data=data,
                translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
                tool_name="Cordata demo",
            )
            changed = True
        elif row.data != data:
            row.data = data
            row.has_error = False
            row.save()
            changed = True
    return changed


def translation_publish_ensure(
    *,
    page: Page,
    locale: Locale,
    english_for: Callable[[str], str | None],
    missing: list[str] | None = None,
) -> tuple[str, Page | None]:
    """The published English version of `page`, made through wagtail-localize with the strings
    `english_for` gives; returns the status and the English page when it was written.

    While `missing` lists strings without English, nothing is published.
    """
    previous = TranslationSource.objects.get_for_instance_or_none(page)
    source, created = TranslationSource.update_or_create_from_instance(page)
    source_changed = created or previous.last_updated_at != source.last_updated_at
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
    strings_changed = translation_strings_ensure(
        source=source, locale=locale, english_for=english_for, missing=missing
    )
    target = page.get_translation_or_none(locale)
    if missing:
        return UNCHANGED, None
    if not (
        source_changed
        or strings_changed
        or target is None
        or not target.live
        or target.has_unpublished_changes
        or target.alias_of_id
    ):
        return UNCHANGED, None
    written = translation_save(translation=translation, publish=True)
    return (CREATED if target is None else UPDATED), written


@transaction.atomic
def translations_ensure(*, home: HomePage) -> tuple[HomePage, StepResult]:
    """The English version of every demo page, published; returns the English home.

    Each page gets a translation source and a translation to English whose strings come
    from `content_en`; a string without English stops the load, naming it.
    """
    result = StepResult()
    locale = Locale.objects.get(language_code="en")
    pages = Page.objects.descendant_of(home, inclusive=True).filter(locale=home.locale)
    by_type: dict[type, list[Page]] = {}
    for page in pages.order_by("path").specific():
        by_type.setdefault(type(page), []).append(page)
    missing: list[str] = []
    written: list[Page] = []
    # Each page is saved several times on its way (copy, translate, publish); its references
    # (for the admin's usage counts) are indexed once at the end instead of at every save.
    with disable_reference_index_auto_update():
        for model in TRANSLATION_ORDER:
            for page in by_type.get(model, ()):
                status, english = translation_publish_ensure(
                    page=page, locale=locale, english_for=content_en.english, missing=missing
                )
                result.add(status)
                if english is not None:
                    written.append(english)
    for english in written:
        ReferenceIndex.create_or_update_for_object(english.specific)
    if missing:
        raise DemoContentError(
            "These Italian strings have no English in cms/demo/content_en.py:\n  "
            + "\n  ".join(missing)
        )
    return home.get_translation(locale), result


@transaction.atomic
def tag_translations_ensure() -> StepResult:
    """English names for the demo tags."""
    from taggit.models import Tag

    result = StepResult()
    tags = {tag.name: tag for tag in Tag.objects.filter(name__in=content_en.TAG_NAMES)}
    current = {
        row.tag_id: row
        for row in TagTranslation.objects.filter(tag__in=tags.values(), language_code="en")
    }
    for italian, english in content_en.TAG_NAMES.items():
        tag = tags.get(italian)
        if tag is None:
            continue
        row = current.get(tag.pk)
        if row is None:
            TagTranslation.objects.create(tag=tag, language_code="en", name=english)
            result.add(CREATED)
        elif row.name != english:
            row.name = english
            row.save(update_fields=["name"])
            result.add(UPDATED)
        else:
            result.add(UNCHANGED)
    return result


@transaction.atomic
def roles_ensure(*, home: HomePage, english_home: HomePage) -> StepResult:
    """Editors on the Italian tree, Translators on the English one."""
    result = StepResult()
    changed = translation_roles_ensure(source_home=home, translated_homes=[english_home])
    result.add(UPDATED if changed else UNCHANGED)
    return result


# --- Users --------------------------------------------------------------------------------


def _changed(status: str) -> str:
    return status if status == CREATED else UPDATED


def login_ensure(data: content.UserData, *, password: str) -> str:
    """The demo login `data`, staff or a partner's person, with `password`; returns its status.

    An existing user keeps its details; what the demo relies on (active, the staff and
    superuser flags, the password, the auth groups, the partner account) is put back.
    """
    user_model = get_user_model()
    user = user_model.objects.filter(username=data.username).first()
    status = UNCHANGED
    if user is None:
        user = user_model(
            username=data.username,
            email=data.email,
            first_name=data.first_name,
            last_name=data.last_name,
        )
        status = CREATED
    wanted = {"is_active": True, "is_staff": data.superuser, "is_superuser": data.superuser}
    for name, value in wanted.items():
        if getattr(user, name) != value:
            setattr(user, name, value)
            status = _changed(status)
    if status == CREATED or not user.check_password(password):
        user.set_password(password)
        status = _changed(status)
    if status != UNCHANGED:
        user.save()
    for name in data.groups:
        group = Group.objects.filter(name=name).first()
        if group is None:
            raise DemoContentError(f"The {name!r} group is missing; the migrations create it.")
        if not user.groups.filter(pk=group.pk).exists():
            user.groups.add(group)
            status = _changed(status)
    if data.partner:
        partner = PartnerPage.objects.filter(locale=Locale.get_default(), slug=data.partner).first()
        if partner is None:
            raise DemoContentError(f"The partner {data.partner!r} of {data.username!r} is missing.")
        account = PartnerAccount.objects.filter(user=user).first()
        if account is None:
            # Saving the account puts the person in their partner's groups' members groups.
            PartnerAccount.objects.create(user=user, partner=partner)
            status = _changed(status)
        elif account.partner_id != partner.pk:
            account.partner = partner
            account.save()
            status = _changed(status)
    return status


@transaction.atomic
def users_ensure(*, password: str) -> tuple[tuple[str, ...], StepResult]:
    """The staff logins of the public site (the workspaces add their own)."""
    result = StepResult()
    for data in content.USERS:
        result.add(login_ensure(data, password=password))
    return tuple(data.username for data in content.USERS), result
