"""The "Clinical reviewers" group: what the Editors can do, plus signing content off (naming
an article's clinical reviewer and the date it was reviewed)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Clinical reviewers"
EDITORS = "Editors"


def create_clinical_reviewers_group(apps, schema_editor):
    # Permissions are normally created after all migrations run; make sure they exist now.
    for label in ("articles", "exercises"):
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    group.permissions.add(*editors.permissions.all())
    group.permissions.add(
        Permission.objects.get(content_type__app_label="articles", codename="sign_off_article")
    )


def remove_clinical_reviewers_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0008_contributor_account_sign_off"),
        # Every grant to the Editors so far (exercises 0003: routines).
        ("exercises", "0006_suitability_rules"),
    ]

    operations = [
        migrations.RunPython(create_clinical_reviewers_group, remove_clinical_reviewers_group)
    ]
