"""Reads for thematic groups' workspaces: which version of a page owns access, a group's
workspace, the staff groups that enter every workspace, and who may enter one.

Privacy comes from `cms.core.privacy` and nowhere else.
"""

from django.conf import settings
from django.contrib.auth.models import Group
from wagtail.models import Locale, Page

from cms.core.privacy import Viewer, page_is_visible, visible_pages
from cms.core.translation import localized_pages

from ..models import ThematicGroupPage, WorkspacePage


def _default_locale() -> Locale:
    return Locale.get_default()


def source_version(page: Page) -> Page:
    """The source-language (Italian) version of `page`: the version that owns access.

    A page without a source-language version (an English-only page) is its own source.
    """
    default = _default_locale()
    if page.locale_id == default.pk:
        return page
    return (
        type(page).objects.filter(translation_key=page.translation_key, locale=default).first()
        or page
    )


def source_group(group: ThematicGroupPage) -> ThematicGroupPage:
    """The source-language version of a thematic group."""
    return source_version(group)


def source_workspace(workspace: WorkspacePage) -> WorkspacePage:
    """The source-language version of a workspace (itself when it is the source)."""
    return source_version(workspace)


def group_workspace(group: ThematicGroupPage) -> WorkspacePage | None:
    """The workspace under the source version of `group`, if it has one."""
    group = source_group(group)
    return (
        WorkspacePage.objects.child_of(group)
        .filter(locale_id=group.locale_id)
        .select_related("members_group", "collection")
        .first()
    )


def staff_groups() -> list[Group]:
    """The auth groups that may enter every workspace (settings.CORDATA_WORKSPACE_STAFF_GROUPS)."""
    names = tuple(settings.CORDATA_WORKSPACE_STAFF_GROUPS)
    return list(Group.objects.filter(name__in=names).order_by("name"))


def workspace_group(*, workspace: WorkspacePage) -> ThematicGroupPage:
    """The thematic group a workspace belongs to, in the workspace's language."""
    return workspace.get_parent().specific


def workspace_may_enter(*, workspace: WorkspacePage, user: Viewer) -> bool:
    """Whether `user` may see the workspace (and so its documents and upload form)."""
    return page_is_visible(workspace, user=user)


def workspace_list(*, user: Viewer, locale: Locale) -> list[WorkspacePage]:
    """The workspaces `user` may enter, in `locale` where translated, in tree order."""
    workspaces = visible_pages(
        WorkspacePage.objects.filter(locale=Locale.get_default()), user=user
    ).order_by("path")
    return localized_pages(list(workspaces), locale, user=user)
