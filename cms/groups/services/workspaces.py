"""Writes for thematic groups' workspaces: the members group, the restricted collection and
the workspace page of each group, and the view restrictions that keep them private.

A thematic group (its Italian, source-language page) owns three things that keep its working
knowledge private: a members auth group, a document collection restricted to that auth group
(and the project staff), and a workspace page restricted the same way in every language.
`workspace_ensure` creates them and keeps their names in step with the group; it is called when
a group is published and by the demo, and is safe to call again.
"""

import contextlib
import contextvars
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import (
    BaseViewRestriction,
    Collection,
    CollectionViewRestriction,
    Locale,
    Page,
    PageViewRestriction,
)

from ..models import ThematicGroupPage, WorkspacePage
from ..selectors.workspaces import group_workspace, source_group, source_workspace, staff_groups
from .membership import members_sync

# Names follow the group's (Italian) title; they are what administrators see in the admin.
MEMBERS_GROUP_NAME = "Membri – {title}"
COLLECTION_NAME = "Gruppo {title}"
WORKSPACE_TITLE = "Spazio di lavoro – {title}"
WORKSPACE_SLUG = "spazio-di-lavoro"
WORKSPACE_INTRO = (
    "<p>Lo spazio riservato ai partner del gruppo: verbali, bozze e materiali di lavoro. "
    "Solo i membri del gruppo e lo staff del progetto vedono questa pagina e i suoi "
    "documenti.</p>"
)

# Set while this module rewrites view restrictions, so the signal handlers that watch
# restrictions do not react to the module's own writes.
_syncing: contextvars.ContextVar[bool] = contextvars.ContextVar("workspace_sync", default=False)


@contextlib.contextmanager
def _restriction_writes() -> Iterator[None]:
    token = _syncing.set(True)
    try:
        yield
    finally:
        _syncing.reset(token)


def restrictions_being_written() -> bool:
    """True while this module itself is writing view restrictions."""
    return _syncing.get()


def _free_group_name(wanted: str, *, keep: Group | None = None) -> str:
    """`wanted`, or `wanted (2)`, `(3)`… when another auth group already has the name."""
    taken = Group.objects.all() if keep is None else Group.objects.exclude(pk=keep.pk)
    name, number = wanted[:150], 2
    while taken.filter(name=name).exists():
        suffix = f" ({number})"
        name = wanted[: 150 - len(suffix)] + suffix
        number += 1
    return name


def _is_name_for(name: str, wanted: str) -> bool:
    """Whether `name` is `wanted` or `_free_group_name`'s numbered variant of it."""
    if name == wanted[:150]:
        return True
    stem, _sep, number = name.rpartition(" (")
    suffix_length = len(name) - len(stem)
    return number.endswith(")") and number[:-1].isdigit() and stem == wanted[: 150 - suffix_length]


def _members_group_ensure(group: ThematicGroupPage, *, current: Group | None) -> Group:
    wanted = MEMBERS_GROUP_NAME.format(title=group.title)
    if current is None:
        # A members group left by an earlier workspace of this group is taken back, so a
        # re-created workspace keeps its members; one that another workspace uses never is.
        in_use = WorkspacePage.objects.exclude(members_group=None).values("members_group")
        current = Group.objects.filter(name=wanted[:150]).exclude(pk__in=in_use).first()
        if current is None:
            return Group.objects.create(name=_free_group_name(wanted))
    if not _is_name_for(current.name, wanted):
        current.name = _free_group_name(wanted, keep=current)
        current.save(update_fields=["name"])
    return current


def _collection_ensure(group: ThematicGroupPage, *, current: Collection | None) -> Collection:
    wanted = COLLECTION_NAME.format(title=group.title)[:255]
    if current is None:
        root = Collection.get_first_root_node()
        in_use = WorkspacePage.objects.exclude(collection=None).values("collection")
        current = root.get_children().filter(name=wanted).exclude(pk__in=in_use).first()
        if current is None:
            return root.add_child(name=wanted)
    if current.name != wanted:
        current.name = wanted
        current.save(update_fields=["name"])
    return current


