"""Editors also manage routines (the group itself is created in articles 0003)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODELS = ["routine", "routineitem"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("exercises")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Editors")
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="exercises", content_type__model__in=MODELS
        )
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name="Editors"):
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="exercises", content_type__model__in=MODELS
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("exercises", "0002_routines_and_pictures"),
        ("articles", "0003_editors_group"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
