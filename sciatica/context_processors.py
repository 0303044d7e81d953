from django.conf import settings


def site(request):
    """Names and colours every template (and the web app manifest) needs."""
    return {
        "SITE_NAME": settings.PWA_APP_NAME,
        "SITE_SHORT_NAME": settings.PWA_APP_SHORT_NAME,
        "SITE_DESCRIPTION": settings.PWA_APP_DESCRIPTION,
        "canonical_url": request.build_absolute_uri(request.path),
    }