def _restriction_ensure(
    restrictions: Iterable[BaseViewRestriction],
    create: Callable[[], BaseViewRestriction],
    *,
    groups: Iterable[Group],
    exact: bool,
    keep: BaseViewRestriction | None = None,
) -> BaseViewRestriction:
    """The one groups restriction among `restrictions`, admitting `groups`.

    Other restrictions are removed, and a login one becomes a groups one (a login restriction
    would let every partner in; a password one is disabled). With `exact`, groups beyond
    `groups` are removed too; otherwise groups an administrator added are kept. `keep` (a
    restriction being saved by someone else right now) is changed, never deleted.
    """
    wanted = {group.pk: group for group in groups}
    candidates = list(restrictions)
    chosen = next((r for r in candidates if keep is not None and r.pk == keep.pk), None)
    if chosen is None:
        chosen = next(
            (r for r in candidates if r.restriction_type == BaseViewRestriction.GROUPS), None
        )
    for existing in candidates:
        if existing is not chosen:
            existing.delete()
    if chosen is None:
        chosen = create()
    elif chosen.restriction_type != BaseViewRestriction.GROUPS or chosen.password:
        chosen.restriction_type, chosen.password = BaseViewRestriction.GROUPS, ""
        chosen.save(update_fields=["restriction_type", "password"])
    current = set(chosen.groups.values_list("pk", flat=True))
    missing = [group for pk, group in wanted.items() if pk not in current]
    if missing:
        chosen.groups.add(*missing)
    if exact and current - set(wanted):
        chosen.groups.remove(*(current - set(wanted)))
    return chosen


def _collection_restriction_ensure(
    collection: Collection, *, groups: Sequence[Group], keep: BaseViewRestriction | None = None
) -> None:
    _restriction_ensure(
        CollectionViewRestriction.objects.filter(collection=collection),
        lambda: CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=BaseViewRestriction.GROUPS
        ),
        groups=groups,
        exact=False,
        keep=keep,
    )


def _page_restriction_ensure(
    page: Page,
    *,
    groups: Iterable[Group],
    exact: bool,
    keep: BaseViewRestriction | None = None,
) -> BaseViewRestriction:
    def create() -> BaseViewRestriction:
        restriction = PageViewRestriction(page=page, restriction_type=BaseViewRestriction.GROUPS)
        restriction.save()
        return restriction

    return _restriction_ensure(
        PageViewRestriction.objects.filter(page=page),
        create,
        groups=groups,
        exact=exact,
        keep=keep,
    )


@transaction.atomic
def workspace_restrictions_sync(
    *, workspace: WorkspacePage, keep: BaseViewRestriction | None = None
) -> None:
    """Every language version of `workspace` restricted to the source version's groups.

    The source (Italian) workspace always admits its members group and the staff groups, and
    keeps any group an administrator added; each translation admits exactly the same groups,
    so the English page is never more open than the Italian one, whichever changed last.
    `keep` is a restriction being saved right now (see `_restriction_ensure`).
    """
    source = source_workspace(workspace)
    required = [source.members_group, *staff_groups()] if source.members_group else staff_groups()
    with _restriction_writes():
        restriction = _page_restriction_ensure(source, groups=required, exact=False, keep=keep)
        allowed = list(restriction.groups.all())
        versions = WorkspacePage.objects.filter(translation_key=source.translation_key).exclude(
            pk=source.pk
        )
        for version in versions:
            _page_restriction_ensure(version, groups=allowed, exact=True, keep=keep)


