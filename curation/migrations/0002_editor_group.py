"""Create the "Editor" group with exactly the permissions the desk needs.

Permissions are normally created after all migrations have run; they are
created here first so the group is complete on a fresh database too.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from curation.permissions import EDITOR_GROUP_NAME, editor_group


def create_editor_group(apps, schema_editor):
    app_config = apps.get_app_config("curation")
    # The migration state's app config has no models module, which makes
    # create_permissions skip the app; it only checks that one is set.
    models_module = getattr(app_config, "models_module", None)
    app_config.models_module = models_module or True
    try:
        create_permissions(app_config, apps=apps, verbosity=0, using=schema_editor.connection.alias)
    finally:
        app_config.models_module = models_module
    editor_group(permission_model=apps.get_model("auth", "Permission"), group_model=apps.get_model("auth", "Group"))


def remove_editor_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=EDITOR_GROUP_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("curation", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_editor_group, remove_editor_group)]
