"""What the job-running commands share: ``--background``, and the foreground run with a progress bar."""

import sys

from django.core.management.base import CommandError
from tqdm import tqdm

from curation.models import Job
from curation.services.jobs import JobRefused, broker_configured, job_create, job_dispatch


def add_job_arguments(parser, *, progress: bool = True) -> None:
    parser.add_argument(
        "--background",
        action="store_true",
        help="Queue the work for the Celery workers (needs CELERY_BROKER_URL) and print the job's id.",
    )
    if progress:
        parser.add_argument("--no-progress", action="store_true", help="Show no progress bar.")


def job_run(command, kind: str, arguments: dict, *, background: bool, no_progress: bool) -> Job:
    """Start the job; in the foreground run it here with a progress bar on standard error.

    With ``--background`` print the job's id and return the queued job.
    """
    if background and not broker_configured():
        raise CommandError("--background needs a broker: set CELERY_BROKER_URL (see docs/DEPLOYMENT.md).")
    try:
        job = job_create(kind, arguments)
        if background:
            job = job_dispatch(job, background=True)
            command.stdout.write(str(job.pk))
            command.stderr.write(f"Job {job.pk} queued: {job.total} item(s); follow it in the admin under Jobs.")
            return job
        # The bar goes to standard error, so the summary on standard output stays parseable.
        show = not no_progress and sys.stderr.isatty()
        with tqdm(total=job.total, unit=" items", disable=not show, file=sys.stderr) as bar:
            job = job_dispatch(job, background=False, on_progress=bar.update)
    except JobRefused as refusal:
        raise CommandError(str(refusal)) from None
    for error in job.errors:
        command.stderr.write(f"{error['item']}: {error['error']}")
    return job


def fail_on_errors(job: Job) -> None:
    if job.errors:
        raise CommandError(f"{len(job.errors)} item(s) failed; see the errors above (job {job.pk}).")