def _workspace_create(
    group: ThematicGroupPage, *, members: Group, collection: Collection
) -> WorkspacePage:
    slug, number = WORKSPACE_SLUG, 2
    while group.get_children().filter(slug=slug).exists():
        slug, number = f"{WORKSPACE_SLUG}-{number}", number + 1
    workspace = WorkspacePage(
        title=WORKSPACE_TITLE.format(title=group.title),
        slug=slug,
        intro=WORKSPACE_INTRO,
        members_group=members,
        collection=collection,
        locale_id=group.locale_id,
        # Published only once its restriction exists.
        live=False,
    )
    # The stored tree, not `group`'s in-memory child count, decides the new page's path; the
    # caller's instance is then brought up to date, so saving it later keeps the count right.
    parent = Page.objects.get(pk=group.pk)
    parent.add_child(instance=workspace)
    group.numchild = parent.numchild
    workspace_restrictions_sync(workspace=workspace)
    workspace.save_revision().publish()
    return WorkspacePage.objects.select_related("members_group", "collection").get(pk=workspace.pk)


def workspace_lacks_access(workspace: WorkspacePage) -> bool:
    """Whether a source workspace has no members group or collection of its own yet (one
    added in the admin, or copied with its group)."""
    return _own(workspace, "members_group") is None or _own(workspace, "collection") is None


def _own(workspace: WorkspacePage | None, field: str) -> Any:
    """The workspace's members group or collection, unless another workspace uses it too.

    A copied group page brings a copy of the workspace that still points at the original's
    members group and collection: the copy gets its own instead of renaming the original's.
    """
    if workspace is None or getattr(workspace, f"{field}_id") is None:
        return None
    shared = (
        WorkspacePage.objects.filter(**{f"{field}_id": getattr(workspace, f"{field}_id")})
        .exclude(translation_key=workspace.translation_key)
        .exists()
    )
    return None if shared else getattr(workspace, field)


@transaction.atomic
def workspace_ensure(*, group: ThematicGroupPage) -> WorkspacePage:
    """The private workspace of `group`, with its members group and restricted collection.

    Creates what is missing and renames the members group and the collection after the
    group's current title; brings the view restrictions and the partners' membership in step.
    Works on the source-language group whichever version is passed.
    """
    group = source_group(group)
    workspace = group_workspace(group)
    members = _members_group_ensure(group, current=_own(workspace, "members_group"))
    collection = _collection_ensure(group, current=_own(workspace, "collection"))
    with _restriction_writes():
        _collection_restriction_ensure(collection, groups=[members, *staff_groups()])
    if workspace is None:
        workspace = _workspace_create(group, members=members, collection=collection)
    elif workspace.members_group_id != members.pk or workspace.collection_id != collection.pk:
        # Every language version points at the same members group and collection.
        WorkspacePage.objects.filter(translation_key=workspace.translation_key).update(
            members_group=members, collection=collection
        )
        workspace.members_group, workspace.collection = members, collection
    workspace_restrictions_sync(workspace=workspace)
    members_sync(group=group, members=members)
    return workspace


@transaction.atomic
def group_names_sync(*, group: ThematicGroupPage) -> None:
    """Rename the members group and the collection of `group` after its title, if it has a
    workspace (a group without one gets everything at its next publication)."""
    group = source_group(group)
    workspace = group_workspace(group)
    if workspace is None:
        return
    if workspace.members_group is not None:
        _members_group_ensure(group, current=workspace.members_group)
    if workspace.collection is not None:
        _collection_ensure(group, current=workspace.collection)


def collection_restriction_restore(
    *, collection: Collection, keep: BaseViewRestriction | None = None
) -> None:
    """Put back the restriction of a workspace's collection, whatever changed it."""
    workspace = (
        WorkspacePage.objects.filter(collection=collection, locale=Locale.get_default())
        .select_related("members_group")
        .first()
    )
    if workspace is None:
        return
    groups = [workspace.members_group] if workspace.members_group else []
    with transaction.atomic(), _restriction_writes():
        _collection_restriction_ensure(collection, groups=[*groups, *staff_groups()], keep=keep)
