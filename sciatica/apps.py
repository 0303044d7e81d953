from django.apps import AppConfig


class SiteConfig(AppConfig):
    """The project package doubles as an app for site-wide templates tags and views."""

    name = "sciatica"
    verbose_name = "Site"

    def ready(self):
        from sciatica import checks  # noqa: F401  (registers the checks)
