"""What the APIs may list: pages of the requested site, documents and images, for one user.

Privacy comes from `cms.core.privacy` and nowhere else; these selectors add only what is
particular to the APIs (the site's language trees, the base ordering).
"""

from collections.abc import Sequence

from django.db.models import Q, QuerySet
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from cms.core.privacy import visible_documents, visible_images, visible_pages


def api_page_list(*, site: Site | None, user=None, model: type[Page] = Page) -> QuerySet:
    """Live pages of `model` that `user` may see, in `site`'s tree and its translations."""
    if site is None:
        return model.objects.none()
    roots = site.root_page.get_translations(inclusive=True).only("path")
    in_site = Q()
    for root in roots:
        in_site |= Q(path__startswith=root.path)
    pages = visible_pages(model.objects.filter(in_site), user=user)
    return pages.select_related("locale").order_by("path")


def api_document_list(*, user=None) -> QuerySet:
    """Documents `user` may see, oldest first (a stable order for paging)."""
    return visible_documents(get_document_model().objects.all(), user=user).order_by("pk")


def api_image_list(*, user=None) -> QuerySet:
    """Images `user` may see, oldest first."""
    return visible_images(get_image_model().objects.all(), user=user).order_by("pk")


def _related_paths(tree: dict, prefix: str = "") -> list[str]:
    paths = []
    for name, subtree in tree.items():
        path = f"{prefix}{name}"
        paths.extend(_related_paths(subtree, f"{path}__") if subtree else [path])
    return paths


def api_tagged(queryset: QuerySet, *, tags: Sequence[str], field: str = "tags") -> QuerySet:
    """Items of `queryset` carrying every one of `tags` (the APIs allow `limits.MAX_TAGS` of them)."""
    for tag in tags:
        queryset = queryset.filter(**{f"{field}__name": tag})
    return queryset


def api_searchable(queryset: QuerySet) -> QuerySet:
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
    return searchable.prefetch_related(*queryset._prefetch_related_lookups).order_by(
        *queryset.query.order_by
    )
