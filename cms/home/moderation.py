"""Writes for press-release moderation: the workflow in which editors submit a release and
moderators approve (and so publish) it, assigned to the Italian press release index."""

from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import GroupApprovalTask, Page, Workflow, WorkflowPage, WorkflowTask

MODERATORS = "Moderators"
# The same names as the data migration that creates them on a fresh database.
PRESS_WORKFLOW_NAME = "Moderazione dei comunicati stampa"
PRESS_TASK_NAME = "Approvazione dei moderatori"


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
