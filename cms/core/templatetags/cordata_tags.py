"""Template tags of the public site: site sections, language links, breadcrumbs, visible relations.

Whatever a visitor may or may not see is decided by `cms.core.privacy`; these tags only call it.
Which language version of a page, a document title or a tag a visitor reads is decided by
`cms.core.translation`; relations to pages are shown in the language of the page showing them.
"""

from django import template
from django.conf import settings
from django.db.models import Q, prefetch_related_objects
from django.urls import reverse, translate_url
from django.utils import translation
from wagtail.documents import get_document_model
from wagtail.models import Page, Site

from cms.core import pagination
from cms.core.privacy import visible_documents, visible_pages
from cms.core.response_policy import is_signed_in
from cms.core.translation import (
    alternate_languages,
    document_title,
    localized_pages,
    page_translations,
    tag_name,
)

register = template.Library()

#: Where the home pages stand: right under the tree root, which is at depth 1.
HOME_DEPTH = 2


def _request(context):
    return context.get("request")


def _user(context):
    return getattr(_request(context), "user", None)


def _active_language() -> str:
    return (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]


def _section_pages(*, language_code: str, user) -> list[Page]:
    """The home page children in `language_code`, in tree order: two small queries and privacy.

    The homes are the pages right under the tree root, one per language (`HOME_DEPTH`).
    """
    homes = Page.objects.filter(depth=HOME_DEPTH, locale__language_code=language_code).values_list(
        "path", "depth"
    )
    # A range of paths at one depth: the path index answers it without reading the whole tree.
    condition = Q()
    for path, depth in homes:
        condition |= Q(depth=depth + 1, path__range=Page._get_children_path_interval(path))
    if not condition:
        return []
    children = Page.objects.filter(condition, locale__language_code=language_code)
    return list(visible_pages(children, user=user).order_by("path"))


def _cached_sections(context) -> list[Page]:
    request = _request(context)
    language_code = _active_language()
    # The header and the footer both list the sections: one query per request serves both.
    cache = getattr(request, "_cordata_sections", None) if request is not None else None
    if cache is None or cache[0] != language_code:
        cache = (language_code, _section_pages(language_code=language_code, user=_user(context)))
        if request is not None:
            request._cordata_sections = cache
    return cache[1]


@register.simple_tag(takes_context=True)
def site_sections(context) -> list[dict]:
    """The header navigation: the home page's children in the active language.

    Each item has `page`, `url`, `is_current` (this is the page shown) and `is_ancestor`
    (the page shown lies inside that section).
    """
    request = _request(context)
    current = context.get("page")
    current_path = getattr(current, "path", "") or ""
    items = []
    for section in _cached_sections(context):
        is_current = current_path == section.path
        items.append(
            {
                "page": section,
                "url": section.get_url(request=request),
                "is_current": is_current,
                "is_ancestor": not is_current and current_path.startswith(section.path),
            }
        )
    return items


@register.simple_tag(takes_context=True)
def section_page(context, model_label: str):
    """The section (a child of the home page) of type `model_label`, e.g. "home.PressReleaseIndexPage".

    Reads the sections already loaded for the navigation, so it costs no query.
    """
    app_label, _, model_name = model_label.lower().partition(".")
    for section in _cached_sections(context):
        model = section.specific_class
        if model is not None and (model._meta.app_label, model._meta.model_name) == (
            app_label,
            model_name,
        ):
            return section
    return None


@register.simple_tag(takes_context=True)
def site_name(context) -> str:
    request = _request(context)
    site = Site.find_for_request(request) if request is not None else None
    return (site.site_name if site else "") or settings.WAGTAIL_SITE_NAME


def _page_versions(context) -> dict:
    """The visible versions of the page shown, by language code (one query per request)."""
    page = context.get("page")
    if page is None or not getattr(page, "translation_key", None) or not page.pk:
        return {}
    request = _request(context)
    cached = getattr(request, "_cordata_versions", None)
    if cached is not None and cached[0] == page.pk:
        return cached[1]
    versions = page_translations([page], user=_user(context)).get(page.translation_key, {})
    if request is not None:
        request._cordata_versions = (page.pk, versions)
    return versions


def _home_url(language_code: str) -> str:
    with translation.override(language_code):
        return reverse("wagtail_serve", args=[""])


@register.inclusion_tag("components/language_switcher.html", takes_context=True)
def language_switcher(context):
    """A link per site language to this page in that language, the current one marked.

    Where the page has no visible version in a language, the link goes to that language's
    home page (`is_translation` is then false). Outside Wagtail pages (the search page) the
    link keeps the path and the query in the other language.
    """
    request = _request(context)
    page = context.get("page")
    versions = _page_versions(context)
    current = next(
        (code for code, version in versions.items() if version.pk == page.pk), _active_language()
    )
    languages = []
    for code, _name in settings.LANGUAGES:
        version = versions.get(code)
        if version is not None:
            url, is_translation = version.get_url(request=request), True
        elif page is None and request is not None:
            url, is_translation = translate_url(request.get_full_path(), code), True
        else:
            url, is_translation = _home_url(code), False
        info = translation.get_language_info(code)
        languages.append(
            {
                "code": code,
                "name": info["name_local"],
                "url": url,
                "is_current": code == current,
                "is_translation": is_translation,
            }
        )
    return {"languages": languages, "active_language": _active_language()}


