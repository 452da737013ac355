"""Writes for thematic groups' private spaces, partner accounts and press moderation.

A thematic group (its Italian, source-language page) owns three things that keep its working
knowledge private: a members auth group, a document collection restricted to that auth group
(and the project staff), and a workspace page restricted the same way in every language.
`workspace_ensure` creates them and keeps their names in step with the group; it is called when
a group is published and by the demo, and is safe to call again.
"""

import contextlib
import contextvars
import pathlib
from collections.abc import Iterable, Iterator, Sequence

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from wagtail.models import (
    BaseViewRestriction,
    Collection,
    CollectionViewRestriction,
    GroupApprovalTask,
    Locale,
    Page,
    PageViewRestriction,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from cms.knowledge.models import ProjectDocument

from .models import PartnerAccount, PartnerPage, ThematicGroupPage, WorkspacePage

User = get_user_model()

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

MODERATORS = "Moderators"
# The same names as the data migration that creates them on a fresh database.
PRESS_WORKFLOW_NAME = "Moderazione dei comunicati stampa"
PRESS_TASK_NAME = "Approvazione dei moderatori"

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


# --- Lookups ------------------------------------------------------------------------------


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


# --- Members group and collection ---------------------------------------------------------


def _free_group_name(wanted: str, *, keep: Group | None = None) -> str:
    """`wanted`, or `wanted (2)`, `(3)`… when another auth group already has the name."""
    taken = Group.objects.exclude(pk=keep.pk if keep else None)
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


def _restriction_ensure(restrictions, create, *, groups: Iterable[Group], exact: bool, keep=None):
    """The one groups restriction among `restrictions`, admitting `groups`.

    Other restrictions are removed, and a login one becomes a groups one (a login restriction
    would let every partner in; a password one is disabled). With `exact`, groups beyond
    `groups` are removed too; otherwise groups an administrator added are kept. `keep` (a
    restriction being saved by someone else right now) is changed, never deleted.
    """
    groups = {group.pk: group for group in groups}
    restrictions = list(restrictions)
    chosen = next((r for r in restrictions if keep is not None and r.pk == keep.pk), None)
    if chosen is None:
        chosen = next(
            (r for r in restrictions if r.restriction_type == BaseViewRestriction.GROUPS), None
        )
    for existing in restrictions:
        if existing is not chosen:
            existing.delete()
    if chosen is None:
        chosen = create()
    elif chosen.restriction_type != BaseViewRestriction.GROUPS or chosen.password:
        chosen.restriction_type, chosen.password = BaseViewRestriction.GROUPS, ""
        chosen.save(update_fields=["restriction_type", "password"])
    current = set(chosen.groups.values_list("pk", flat=True))
    missing = [group for pk, group in groups.items() if pk not in current]
    if missing:
        chosen.groups.add(*missing)
    if exact and current - set(groups):
        chosen.groups.remove(*(current - set(groups)))
    return chosen


def _collection_restriction_ensure(
    collection: Collection, *, groups: Sequence[Group], keep=None
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


def _page_restriction_ensure(page: Page, *, groups: Iterable[Group], exact: bool, keep=None):
    def create():
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
def workspace_restrictions_sync(*, workspace: WorkspacePage, keep=None) -> None:
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


def _own(workspace: WorkspacePage | None, field: str):
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


# --- Members ------------------------------------------------------------------------------


def _partner_ids_of(group: ThematicGroupPage) -> set[int]:
    return set(group.memberships.values_list("partner_id", flat=True))


@transaction.atomic
def members_sync(*, group: ThematicGroupPage, members: Group | None = None) -> None:
    """The partner accounts in `group`'s members group: those of the group's partners.

    Accounts of partners that left the group are removed; users without a partner account
    (added by an administrator) are left alone.
    """
    group = source_group(group)
    if members is None:
        workspace = group_workspace(group)
        members = workspace.members_group if workspace is not None else None
        if members is None:
            return
    wanted = set(
        User.objects.filter(partner_account__partner_id__in=_partner_ids_of(group)).values_list(
            "pk", flat=True
        )
    )
    current = set(
        members.user_set.filter(partner_account__isnull=False).values_list("pk", flat=True)
    )
    if wanted - current:
        members.user_set.add(*(wanted - current))
    if current - wanted:
        members.user_set.remove(*(current - wanted))


@transaction.atomic
def membership_add(*, partner_user, group: ThematicGroupPage) -> None:
    """Let a partner's user into `group`'s workspace (their partner must be in the group).

    Raises ValidationError when the user has no partner account or their partner is not a
    member of the group.
    """
    group = source_group(group)
    account = PartnerAccount.objects.filter(user=partner_user).select_related("partner").first()
    if account is None:
        raise ValidationError(
            _("%(user)s has no partner account.") % {"user": partner_user.get_username()}
        )
    if account.partner_id not in _partner_ids_of(group):
        raise ValidationError(
            _("%(partner)s is not a member of the %(group)s group.")
            % {"partner": account.partner.title, "group": group.title}
        )
    workspace = group_workspace(group)
    if workspace is None or workspace.members_group is None:
        return  # the group's publication makes its workspace and lets its partners in
    workspace.members_group.user_set.add(partner_user)


def partner_groups(*, partner: PartnerPage) -> list[ThematicGroupPage]:
    """The source-language thematic groups `partner` is a member of."""
    return list(
        ThematicGroupPage.objects.filter(memberships__partner=partner).distinct().order_by("path")
    )


# --- Partner accounts ---------------------------------------------------------------------


def _free_username(email: str) -> str:
    base = email.strip().lower()[:140]
    name, number = base, 2
    while User.objects.filter(username=name).exists():
        name, number = f"{base}-{number}", number + 1
    return name


def invitation_link(*, user, language: str, base_url: str) -> str:
    """The set-password page for `user`, in `language`, as an absolute URL."""
    with translation.override(language):
        path = reverse(
            "password_reset_confirm",
            kwargs={
                "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                "token": default_token_generator.make_token(user),
            },
        )
    return base_url.rstrip("/") + path


def _invitation_send(*, user_pk: int, partner_title: str, language: str, base_url: str) -> None:
    user = User.objects.get(pk=user_pk)
    context = {
        "user": user,
        "partner": partner_title,
        "link": invitation_link(user=user, language=language, base_url=base_url),
        "site_name": settings.WAGTAIL_SITE_NAME,
        "login_url": base_url.rstrip("/") + _login_path(language),
    }
    with translation.override(language):
        subject = render_to_string("groups/emails/partner_invitation_subject.txt", context)
        body = render_to_string("groups/emails/partner_invitation.txt", context)
    send_mail(" ".join(subject.split()), body, None, [user.email])


def _login_path(language: str) -> str:
    with translation.override(language):
        return reverse("account_login")


@transaction.atomic
def partner_invite(
    *,
    email: str,
    partner: PartnerPage,
    first_name: str = "",
    last_name: str = "",
    language: str = "",
    invited_by=None,
    base_url: str = "",
) -> PartnerAccount:
    """Create a partner's account and email them a link to choose their password.

    The account has no usable password until then. It joins the members group of every
    thematic group the partner belongs to. The email leaves once the transaction commits.
    """
    email = email.strip()
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError(
            _("An account with the address %(email)s already exists.") % {"email": email}
        )
    partner = source_version(partner)
    user = User(
        username=_free_username(email),
        email=email,
        first_name=first_name.strip(),
        last_name=last_name.strip(),
        is_active=True,
    )
    user.set_unusable_password()
    user.save()
    account = PartnerAccount.objects.create(user=user, partner=partner, invited_by=invited_by)
    for group in partner_groups(partner=partner):
        membership_add(partner_user=user, group=group)
    language = language or settings.LANGUAGE_CODE
    base_url = base_url or settings.WAGTAILADMIN_BASE_URL
    transaction.on_commit(
        lambda: _invitation_send(
            user_pk=user.pk, partner_title=partner.title, language=language, base_url=base_url
        )
    )
    return account


# --- Workspace documents ------------------------------------------------------------------


def _tag_names(tags: Sequence[str]) -> list[str]:
    return sorted({tag.strip() for tag in tags if tag.strip()})


def _discard_stored_file(document: ProjectDocument) -> None:
    name = document.file.name if document.file else ""
    if name and document.file.storage.exists(name):
        document.file.storage.delete(name)


def workspace_document_upload(
    *,
    workspace: WorkspacePage,
    user,
    upload: UploadedFile,
    title: str = "",
    description: str = "",
    language: str,
    kind: str,
    tags: Sequence[str] = (),
) -> ProjectDocument:
    """Store a validated upload as a document of the workspace's group, in its collection.

    The file is checked by the upload form before this runs; if saving fails anyway, the
    file written to storage is removed, so a failed upload leaves neither a row nor a file.
    """
    source = source_workspace(workspace)
    if source.collection_id is None:
        raise ValidationError(_("This workspace has no document collection yet."))
    group = source_group(source.get_parent().specific)
    document = ProjectDocument(
        title=title.strip() or pathlib.Path(upload.name).stem.replace("_", " ")[:255],
        file=upload,
        collection_id=source.collection_id,
        uploaded_by_user=user,
        thematic_group=group,
        description=description.strip(),
        language=language,
        kind=kind,
    )
    document._set_document_file_metadata()
    try:
        with transaction.atomic():
            document.save()
            document.tags.set(_tag_names(tags))
    except Exception:
        _discard_stored_file(document)
        raise
    return document


@transaction.atomic
def workspace_document_update(
    *,
    document: ProjectDocument,
    user,
    title: str,
    description: str,
    language: str,
    kind: str,
    tags: Sequence[str] = (),
) -> ProjectDocument:
    """Change the metadata of a document `user` uploaded (the file stays as it is)."""
    if document.uploaded_by_user_id != user.pk:
        raise ValidationError(_("Only the person who uploaded a document may change it."))
    document.title = title.strip()
    document.description = description.strip()
    document.language = language
    document.kind = kind
    document.save(update_fields=["title", "description", "language", "kind"])
    document.tags.set(_tag_names(tags))
    return document


# --- Press moderation ---------------------------------------------------------------------


@transaction.atomic
def press_moderation_ensure(*, index: Page) -> Workflow:
    """The press-release moderation workflow, assigned to `index` (a press release index).

    Editors submit a release; a member of Moderators approves it, which publishes it.
    """
    moderators, _created = Group.objects.get_or_create(name=MODERATORS)
    task = GroupApprovalTask.objects.filter(name=PRESS_TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=PRESS_TASK_NAME)
    if not task.groups.filter(pk=moderators.pk).exists():
        task.groups.add(moderators)
    workflow, _created = Workflow.objects.get_or_create(
        name=PRESS_WORKFLOW_NAME, defaults={"active": True}
    )
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    assigned = WorkflowPage.objects.filter(page=index).first()
    if assigned is None:
        WorkflowPage.objects.create(page=index, workflow=workflow)
    elif assigned.workflow_id != workflow.pk:
        assigned.workflow = workflow
        assigned.save(update_fields=["workflow"])
    return workflow


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


def collection_restriction_restore(*, collection: Collection, keep=None) -> None:
    """Put back the restriction of a workspace's collection, whatever changed it."""
    workspace = (
        WorkspacePage.objects.filter(collection=collection, locale=_default_locale())
        .select_related("members_group")
        .first()
    )
    if workspace is None:
        return
    groups = [workspace.members_group] if workspace.members_group else []
    with transaction.atomic(), _restriction_writes():
        _collection_restriction_ensure(collection, groups=[*groups, *staff_groups()], keep=keep)


@transaction.atomic
def partner_account_sync(*, user) -> None:
    """The workspaces' members groups `user` is in: those of their partner's groups.

    Called when an account is created, moved to another partner or deleted (then the person
    leaves every workspace).
    """
    account = PartnerAccount.objects.filter(user=user).select_related("partner").first()
    wanted: set[int] = set()
    if account is not None:
        for group in partner_groups(partner=account.partner):
            workspace = group_workspace(group)
            if workspace is not None and workspace.members_group_id:
                wanted.add(workspace.members_group_id)
    members_groups = WorkspacePage.objects.exclude(members_group=None).values("members_group")
    current = set(user.groups.filter(pk__in=members_groups).values_list("pk", flat=True))
    if wanted - current:
        user.groups.add(*(wanted - current))
    if current - wanted:
        user.groups.remove(*(current - wanted))
