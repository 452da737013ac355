"""What the APIs may list: pages of the requested site, documents and images, for one user.

Privacy comes from `cms.core.privacy` and nowhere else; these selectors add only what is
particular to the APIs (the site's language trees, the base ordering).
"""

from collections.abc import Sequence
from typing import TypeVar

from django.db.models import Model, Q, QuerySet
from wagtail.documents import get_document_model
from wagtail.documents.models import AbstractDocument
from wagtail.images import get_image_model
from wagtail.images.models import AbstractImage
from wagtail.models import Page, Site

from cms.core.privacy import Viewer, visible_documents, visible_images, visible_pages

_M = TypeVar("_M", bound=Model)
_QS = TypeVar("_QS", bound=QuerySet)


def api_page_list(
    *, site: Site | None, user: Viewer = None, model: type[Page] = Page
) -> QuerySet[Page]:
    """Live pages of `model` that `user` may see, in `site`'s tree and its translations."""
    if site is None:
        return model.objects.none()
    roots = site.root_page.get_translations(inclusive=True).only("path")
    in_site = Q()
    for root in roots:
        in_site |= Q(path__startswith=root.path)
    pages = visible_pages(model.objects.filter(in_site), user=user)
    return pages.select_related("locale").order_by("path")


def api_document_list(*, user: Viewer = None) -> QuerySet[AbstractDocument]:
    """Documents `user` may see, oldest first (a stable order for paging)."""
    return visible_documents(get_document_model().objects.all(), user=user).order_by("pk")


def api_image_list(*, user: Viewer = None) -> QuerySet[AbstractImage]:
    """Images `user` may see, oldest first."""
    return visible_images(get_image_model().objects.all(), user=user).order_by("pk")


def _related_paths(tree: dict[str, dict], prefix: str = "") -> list[str]:
    paths = []
    for name, subtree in tree.items():
        path = f"{prefix}{name}"
        paths.extend(_related_paths(subtree, f"{path}__") if subtree else [path])
    return paths


def api_tagged(queryset: _QS, *, tags: Sequence[str], field: str = "tags") -> _QS:
    """Items of `queryset` carrying every one of `tags` (the APIs allow `limits.MAX_TAGS` of them)."""
    for tag in tags:
        queryset = queryset.filter(**{f"{field}__name": tag})
    return queryset


def api_searchable(queryset: QuerySet[_M]) -> QuerySet[_M]:
    """`queryset` selected again by id, keeping its order and what it loads alongside.

    The search backend filters only on indexed fields: handed over by id, any selection
    (privacy, site, tree, locale, tags, field filters) combines with a full-text search.
    """
    searchable = queryset.model._default_manager.filter(pk__in=queryset.values("pk"))
    related = queryset.query.select_related
    if isinstance(related, dict):
        searchable = searchable.select_related(*_related_paths(related))
    elif related:
        searchable = searchable.select_related()
    # The lookups given to `prefetch_related` are kept only in this private attribute, which
    # django-stubs does not declare.
    prefetched = queryset._prefetch_related_lookups  # type: ignore[attr-defined]
    return searchable.prefetch_related(*prefetched).order_by(*queryset.query.order_by)
