"""The Celery application: ``celery -A config worker`` runs the desk's background jobs.

Settings come from Django's, those named ``CELERY_*`` (config/settings.py).
Without ``CELERY_BROKER_URL`` nothing is sent to a broker: jobs run in the
process that starts them (``curation.services.jobs``).
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("config")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
