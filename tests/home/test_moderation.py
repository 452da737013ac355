"""The press moderation workflow: editors submit press releases, moderators publish them."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.actions.publish_page_revision import PublishPagePermissionError
from wagtail.models import WorkflowPage

from cms.home.moderation import PRESS_WORKFLOW_NAME
from tests.factories import PressReleasePageFactory, UserFactory, publish

pytestmark = pytest.mark.django_db


class TestPressModeration:
    """Editors submit press releases; a moderator's approval publishes them."""

    @pytest.fixture
    def release(self, site_tree):
        publish(site_tree.press_index)  # publishing the index assigns the workflow
        return PressReleasePageFactory(title="Bozza: visita studio a Stoccarda", live=False)

    @pytest.fixture
    def editor(self):
        return UserFactory(username="redattrice", groups=[Group.objects.get(name="Editors")])

    @pytest.fixture
    def moderator(self):
        return UserFactory(
            username="moderatrice", is_staff=True, groups=[Group.objects.get(name="Moderators")]
        )

    def test_the_index_has_the_workflow(self, site_tree, release):
        assignment = WorkflowPage.objects.get(page=site_tree.press_index)
        assert assignment.workflow.name == PRESS_WORKFLOW_NAME
        assert release.get_workflow().name == PRESS_WORKFLOW_NAME

    def test_an_editor_cannot_publish_directly(self, release, editor, client):
        assert not release.permissions_for_user(editor).can_publish()
        revision = release.save_revision(user=editor)
        with pytest.raises(PublishPagePermissionError):
            revision.publish(user=editor)
        # Nor in the admin, which offers to submit for moderation instead.
        client.force_login(editor)
        response = client.get(reverse("wagtailadmin_pages:edit", args=[release.pk]))
        assert response.status_code == 200
        html = response.content.decode()
        assert 'name="action-submit"' in html
        assert 'name="action-publish"' not in html

    def test_a_moderators_approval_publishes(self, release, editor, moderator, client):
        release.save_revision(user=editor)
        workflow_state = release.get_workflow().start(release, editor)
        task_state = workflow_state.current_task_state
        task = task_state.task.specific
        assert [name for name, *_rest in task.get_actions(release, editor)] == []
        assert "approve" in [name for name, *_rest in task.get_actions(release, moderator)]
        release.refresh_from_db()
        assert not release.live

        client.force_login(moderator)
        url = reverse(
            "wagtailadmin_pages:workflow_action", args=[release.pk, "approve", task_state.pk]
        )
        response = client.post(url, {"comment": ""})
        assert response.status_code in {200, 302}
        release.refresh_from_db()
        assert release.live
        workflow_state.refresh_from_db()
        assert workflow_state.status == workflow_state.STATUS_APPROVED
