"""WSGI entry point for gunicorn."""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")

application = get_wsgi_application()

# What loading Django created (models, URLconf, templates) lives as long as the worker: moving it
# out of the collector's generations keeps the full collections that large requests trigger short.
gc.freeze()
