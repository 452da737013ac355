"""Who may see what: the one owner of Cordata's privacy rule for pages, documents and images.

Views, feeds, sitemaps, search and the APIs call these functions; none re-implements them.
A page is visible when it is live and every view restriction on it or its ancestors lets the
user in; a document or an image is visible when every view restriction on its collection or the
collection's ancestors lets the user in. Shared passwords are disabled, so a password
restriction never lets anyone in through a listing.

Within a request (`request_scope`, opened by `PrivacyScopeMiddleware`) the restrictions and the
user's groups are read once, however many listings, tags and searches ask; any change to a
restriction or a user's groups empties the scope at once.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeAlias, TypeVar

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.utils.translation import gettext as _
from wagtail.models import (
    BaseViewRestriction,
    Collection,
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
)
from wagtail.query import PageQuerySet

# Who counts as signed in is the response policy's rule; imported here for the rule below
# and for the callers that still ask this module.
from .response_policy import is_signed_in

#: Whom a read is for: a user, an anonymous visitor, or None for the public.
Viewer: TypeAlias = AbstractBaseUser | AnonymousUser | None

_QS = TypeVar("_QS", bound=QuerySet)

_scope: ContextVar[dict | None] = ContextVar("cordata_privacy_scope", default=None)


@contextmanager
def request_scope() -> Iterator[None]:
    """Reads restrictions and group memberships once for everything inside the block."""
    token = _scope.set({})
    try:
        yield
    finally:
        _scope.reset(token)


def _scoped(key, load):
    scope = _scope.get()
    if scope is None:
        return load()
    if key not in scope:
        scope[key] = load()
    return scope[key]


def _forget(**kwargs) -> None:
    scope = _scope.get()
    if scope is not None:
        scope.clear()


def _refuse_shared_password(sender, instance, **kwargs) -> None:
    # The admin offers no password option (WAGTAIL_PRIVATE_PAGE_OPTIONS); this stops every
    # other path (a shell, an import, a future form) from storing one.
    if instance.restriction_type == BaseViewRestriction.PASSWORD:
        raise ValidationError(
            _("Shared passwords are disabled: restrict to signed-in users or to groups.")
        )


def connect() -> None:
    """Empties the request's scope whenever a restriction or a user's groups change, and
    refuses password restrictions."""
    for model in (PageViewRestriction, CollectionViewRestriction):
        pre_save.connect(
            _refuse_shared_password,
            sender=model,
            dispatch_uid=f"privacy_no_password_{model._meta.model_name}",
        )
        uid = f"privacy_forget_{model._meta.model_name}"
        post_save.connect(_forget, sender=model, dispatch_uid=uid)
        post_delete.connect(_forget, sender=model, dispatch_uid=uid)
        m2m_changed.connect(_forget, sender=model.groups.through, dispatch_uid=uid)
    m2m_changed.connect(
        _forget, sender=get_user_model().groups.through, dispatch_uid="privacy_forget_user_groups"
    )


def _restrictions(model) -> list[BaseViewRestriction]:
    target = "page" if model is PageViewRestriction else "collection"
    return _scoped(
        model,
        lambda: list(model.objects.select_related(target).prefetch_related("groups")),
    )


def _restriction_admits(restriction: BaseViewRestriction, user, user_group_ids: set[int]) -> bool:
    if not is_signed_in(user):
        return False
    if user.is_superuser:
        return True
    if restriction.restriction_type == BaseViewRestriction.LOGIN:
        return True
    if restriction.restriction_type == BaseViewRestriction.GROUPS:
        return bool(user_group_ids & {group.pk for group in restriction.groups.all()})
    return False


def _user_group_ids(user) -> set[int]:
    if not is_signed_in(user):
        return set()
    return _scoped(("groups", user.pk), lambda: set(user.groups.values_list("pk", flat=True)))


def _denied_paths(restrictions, *, path_attr: str, user) -> list[str]:
    group_ids = _user_group_ids(user)
    return [
        getattr(restriction, path_attr).path
        for restriction in restrictions
        if not _restriction_admits(restriction, user, group_ids)
    ]


def _exclude_paths(queryset: _QS, *, paths: list[str], prefix: str = "") -> _QS:
    if not paths:
        return queryset
    condition = Q()
    for path in paths:
        condition |= Q(**{f"{prefix}path__startswith": path})
    return queryset.exclude(condition)


def visible_pages(queryset: PageQuerySet, *, user: Viewer = None) -> PageQuerySet:
    """Live pages in `queryset` that `user` (None or anonymous for the public) may view."""
    denied = _denied_paths(_restrictions(PageViewRestriction), path_attr="page", user=user)
    return _exclude_paths(queryset.live(), paths=denied)


def visible_collections(*, user: Viewer = None) -> QuerySet[Collection]:
    """Collections whose documents `user` may see (restrictions apply to descendant collections)."""
    denied = _denied_paths(
        _restrictions(CollectionViewRestriction), path_attr="collection", user=user
    )
    return _exclude_paths(Collection.objects.all(), paths=denied)


def _in_visible_collections(queryset: _QS, *, user: Viewer) -> _QS:
    denied = _denied_paths(
        _restrictions(CollectionViewRestriction), path_attr="collection", user=user
    )
    return _exclude_paths(queryset, paths=denied, prefix="collection__")


def visible_documents(queryset: _QS, *, user: Viewer = None) -> _QS:
    """Documents in `queryset` that `user` may see."""
    return _in_visible_collections(queryset, user=user)


def visible_images(queryset: _QS, *, user: Viewer = None) -> _QS:
    """Images in `queryset` that `user` may see: the collection rule documents follow."""
    return _in_visible_collections(queryset, user=user)


def page_is_visible(page: Page, *, user: Viewer = None) -> bool:
    return visible_pages(Page.objects.filter(pk=page.pk), user=user).exists()


class PrivacyScopeMiddleware:
    """Opens a privacy `request_scope` around each request (after authentication)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with request_scope():
            return self.get_response(request)
