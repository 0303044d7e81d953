from django.conf import settings
from django.urls import reverse


def site(request):
    """Names and colours every template (and the web app manifest) needs."""
    return {
        "SITE_NAME": settings.PWA_APP_NAME,
        "SITE_SHORT_NAME": settings.PWA_APP_SHORT_NAME,
        "SITE_DESCRIPTION": settings.PWA_APP_DESCRIPTION,
        "canonical_url": request.build_absolute_uri(request.path),
        # The "When to get help" page, wherever a template links to it.
        "help_url": reverse("articles:detail", kwargs={"slug": settings.HELP_ARTICLE_SLUG}),
    }
