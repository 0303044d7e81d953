from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class SiteConfig(AppConfig):
    """The project package doubles as an app for site-wide templates tags and views."""

    name = "sciatica"
    verbose_name = "Site"

    def ready(self):
        from sciatica import checks  # noqa: F401  (registers the checks)


class SiteAdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin, with the editors' site (sciatica.admin_site) as `admin.site`."""

    default = False  # named in INSTALLED_APPS; SiteConfig stays this module's default
    default_site = "sciatica.admin_site.SiteAdmin"
