"""The "Editors" group: exactly what a content editor needs, nothing on users or groups."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Editors"
EDITOR_MODELS = {
    "articles": ["article", "tag", "contributor", "articlereference"],
    "exercises": ["category", "exercise", "exercisestep", "exercisereference"],
}


def create_editors_group(apps, schema_editor):
    # Permissions are normally created after all migrations run; make sure they exist now.
    for label in EDITOR_MODELS:
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    for label, models in EDITOR_MODELS.items():
        permissions = Permission.objects.filter(
            content_type__app_label=label, content_type__model__in=models
        )
        group.permissions.add(*permissions)


def remove_editors_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0002_contributors_review_related"),
        ("exercises", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_editors_group, remove_editors_group)]
