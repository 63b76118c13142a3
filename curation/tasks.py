"""Celery tasks: thin wrappers that run a job's chunk, or start the nightly checks.

The work itself lives in ``curation.services.jobs``; these only say how a
worker takes it: acknowledged after the chunk ran (``acks_late``), handed
back to the queue when the worker dies under it (``reject_on_worker_lost``),
and retried with growing pauses when the database is briefly unreachable.
"""

from celery import shared_task
from django.db import InterfaceError, OperationalError

from curation.models import Job
from curation.services.jobs import job_chunk_run, job_start


@shared_task(
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(OperationalError, InterfaceError),
    retry_backoff=2,
    retry_backoff_max=120,
    retry_jitter=True,
    max_retries=10,
)
def run_job_chunk(chunk_id: int) -> None:
    job_chunk_run(chunk_id)


@shared_task(acks_late=True)
def check_changed_articles() -> int:
    """Run the attribution checks over the articles changed since the last such run; return the job's id."""
    return job_start(Job.Kind.CHECK_ATTRIBUTIONS, {"scope": "changed"}).pk