@register.simple_tag(takes_context=True)
def page_alternates(context) -> list[dict]:
    """`hreflang` links of the page shown: `[{code, url}]` for each language version (absolute
    URLs) and `x-default` (the source-language version); empty without a second version."""
    request = _request(context)
    return [
        {"code": code, "url": version.get_full_url(request=request)}
        for code, version in alternate_languages(_page_versions(context))
    ]


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page=None):
    """The live ancestors of `page` below the tree root (the home page first), in one query."""
    page = page or context.get("page")
    request = _request(context)
    if page is None or not page.path or page.depth <= 2:
        return {"crumbs": [], "page": page}
    ancestors = Page.objects.ancestor_of(page).filter(depth__gte=2).live().order_by("depth")
    crumbs = [{"title": a.title, "url": a.get_url(request=request)} for a in ancestors]
    return {"crumbs": crumbs, "page": page}


def visible_relation_targets(
    context, page, relation: str, field: str, model, *, documents=False
) -> list[tuple]:
    """Pairs (row, target) of an inline relation whose target the visitor may see, in row order.

    Works on the saved relation and on the unsaved one of a preview alike, and loads the
    targets in one query instead of one per row. The content apps' tags build on it too
    (`cms.groups.templatetags.groups_tags`).
    """
    rows = list(getattr(page, relation).all())
    ids = [getattr(row, f"{field}_id") for row in rows]
    if not ids:
        return []
    queryset = model.objects.filter(pk__in=ids)
    if documents:
        visible = visible_documents(queryset, user=_user(context))
    else:
        visible = visible_pages(queryset, user=_user(context))
    targets = visible.in_bulk()
    if not documents and targets:
        # A translated page keeps its relations pointing at the source-language pages.
        found = list(targets.values())
        localized = localized_pages(found, page.locale_id, user=_user(context))
        targets = {target.pk: other for target, other in zip(found, localized, strict=True)}
    return [(row, targets[pk]) for row, pk in zip(rows, ids, strict=True) if pk in targets]


@register.simple_tag(takes_context=True)
def visible_related_pages(context, page, relation: str, field: str) -> list[Page]:
    """The pages an inline relation of `page` points at that the visitor may see.

    `{% visible_related_pages page "related_partners" "partner" as partners %}`
    """
    model = page._meta.get_field(relation).related_model._meta.get_field(field).related_model
    return [
        target for _row, target in visible_relation_targets(context, page, relation, field, model)
    ]


@register.simple_tag(takes_context=True)
def visible_attached_documents(context, page, relation: str, field: str = "document") -> list:
    """The documents an inline relation of `page` attaches that the visitor may see."""
    model = get_document_model()
    return [
        target
        for _row, target in visible_relation_targets(
            context, page, relation, field, model, documents=True
        )
    ]


@register.simple_tag(takes_context=True)
def document_if_visible(context, document):
    """`document` if the visitor may see it (its collection may be private), else None."""
    if document is None or not document.pk:
        return None
    queryset = get_document_model().objects.filter(pk=document.pk)
    return document if visible_documents(queryset, user=_user(context)).exists() else None


@register.simple_tag(takes_context=True)
def page_if_visible(context, page):
    """`page` if the visitor may see it (a draft or a restricted page is not linked), else None;
    in the language of the page shown when a version in that language is visible."""
    if page is None or not page.pk:
        return None
    queryset = Page.objects.filter(pk=page.pk)
    if not visible_pages(queryset, user=_user(context)).exists():
        return None
    shown = context.get("page")
    locale = getattr(shown, "locale_id", None) or _active_language()
    return localized_pages([page], locale, user=_user(context))[0]


@register.filter(name="document_title")
def document_title_filter(document) -> str:
    """The document's title in the active language: `{{ document|document_title }}`."""
    return document_title(document, _active_language())


@register.filter(name="tag_name")
def tag_name_filter(tag) -> str:
    """The tag's name in the active language: `{{ tag|tag_name }}` (prefetch
    `tags__translations` in listings)."""
    return tag_name(tag, _active_language())


@register.simple_tag
def with_tag_names(tags) -> list:
    """`tags` with their translations loaded, so `tag|tag_name` costs no query per tag:
    `{% with_tag_names page.tags.all as tags %}`."""
    tags = list(tags)
    prefetch_related_objects(tags, "translations")
    return tags


@register.filter
def signed_in(user) -> bool:
    """Whether `user` counts as signed in (`response_policy.is_signed_in`):
    `{% if request.user|signed_in %}`."""
    return is_signed_in(user)


@register.filter
def file_extension_label(document) -> str:
    """The document's file type as readers know it: "PDF", "DOCX"."""
    return (getattr(document, "file_extension", "") or "").upper()


@register.simple_tag
def elided_page_range(items) -> list:
    """Page numbers around the current one, with the paginator's ellipsis for the gaps."""
    return pagination.elided_page_range(items)


@register.filter
def page_type_label(page) -> str:
    """The page's type as editors name it ("press release"), without loading the specific page."""
    model = getattr(page, "specific_class", None)
    return str(model._meta.verbose_name) if model is not None else ""


# The shapes a video embed is shown in, as "<width>x<height>" and height over width; each has
# a class in site.css (a per-embed inline style would be refused by the site's CSP).
EMBED_SHAPES = {"16x9": 9 / 16, "4x3": 3 / 4, "1x1": 1.0, "9x16": 16 / 9}


@register.filter
def embed_shape(embed) -> str:
    """The shape closest to the embed's own proportions: `responsive-object--{{ embed|embed_shape }}`."""
    ratio = getattr(embed, "ratio", None) or EMBED_SHAPES["16x9"]
    return min(EMBED_SHAPES, key=lambda shape: abs(EMBED_SHAPES[shape] - ratio))
