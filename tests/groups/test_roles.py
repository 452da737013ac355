"""Roles and the records that keep workspaces private: the auth groups, a group's rename, the
English workspace's restriction, and tampering with them."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import (
    BaseViewRestriction,
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
)

from cms.groups.models import ThematicGroupPage, WorkspacePage
from cms.groups.services.workspaces import workspace_ensure
from tests.factories import (
    SuperUserFactory,
    ThematicGroupIndexPageFactory,
    ThematicGroupPageFactory,
    locale,
    publish,
)
from tests.workspace_content import PRIVATE_TITLE

pytestmark = pytest.mark.django_db


def _restriction_groups(page) -> set[str]:
    restrictions = list(PageViewRestriction.objects.filter(page=page))
    assert len(restrictions) == 1, restrictions
    assert restrictions[0].restriction_type == BaseViewRestriction.GROUPS
    return set(restrictions[0].groups.values_list("name", flat=True))


def test_the_roles_exist():
    # Made by the data migrations (Wagtail's for Editors and Moderators).
    names = set(Group.objects.values_list("name", flat=True))
    assert {"Editors", "Moderators", "Translators"} <= names
    editors = Group.objects.get(name="Editors")
    assert editors.permissions.filter(codename="add_partneraccount").exists()


class TestWorkspaceRecords:
    """Publishing a thematic group gives it a workspace, a members group and a collection."""

    def test_one_of_each_per_group(self, groups):
        workspace = groups.agri_workspace
        assert workspace.get_parent().pk == groups.agri.pk
        assert workspace.live
        assert workspace.members_group.name == "Membri – Agroalimentare"
        assert workspace.collection.name == "Gruppo Agroalimentare"
        assert _restriction_groups(workspace) == {
            "Membri – Agroalimentare",
            "Editors",
            "Moderators",
        }
        restriction = CollectionViewRestriction.objects.get(collection=workspace.collection)
        assert restriction.restriction_type == BaseViewRestriction.GROUPS
        assert set(restriction.groups.values_list("name", flat=True)) == {
            "Membri – Agroalimentare",
            "Editors",
            "Moderators",
        }
        # Publishing again changes nothing.
        publish(groups.agri)
        assert WorkspacePage.objects.child_of(groups.agri).count() == 1
        assert workspace_ensure(group=groups.agri).pk == workspace.pk

    def test_partners_accounts_follow_the_memberships(self, groups, people):
        members = groups.agri_workspace.members_group
        assert set(members.user_set.all()) == {people.member}
        assert set(groups.energy_workspace.members_group.user_set.all()) == {people.outsider}

    def test_rename_keeps_the_auth_group_and_collection_in_step(self, groups, people):
        workspace = groups.agri_workspace
        group = groups.agri
        group.title = "Agroalimentare e bioeconomia"
        publish(group)
        workspace.refresh_from_db()
        members = Group.objects.get(pk=workspace.members_group_id)
        assert members.name == "Membri – Agroalimentare e bioeconomia"
        assert workspace.collection.name == "Gruppo Agroalimentare e bioeconomia"
        # Same records, same people, same restriction.
        assert set(members.user_set.all()) == {people.member}
        assert "Membri – Agroalimentare e bioeconomia" in _restriction_groups(workspace)
        assert not Group.objects.filter(name="Membri – Agroalimentare").exists()

    def test_a_name_taken_by_another_group_gets_a_number(self, site_tree, groups):
        # A second "Agroalimentare" (say, under another site) cannot share the first's members.
        other_index = ThematicGroupIndexPageFactory(slug="altri-gruppi")
        twin = publish(
            ThematicGroupPageFactory(title="Agroalimentare", slug="agro", parent=other_index)
        )
        workspace = WorkspacePage.objects.child_of(twin).get()
        assert workspace.members_group.name == "Membri – Agroalimentare (2)"
        assert workspace.members_group != groups.agri_workspace.members_group
        assert workspace.collection != groups.agri_workspace.collection
        publish(twin)
        workspace.refresh_from_db()
        assert workspace.members_group.name == "Membri – Agroalimentare (2)"

    def test_a_copied_group_gets_its_own_access(self, groups, people):
        original = groups.agri_workspace
        copy = groups.agri.copy(
            recursive=True,
            keep_live=True,
            update_attrs={"title": "Agroalimentare 2013", "slug": "agroalimentare-2013"},
        )
        copied = WorkspacePage.objects.child_of(copy).get()
        assert copied.members_group != original.members_group
        assert copied.collection != original.collection
        original.refresh_from_db()
        assert original.members_group.name == "Membri – Agroalimentare"
        assert original.collection.name == "Gruppo Agroalimentare"
        assert _restriction_groups(original) == {
            "Membri – Agroalimentare",
            "Editors",
            "Moderators",
        }
        assert "Membri – Agroalimentare" not in _restriction_groups(copied)
        assert Page.find_problems() == ([], [], [], [], [])

    def test_a_group_copied_without_subpages_gets_a_workspace_in_the_admin(self, groups, client):
        client.force_login(SuperUserFactory())
        response = client.post(
            reverse("wagtailadmin_pages:copy", args=[groups.agri.pk]),
            {
                "new_title": "Agroalimentare 2014",
                "new_slug": "agroalimentare-2014",
                "new_parent_page": groups.agri.get_parent().pk,
                "copy_subpages": "",
                "publish_copies": "on",
            },
        )
        assert response.status_code == 302
        copy = ThematicGroupPage.objects.get(slug="agroalimentare-2014")
        workspace = WorkspacePage.objects.child_of(copy).get()
        assert workspace.live
        assert workspace.members_group.name == "Membri – Agroalimentare 2014"
        assert Page.find_problems() == ([], [], [], [], [])

    def test_leaving_the_group_closes_the_workspace(self, groups, people, client_for):
        groups.agri.memberships.all().delete()
        publish(groups.agri)
        assert not groups.agri_workspace.members_group.user_set.exists()
        assert client_for("member").get(groups.agri_workspace.url).status_code == 403

    def test_a_members_group_left_behind_is_taken_back(self, groups, people):
        members = groups.agri_workspace.members_group
        groups.agri_workspace.delete()
        groups.agri.refresh_from_db()
        publish(groups.agri)
        workspace = WorkspacePage.objects.child_of(groups.agri).get()
        assert workspace.members_group == members
        assert set(workspace.members_group.user_set.all()) == {people.member}

    def test_the_workspace_cannot_be_made_public(
        self, groups, people, client_for, django_capture_on_commit_callbacks
    ):
        workspace = groups.agri_workspace
        restriction = PageViewRestriction.objects.get(page=workspace)
        # An administrator turns it into "any signed-in user", then removes it.
        restriction.restriction_type = BaseViewRestriction.LOGIN
        restriction.save()
        assert client_for("outsider").get(workspace.url).status_code == 403
        with django_capture_on_commit_callbacks(execute=True):
            PageViewRestriction.objects.filter(page=workspace).delete()
        assert "Membri – Agroalimentare" in _restriction_groups(workspace)
        assert client_for("outsider").get(workspace.url).status_code == 403

    def test_the_collection_cannot_be_made_public(
        self, groups, documents, client_for, django_capture_on_commit_callbacks
    ):
        collection = groups.agri_workspace.collection
        with django_capture_on_commit_callbacks(execute=True):
            CollectionViewRestriction.objects.filter(collection=collection).delete()
        assert client_for("outsider").get(documents.private.url).status_code == 404
        restriction = CollectionViewRestriction.objects.get(collection=collection)
        restriction.groups.clear()
        assert "Membri – Agroalimentare" in set(restriction.groups.values_list("name", flat=True))


class TestEnglishWorkspace:
    """The English workspace admits exactly whom the Italian one admits, whichever changes."""

    @pytest.fixture
    def english(self, groups):
        english_locale = locale("en")
        groups.agri.copy_for_translation(english_locale, copy_parents=True)
        for copy in Page.objects.filter(locale=english_locale, live=False, alias_of=None):
            publish(copy.specific)
        workspace_en = groups.agri_workspace.copy_for_translation(english_locale)
        workspace_en.title = "Workspace – Agri-food"
        workspace_en.slug = "workspace"
        publish(workspace_en)
        return workspace_en

    def test_it_carries_the_same_restriction(self, groups, english):
        assert _restriction_groups(english) == _restriction_groups(groups.agri_workspace)

    @pytest.mark.parametrize(
        ("who", "status"), [("anonymous", 302), ("outsider", 403), ("member", 200)]
    )
    def test_it_is_served_like_the_italian_one(self, client_for, documents, english, who, status):
        response = client_for(who).get(english.url)
        assert response.status_code == status
        if who == "anonymous":
            # To the English sign-in page, and back to the English workspace.
            assert response["Location"] == f"/en/account/login/?next={english.url}"
        assert (PRIVATE_TITLE in response.content.decode()) == (who == "member")

    def test_it_follows_the_italian_restriction(self, groups, english):
        restriction = PageViewRestriction.objects.get(page=groups.agri_workspace)
        coordinators = Group.objects.create(name="Coordinatori")
        restriction.groups.add(coordinators)
        assert "Coordinatori" in _restriction_groups(english)
        restriction.groups.remove(coordinators)
        assert "Coordinatori" not in _restriction_groups(english)

    def test_it_cannot_be_widened_on_its_own(
        self, groups, english, django_capture_on_commit_callbacks
    ):
        restriction = PageViewRestriction.objects.get(page=english)
        restriction.groups.add(Group.objects.get(name="Translators"))
        assert "Translators" not in _restriction_groups(english)
        with django_capture_on_commit_callbacks(execute=True):
            restriction.delete()
        assert _restriction_groups(english) == _restriction_groups(groups.agri_workspace)

    def test_republishing_the_italian_workspace_keeps_it(self, groups, english):
        publish(groups.agri_workspace)
        publish(english)
        assert _restriction_groups(english) == _restriction_groups(groups.agri_workspace)
