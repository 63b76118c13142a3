"""Background jobs: long work split into chunks that workers take in parallel.

A ``Job`` is what an editor sees (kind, progress, errors by item); its
``JobChunk`` rows are the units a worker takes. A chunk that runs twice (a
worker killed mid-chunk, a message delivered again) starts over, and every
item's write is idempotent, so nothing is stored twice. Write through
``curation.services.jobs`` only.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse


class Job(models.Model):
    class Kind(models.TextChoices):
        IMPORT_ARTICLES = "import_articles", "Import articles"
        SUGGEST_STATEMENTS = "suggest_statements", "Suggest statements"
        CHECK_ATTRIBUTIONS = "check_attributions", "Run attribution checks"
        REFRESH_PUBLIC_COUNTS = "refresh_public_counts", "Refresh public counts"

    class State(models.TextChoices):
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Running"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"
        CANCELLED = "cancelled", "Cancelled"

    FINISHED_STATES = (State.DONE, State.FAILED, State.CANCELLED)

    kind = models.CharField(max_length=40, choices=Kind.choices)
    arguments = models.JSONField(default=dict, blank=True, help_text="What the job was asked to do.")
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    state = models.CharField(max_length=12, choices=State.choices, default=State.QUEUED)
    done = models.PositiveIntegerField(default=0, help_text="Items finished, failed ones included.")
    total = models.PositiveIntegerField(default=0)
    errors = models.JSONField(
        default=list, blank=True, help_text='The items that failed: [{"item": ..., "error": ...}].'
    )
    tally = models.JSONField(
        default=dict, blank=True, help_text='What the job did, counted: {"stored": 120, "skipped": 4}.'
    )
    rerun_of = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="reruns")
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["kind", "state", "-created_at"], name="job_kind_state_created")]

    def __str__(self):
        return f"{self.get_kind_display()} #{self.pk}"

    def get_absolute_url(self):
        return reverse("admin:curation_job_change", args=[self.pk])

    @property
    def is_finished(self) -> bool:
        return self.state in self.FINISHED_STATES

    @property
    def percent(self) -> int:
        return 100 if not self.total else min(100, round(100 * self.done / self.total))


class JobChunk(models.Model):
    """A slice of a job's items; one task message runs one chunk."""

    class State(models.TextChoices):
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Running"
        DONE = "done", "Done"

    job = models.ForeignKey(Job, on_delete=models.CASCADE, related_name="chunks")
    number = models.PositiveIntegerField()
    items = models.JSONField(default=list)
    state = models.CharField(max_length=12, choices=State.choices, default=State.QUEUED)
    done = models.PositiveIntegerField(default=0)
    errors = models.JSONField(default=list, blank=True)
    tally = models.JSONField(default=dict, blank=True)
    attempts = models.PositiveIntegerField(default=0, help_text="How many times a worker started this chunk.")

    class Meta:
        ordering = ["job", "number"]
        constraints = [models.UniqueConstraint(fields=["job", "number"], name="job_chunk_unique_number")]

    def __str__(self):
        return f"{self.job} chunk {self.number}"
