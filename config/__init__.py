# Load the Celery app with Django, so that tasks sent from the web processes
# and commands use its settings.
from config.celery import app as celery_app

__all__ = ("celery_app",)
