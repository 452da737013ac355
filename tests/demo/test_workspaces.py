"""The demo's private side: a workspace per group, restricted collections with real private
files, partner, moderator and translator logins, and the moderation workflow."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import BaseViewRestriction, CollectionViewRestriction, Locale, WorkflowPage

from cms.groups.models import ThematicGroupPage, WorkspacePage
from cms.home.models import PressReleaseIndexPage
from cms.knowledge.models import ProjectDocument
from tests.demo_loading import DEMO_PASSWORD, demo_loaded
from tests.signin import signed_in


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo loaded once for the module, rolled back at its end."""
    with demo_loaded(django_db_blocker):
        yield


pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]


def _italian_groups():
    return ThematicGroupPage.objects.filter(locale__language_code="it")


def test_every_group_has_a_restricted_workspace_in_both_languages():
    for group in _italian_groups():
        workspace = WorkspacePage.objects.child_of(group).get()
        assert workspace.live
        english = workspace.get_translation_or_none(Locale.objects.get(language_code="en"))
        assert english is not None and english.live, group.title
        for page in (workspace, english):
            restriction = page.view_restrictions.get()
            assert restriction.restriction_type == BaseViewRestriction.GROUPS
            assert workspace.members_group in restriction.groups.all()


def test_group_documents_are_private_real_files():
    for group in _italian_groups():
        workspace = WorkspacePage.objects.child_of(group).get()
        restriction = CollectionViewRestriction.objects.get(collection=workspace.collection)
        assert set(restriction.groups.all()) >= {workspace.members_group}
        private = ProjectDocument.objects.filter(collection=workspace.collection)
        assert private.count() >= 2, group.title
        for document in private:
            assert document.file.size > 0


def test_a_partner_works_in_two_groups_and_others_exist():
    users = {user.username: user for user in get_user_model().objects.all()}
    partner = users["partner"]
    assert partner.check_password(DEMO_PASSWORD)
    members_groups = set(
        WorkspacePage.objects.filter(locale__language_code="it").values_list(
            "members_group__name", flat=True
        )
    )
    assert len(set(partner.groups.values_list("name", flat=True)) & members_groups) >= 2
    assert users["moderator"].groups.filter(name="Moderators").exists()
    assert users["translator"].groups.filter(name="Translators").exists()
    for name in ("partner-ptp", "moderator", "translator"):
        assert users[name].check_password(DEMO_PASSWORD)


def test_the_demo_partner_sees_their_workspaces_only(client):
    assert signed_in(client, username="partner", password=DEMO_PASSWORD)
    for group in _italian_groups():
        workspace = WorkspacePage.objects.child_of(group).get()
        member = workspace.members_group.user_set.filter(username="partner").exists()
        response = client.get(workspace.url)
        assert response.status_code == (200 if member else 403), group.title


def test_press_releases_are_moderated():
    index = PressReleaseIndexPage.objects.get(locale__language_code="it")
    assert WorkflowPage.objects.get(page=index).workflow.name.startswith("Moderazione")


def test_a_second_load_changes_nothing():
    counts = (WorkspacePage.objects.count(), ProjectDocument.objects.count())
    output = io.StringIO()
    call_command("load_demo", stdout=output)
    assert (WorkspacePage.objects.count(), ProjectDocument.objects.count()) == counts
    lines = [
        line for line in output.getvalue().splitlines() if "orkspace" in line or "Private" in line
    ]
    assert lines and all("created" not in line and "updated" not in line for line in lines)
