"""Who may see what: the one owner of Cordata's privacy rule for pages, documents and images.

Views, feeds, sitemaps, search and the APIs call these functions; none re-implements them.
A page is visible when it is live and every view restriction on it or its ancestors lets the
user in; a document or an image is visible when every view restriction on its collection or the
collection's ancestors lets the user in. Shared passwords are disabled, so a password
restriction never lets anyone in through a listing.
"""

from django.db.models import Q, QuerySet
from wagtail.models import (
    BaseViewRestriction,
    Collection,
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
)


def _is_signed_in(user) -> bool:
    # An inactive account (e.g. a revoked partner) counts as anonymous on every channel.
    return bool(user is not None and user.is_authenticated and user.is_active)


def _restriction_admits(restriction: BaseViewRestriction, user, user_group_ids: set[int]) -> bool:
    if not _is_signed_in(user):
        return False
    if user.is_superuser:
        return True
    if restriction.restriction_type == BaseViewRestriction.LOGIN:
        return True
    if restriction.restriction_type == BaseViewRestriction.GROUPS:
        return bool(user_group_ids & {group.pk for group in restriction.groups.all()})
    return False


def _user_group_ids(user) -> set[int]:
    if not _is_signed_in(user):
        return set()
    return set(user.groups.values_list("pk", flat=True))


def _denied_paths(restrictions, *, path_attr: str, user) -> list[str]:
    group_ids = _user_group_ids(user)
    return [
        getattr(restriction, path_attr).path
        for restriction in restrictions
        if not _restriction_admits(restriction, user, group_ids)
    ]


def _exclude_paths(queryset: QuerySet, *, paths: list[str], prefix: str = "") -> QuerySet:
    if not paths:
        return queryset
    condition = Q()
    for path in paths:
        condition |= Q(**{f"{prefix}path__startswith": path})
    return queryset.exclude(condition)


def visible_pages(queryset: QuerySet, *, user=None) -> QuerySet:
    """Live pages in `queryset` that `user` (None or anonymous for the public) may view."""
    restrictions = PageViewRestriction.objects.select_related("page").prefetch_related("groups")
    denied = _denied_paths(restrictions, path_attr="page", user=user)
    return _exclude_paths(queryset.live(), paths=denied)


def visible_collections(*, user=None) -> QuerySet[Collection]:
    """Collections whose documents `user` may see (restrictions apply to descendant collections)."""
    restrictions = CollectionViewRestriction.objects.select_related("collection").prefetch_related(
        "groups"
    )
    denied = _denied_paths(restrictions, path_attr="collection", user=user)
    return _exclude_paths(Collection.objects.all(), paths=denied)


def _in_visible_collections(queryset: QuerySet, *, user) -> QuerySet:
    restrictions = CollectionViewRestriction.objects.select_related("collection").prefetch_related(
        "groups"
    )
    denied = _denied_paths(restrictions, path_attr="collection", user=user)
    return _exclude_paths(queryset, paths=denied, prefix="collection__")


def visible_documents(queryset: QuerySet, *, user=None) -> QuerySet:
    """Documents in `queryset` that `user` may see."""
    return _in_visible_collections(queryset, user=user)


def visible_images(queryset: QuerySet, *, user=None) -> QuerySet:
    """Images in `queryset` that `user` may see: the collection rule documents follow."""
    return _in_visible_collections(queryset, user=user)


def page_is_visible(page: Page, *, user=None) -> bool:
    return visible_pages(Page.objects.filter(pk=page.pk), user=user).exists()
