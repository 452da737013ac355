"""Signal handlers that keep access to thematic groups' workspaces in step with the content.

- Publishing a thematic group (its source-language page) creates or updates its workspace,
  members group and restricted collection; saving it renames them after the group.
- Saving or publishing a workspace in any language, or changing a workspace's view
  restriction, brings every language version's restriction in step with the source's.
- Changing the restriction of a workspace's collection puts it back.
- Creating, moving or deleting a partner account moves the person between workspaces.
"""

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import Collection, CollectionViewRestriction, Locale, PageViewRestriction
from wagtail.signals import page_published

from .models import PartnerAccount, ThematicGroupPage, WorkspacePage
from .services.membership import partner_account_sync
from .services.workspaces import (
    collection_restriction_restore,
    group_names_sync,
    restrictions_being_written,
    workspace_ensure,
    workspace_lacks_access,
    workspace_restrictions_sync,
)


def _is_source(page) -> bool:
    return page.alias_of_id is None and page.locale_id == Locale.get_default().pk


def _is_a_fresh_copy(page, revision) -> bool:
    # Wagtail publishes a copied page before it copies the subpages into it, with the page's
    # publication dates set to its revision's time; adding a workspace then would clash with
    # the copied children's tree paths. The copy's workspace gets its access afterwards (from
    # its own save, or the admin's after-copy hook when the subpages were not copied).
    return revision is not None and page.first_published_at == revision.created_at


def group_published(sender, instance, revision=None, **kwargs):
    if _is_source(instance) and not _is_a_fresh_copy(instance, revision):
        workspace_ensure(group=instance)


def group_saved(sender, instance, created, raw=False, **kwargs):
    if raw or created or not _is_source(instance):
        return
    group_names_sync(group=instance)


def workspace_saved(sender, instance, raw=False, **kwargs):
    if raw or instance.alias_of_id:
        return
    parent = instance.get_parent().specific
    if (
        _is_source(instance)
        and isinstance(parent, ThematicGroupPage)
        and workspace_lacks_access(instance)
    ):
        # A workspace added in the admin, or copied with its group: give it its own members
        # group and collection.
        workspace_ensure(group=parent)
    else:
        workspace_restrictions_sync(workspace=instance)


def _workspace_of_restriction(restriction) -> WorkspacePage | None:
    return WorkspacePage.objects.filter(pk=restriction.page_id).first()


def page_restriction_changed(sender, instance, raw=False, **kwargs):
    if raw or restrictions_being_written():
        return
    workspace = _workspace_of_restriction(instance)
    if workspace is not None:
        # The restriction being saved is adjusted, never deleted under its caller's feet.
        workspace_restrictions_sync(workspace=workspace, keep=instance)


def page_restriction_deleted(sender, instance, **kwargs):
    if restrictions_being_written():
        return
    page_id = instance.page_id

    # After the commit: the restriction may be going because its page is being deleted.
    def restore():
        workspace = WorkspacePage.objects.filter(pk=page_id).first()
        if workspace is not None:
            workspace_restrictions_sync(workspace=workspace)

    transaction.on_commit(restore)


def page_restriction_groups_changed(sender, instance, action, reverse, **kwargs):
    if reverse or action not in {"post_add", "post_remove", "post_clear"}:
        return
    page_restriction_changed(sender, instance)


def collection_restriction_saved(sender, instance, raw=False, **kwargs):
    if raw or restrictions_being_written():
        return
    collection_restriction_restore(collection=instance.collection, keep=instance)


def collection_restriction_deleted(sender, instance, **kwargs):
    if restrictions_being_written():
        return
    collection_id = instance.collection_id

    # After the commit: the restriction may be going because its collection is being deleted.
    def restore():
        collection = Collection.objects.filter(pk=collection_id).first()
        if collection is not None:
            collection_restriction_restore(collection=collection)

    transaction.on_commit(restore)


def collection_restriction_groups_changed(sender, instance, action, reverse, **kwargs):
    if reverse or action not in {"post_remove", "post_clear"}:
        return
    collection_restriction_saved(sender, instance)


def partner_account_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    partner_account_sync(user=instance.user)


def connect() -> None:
    """Wire the handlers (called once, from the app config)."""
    page_published.connect(group_published, sender=ThematicGroupPage)
    post_save.connect(group_saved, sender=ThematicGroupPage)
    post_save.connect(workspace_saved, sender=WorkspacePage)
    page_published.connect(workspace_saved, sender=WorkspacePage)
    post_save.connect(page_restriction_changed, sender=PageViewRestriction)
    post_delete.connect(page_restriction_deleted, sender=PageViewRestriction)
    m2m_changed.connect(page_restriction_groups_changed, sender=PageViewRestriction.groups.through)
    post_save.connect(collection_restriction_saved, sender=CollectionViewRestriction)
    post_delete.connect(collection_restriction_deleted, sender=CollectionViewRestriction)
    m2m_changed.connect(
        collection_restriction_groups_changed, sender=CollectionViewRestriction.groups.through
    )
    post_save.connect(partner_account_changed, sender=PartnerAccount)
    post_delete.connect(partner_account_changed, sender=PartnerAccount)
