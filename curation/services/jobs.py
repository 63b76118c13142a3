"""Starting, running, cancelling and re-running background jobs.

``job_start(kind, arguments, user)`` is the one way to start a job, from the
admin, a command, the desk or the nightly schedule. It splits the work into
chunks (``JobChunk``) and hands each chunk to a Celery worker when
``CELERY_BROKER_URL`` is set; without a broker it runs them at once, in the
calling process, so a desk with nothing configured still works.

A chunk may run more than once: a worker killed mid-chunk leaves its message
unacknowledged and another worker takes it again. Each item is its own
transaction and every item's write is idempotent (see ``job_kinds``), so a
second run stores nothing the first one stored. Progress is recomputed from
the chunks rather than incremented, so it never counts an item twice.
"""

import logging
import time
from collections import Counter
from collections.abc import Callable

from django.conf import settings
from django.db import InterfaceError, OperationalError, transaction
from django.db.models import OuterRef, Subquery, Sum
from django.utils import timezone

from curation.models import Job, JobChunk
from curation.services import job_kinds
from curation.services.job_kinds import JobRefused

logger = logging.getLogger(__name__)

# Items per chunk: large enough that a message's overhead is small, small
# enough that two workers share even a short job and a redelivered chunk
# repeats little work.
CHUNK_SIZE = 25
# An item that meets a transient database error is tried again after these pauses.
ITEM_RETRY_DELAYS = (0.5, 1.0, 2.0)
TRANSIENT_ERRORS = (OperationalError, InterfaceError)

Progress = Callable[[int], None]


def broker_configured() -> bool:
    return bool(getattr(settings, "CELERY_BROKER_URL", ""))


def job_start(kind: str, arguments: dict | None = None, user=None, *, background: bool | None = None) -> Job:
    """Start a job of ``kind`` (a ``Job.Kind`` value) and return it.

    ``arguments`` depend on the kind (see ``curation.services.job_kinds``):
    ``{"articles": [ids]}`` or ``{"scope": "all"}`` / ``{"scope": "changed"}`` /
    ``{"scope": "new"}`` (articles without any statement yet) for suggestions
    and checks, ``{"items": [...], "source": name}`` or
    ``{"path": "batch.jsonl"}`` (plus ``"publish": True``) for an import,
    nothing for public counts. ``user`` is who started it (None for
    commands and the schedule). The job is queued for the workers when a
    broker is configured, otherwise it has already run when this returns;
    ``background=False`` forces the in-process run. Bad arguments raise
    ``JobRefused``.
    """
    if background and not broker_configured():
        raise JobRefused("Running in the background needs a broker: set CELERY_BROKER_URL.")
    job = job_create(kind, arguments, user)
    return job_dispatch(job, background=background)


def job_dispatch(job: Job, *, background: bool | None = None, on_progress: Progress | None = None) -> Job:
    """Send a job's chunks to the workers, or run them here when there is no broker or ``background`` is False."""
    if background is None:
        background = broker_configured()
    if background:
        if not broker_configured():
            raise JobRefused("Running in the background needs a broker: set CELERY_BROKER_URL.")
        chunk_ids = list(job.chunks.values_list("pk", flat=True))
        transaction.on_commit(lambda: _enqueue(chunk_ids))
        return job
    for chunk_id in job.chunks.order_by("number").values_list("pk", flat=True):
        job_chunk_run(chunk_id, on_progress=on_progress)
    job.refresh_from_db()
    return job


def job_create(kind: str, arguments: dict | None = None, user=None) -> Job:
    """Create a queued job with its chunks without running it (the commands run it with a progress bar)."""
    if kind not in Job.Kind.values:
        raise JobRefused(f"Unknown job kind {kind!r}; choose one of {', '.join(Job.Kind.values)}.")
    arguments = dict(arguments or {})
    plan = job_kinds.plan(kind, arguments)
    return _job_create(kind, job_kinds.stored_arguments(kind, arguments), user, plan)


@transaction.atomic
def _job_create(kind: str, arguments: dict, user, items: list, *, rerun_of: Job | None = None) -> Job:
    job = Job.objects.create(kind=kind, arguments=arguments, started_by=user, total=len(items), rerun_of=rerun_of)
    JobChunk.objects.bulk_create(
        JobChunk(job=job, number=number, items=items[start : start + CHUNK_SIZE])
        for number, start in enumerate(range(0, len(items), CHUNK_SIZE))
    )
    if not items:
        _job_finish(job.pk)
        job.refresh_from_db()
    return job


def _enqueue(chunk_ids: list[int]) -> None:
    from curation.tasks import run_job_chunk

    for chunk_id in chunk_ids:
        run_job_chunk.delay(chunk_id)


