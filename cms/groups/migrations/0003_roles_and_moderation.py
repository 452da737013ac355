"""The roles and the press-release moderation workflow.

- Editors (from Wagtail's initial data) write Italian pages and submit them for moderation;
  with Moderators they may invite partners (the partner-account permissions).
- Moderators (from Wagtail's initial data) approve and publish.
- Translators (from `home.0002_translation_roles`) publish the English pages.
- One members group per thematic group is made by `cms.groups.services.workspaces.workspace_ensure`
  when the group is published.

The workflow (one Moderators approval task) is assigned to the Italian press release index by
`cms.home.moderation.press_moderation_ensure` once that page exists.
"""

from django.db import migrations

EDITORS, MODERATORS, TRANSLATORS = "Editors", "Moderators", "Translators"
WORKFLOW_NAME = "Moderazione dei comunicati stampa"
TASK_NAME = "Approvazione dei moderatori"
ACCOUNT_ACTIONS = ("add", "change", "delete", "view")


def _account_permissions(apps):
    # Django creates permissions after all migrations have run; a fresh database needs them now.
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="groups", model="partneraccount")
    return [
        Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"{action}_partneraccount",
            defaults={"name": f"Can {action} partner account"},
        )[0]
        for action in ACCOUNT_ACTIONS
    ]


def create_roles(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")

    groups = {name: Group.objects.get_or_create(name=name)[0] for name in (EDITORS, MODERATORS, TRANSLATORS)}
    permissions = _account_permissions(apps)
    for name in (EDITORS, MODERATORS):
        groups[name].permissions.add(*permissions)

    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        content_type, _ = ContentType.objects.get_or_create(
            app_label="wagtailcore", model="groupapprovaltask"
        )
        task = GroupApprovalTask.objects.create(name=TASK_NAME, content_type=content_type, active=True)
    task.groups.set([groups[MODERATORS]])
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})


def remove_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    Workflow.objects.filter(name=WORKFLOW_NAME).delete()
    Task.objects.filter(name=TASK_NAME).delete()
    permissions = _account_permissions(apps)
    for group in Group.objects.filter(name__in=(EDITORS, MODERATORS)):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("groups", "0002_workspace_partner_account"),
        ("home", "0002_translation_roles"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
