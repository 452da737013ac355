"""Who may see what: the one owner of Cordata's privacy rule for pages and documents.

Views, feeds, sitemaps, search and the APIs call these functions; none re-implements them.
A page is visible when it is live and every view restriction on it or its ancestors lets the
user in; a document is visible when every view restriction on its collection or the
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


def _restriction_admits(restriction: BaseViewRestriction, user, user_group_ids: set[int]) -> bool:
    if user is not None and user.is_active and user.is_superuser:
        return True
    if restriction.restriction_type == BaseViewRestriction.LOGIN:
        return bool(user and user.is_authenticated)
    if restriction.restriction_type == BaseViewRestriction.GROUPS:
        if not (user and user.is_authenticated):
            return False
        return bool(user_group_ids & {group.pk for group in restriction.groups.all()})
    return False


def _user_group_ids(user) -> set[int]:
    if not (user and user.is_authenticated):
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


def visible_documents(queryset: QuerySet, *, user=None) -> QuerySet:
    """Documents in `queryset` that `user` may see."""
    restrictions = CollectionViewRestriction.objects.select_related("collection").prefetch_related(
        "groups"
    )
    denied = _denied_paths(restrictions, path_attr="collection", user=user)
    return _exclude_paths(queryset, paths=denied, prefix="collection__")


def page_is_visible(page: Page, *, user=None) -> bool:
    return visible_pages(Page.objects.filter(pk=page.pk), user=user).exists()