def job_cancel(*, job: Job) -> Job:
    """Cancel a queued or running job: chunks not yet started do nothing, running ones stop after their item."""
    changed = Job.objects.filter(pk=job.pk, state__in=[Job.State.QUEUED, Job.State.RUNNING]).update(
        state=Job.State.CANCELLED, finished_at=timezone.now()
    )
    job.refresh_from_db()
    if not changed:
        raise JobRefused(
            f"Job #{job.pk} is {job.get_state_display().lower()}; only a queued or running job can be cancelled."
        )
    return job


def job_rerun(*, job: Job, user=None, background: bool | None = None) -> Job:
    """Start a new job over the same items as a failed or cancelled one.

    Writes are idempotent, so the items the first run finished stay as they are.
    """
    if job.state not in (Job.State.FAILED, Job.State.CANCELLED):
        raise JobRefused(
            f"Job #{job.pk} is {job.get_state_display().lower()}; only a failed or cancelled job can be re-run."
        )
    items = [item for chunk in job.chunks.order_by("number") for item in chunk.items]
    new = _job_create(job.kind, job.arguments, user, items, rerun_of=job)
    return job_dispatch(new, background=background)


def job_chunk_run(chunk_id: int, *, on_progress: Progress | None = None) -> None:
    """Run one chunk, item by item, each item in its own transaction.

    Return early when the chunk is already done (a message delivered twice)
    or the job was cancelled. A transient database error that outlasts the
    item's retries is raised, so the task is retried as a whole.
    """
    chunk = JobChunk.objects.select_related("job").filter(pk=chunk_id).first()
    if chunk is None or chunk.state == JobChunk.State.DONE or chunk.job.is_finished:
        return
    job = chunk.job
    now = timezone.now()
    Job.objects.filter(pk=job.pk, state=Job.State.QUEUED).update(state=Job.State.RUNNING, started_at=now)
    JobChunk.objects.filter(pk=chunk.pk).update(
        state=JobChunk.State.RUNNING, done=0, errors=[], attempts=chunk.attempts + 1
    )
    runner = job_kinds.runner(job.kind, job.arguments)
    errors, tally = [], Counter()
    for index, item in enumerate(chunk.items, start=1):
        problem, counted = _item_run(runner, item)
        tally.update(counted)
        if problem:
            errors.append({"item": runner.label(item), "error": problem})
        JobChunk.objects.filter(pk=chunk.pk).update(done=index, errors=errors, tally=dict(tally))
        if not _job_progress_update(job.pk):
            return  # Cancelled while this chunk ran.
        if on_progress:
            on_progress(1)
    _chunk_finish(chunk.pk, job.pk)


def _item_run(runner, item) -> tuple[str, dict[str, int]]:
    """Run one item; return what went wrong ("" when it went through) and what it counted."""
    for delay in (*ITEM_RETRY_DELAYS, None):
        try:
            with transaction.atomic():
                return "", runner.run(item) or {}
        except TRANSIENT_ERRORS as error:
            if delay is None or transaction.get_connection().in_atomic_block:
                # Inside an outer transaction a retry cannot succeed; let the caller decide.
                raise
            logger.warning("Transient database error on %s, retrying in %s s: %s", runner.label(item), delay, error)
            time.sleep(delay)
        except Exception as error:  # noqa: BLE001 - one bad item must fail alone, named in the job's errors
            logger.warning("Job item %s failed: %s", runner.label(item), error, exc_info=True)
            return _describe(error), {}
    return "", {}


def _describe(error: Exception) -> str:
    text = str(error).strip().splitlines()[0] if str(error).strip() else ""
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def _job_progress_update(job_id: int) -> bool:
    """Set the job's progress from its chunks; return False when the job is no longer running."""
    chunks_done = JobChunk.objects.filter(job=OuterRef("pk")).values("job").annotate(total=Sum("done")).values("total")
    return bool(Job.objects.filter(pk=job_id, state=Job.State.RUNNING).update(done=Subquery(chunks_done)))


@transaction.atomic
def _chunk_finish(chunk_id: int, job_id: int) -> None:
    JobChunk.objects.filter(pk=chunk_id).update(state=JobChunk.State.DONE)
    _job_finish(job_id)


def _job_finish(job_id: int) -> None:
    """Close the job when its last chunk is done; the row lock makes exactly one chunk do it."""
    job = Job.objects.select_for_update().get(pk=job_id)
    chunks = list(job.chunks.order_by("number").values_list("state", "done", "errors", "tally"))
    job.errors = [error for _, _, errors, _ in chunks for error in errors]
    job.done = sum(done for _, done, _, _ in chunks)
    tally = Counter()
    for *_, counted in chunks:
        tally.update(counted)
    job.tally = dict(tally)
    fields = ["errors", "done", "tally"]
    if job.state in (Job.State.QUEUED, Job.State.RUNNING) and all(c[0] == JobChunk.State.DONE for c in chunks):
        job.state = Job.State.FAILED if job.errors else Job.State.DONE
        job.started_at = job.started_at or timezone.now()
        job.finished_at = timezone.now()
        fields += ["state", "started_at", "finished_at"]
    job.save(update_fields=fields)
