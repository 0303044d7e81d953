"""WSGI entry point for gunicorn: `gunicorn sciatica.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sciatica.settings")

application = get_wsgi_application()
