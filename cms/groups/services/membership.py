"""Writes for who is in a workspace: the partner accounts in each group's members group.

A partner account's person belongs to the members group of every thematic group their partner
is a member of; these keep that true when a group's memberships change, when someone is let in
and when an account is created, moved to another partner or deleted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ..models import PartnerAccount, ThematicGroupPage, WorkspacePage
from ..selectors.partners import partner_groups
from ..selectors.workspaces import group_workspace, source_group

if TYPE_CHECKING:
    # The model AUTH_USER_MODEL names, as django-stubs resolves `get_user_model()`.
    from django.contrib.auth.models import User as AuthUser

User = get_user_model()


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
def membership_add(*, partner_user: AuthUser, group: ThematicGroupPage) -> None:
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


@transaction.atomic
def partner_account_sync(*, user: AuthUser) -> None:
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
