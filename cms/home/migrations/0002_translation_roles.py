"""The Editors and Translators groups and their admin-wide permissions.

Page permissions depend on the page tree (Editors on the Italian home, Translators on the
English one) and are given by `cms.core.services.translation_roles_ensure` once both homes
exist; this migration only prepares the groups.
"""

from django.db import migrations

TRANSLATORS = "Translators"
EDITORS = "Editors"


def _permission(apps, app_label, codename):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    translators, _ = Group.objects.get_or_create(name=TRANSLATORS)
    for app_label, codename in (
        ("wagtailadmin", "access_admin"),
        ("wagtail_localize", "submit_translation"),
    ):
        permission = _permission(apps, app_label, codename)
        if permission is not None:
            translators.permissions.add(permission)

    # Translators may pick an English image or document for a media field, nothing more.
    root = Collection.objects.filter(depth=1).first()
    if root is not None:
        for app_label, codename in (
            ("wagtailimages", "choose_image"),
            ("wagtaildocs", "choose_document"),
        ):
            permission = _permission(apps, app_label, codename)
            if permission is not None:
                GroupCollectionPermission.objects.get_or_create(
                    group=translators, collection=root, permission=permission
                )

    # Translating is the translators' job: an editor writes the Italian page and submits it.
    editors = Group.objects.filter(name=EDITORS).first()
    submit = _permission(apps, "wagtail_localize", "submit_translation")
    if editors is not None and submit is not None:
        editors.permissions.remove(submit)


def remove_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name=TRANSLATORS).delete()
    editors = Group.objects.filter(name=EDITORS).first()
    submit = _permission(apps, "wagtail_localize", "submit_translation")
    if editors is not None and submit is not None:
        editors.permissions.add(submit)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
