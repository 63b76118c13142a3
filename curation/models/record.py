"""The editorial record: corrections and their withdrawals, merges, flags and review decisions.

Append-only: the admin shows these read-only, and services write them.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from curation.models.actors import Actor
from curation.models.statements import Statement
from curation.models.tags import Tag


class CorrectionQuerySet(models.QuerySet):
    def public(self):
        # Asked per correction (an index probe each): an IN over every public
        # statement, or a join, makes the database read all of them.
        return self.filter(
            models.Exists(Statement.objects.public().filter(pk=models.OuterRef("statement_id"))),
            is_public=True,
        )


class AttributionCorrection(models.Model):
    """An append-only record of one change of who readers are told said a statement.

    Don't create these directly: ``curation.services.corrections`` writes one
    whenever readers are shown another speaker than the one they were shown
    before, in the transaction that shows it. ``is_public`` is False only on
    rows recorded before every correction became public.
    """

    statement = models.ForeignKey(Statement, on_delete=models.PROTECT, related_name="corrections")
    from_actor = models.ForeignKey(
        Actor, null=True, blank=True, on_delete=models.PROTECT, related_name="corrections_from"
    )
    to_actor = models.ForeignKey(Actor, null=True, blank=True, on_delete=models.PROTECT, related_name="corrections_to")
    speaker_as_printed = models.CharField(max_length=200, blank=True)
    reason = models.TextField()
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="attribution_corrections"
    )
    corrected_at = models.DateTimeField(default=timezone.now, db_index=True)
    is_public = models.BooleanField(default=True, help_text="Shown to readers as a correction notice.")

    objects = CorrectionQuerySet.as_manager()

    class Meta:
        ordering = ["-corrected_at", "-id"]
        indexes = [models.Index(fields=["statement", "corrected_at"], name="correction_statement")]
        constraints = [
            models.CheckConstraint(condition=~Q(from_actor=F("to_actor")), name="correction_changes_speaker"),
            models.CheckConstraint(condition=~Q(reason=""), name="correction_has_reason"),
        ]

    def __str__(self):
        before = self.from_actor.name if self.from_actor else "no one"
        after = self.to_actor.name if self.to_actor else "no one"
        return f"{before} → {after}"


class CorrectionWithdrawal(models.Model):
    """A correction that was itself a mistake, withdrawn in the open: who, when and why.

    The correction stays as written; the withdrawal is told beside it, and
    the statement's speaker returns to the one the correction replaced.
    """

    correction = models.OneToOneField(AttributionCorrection, on_delete=models.PROTECT, related_name="withdrawal")
    reason = models.TextField()
    editor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    withdrawn_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-withdrawn_at", "-id"]
        constraints = [models.CheckConstraint(condition=~Q(reason=""), name="withdrawal_has_reason")]

    def __str__(self):
        return f"Withdrawal of {self.correction}"


class Merge(models.Model):
    """An append-only record of two actors or two topics found to be one."""

    class Kind(models.TextChoices):
        ACTOR = "actor", "Actor"
        TAG = "tag", "Topic"

    kind = models.CharField(max_length=10, choices=Kind.choices)
    merged_name = models.CharField(max_length=200)
    merged_slug = models.SlugField(max_length=200)
    survivor_actor = models.ForeignKey(Actor, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    survivor_tag = models.ForeignKey(Tag, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    statements_moved = models.PositiveIntegerField(default=0)
    editor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    merged_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-merged_at", "-id"]

    def __str__(self):
        survivor = self.survivor_actor or self.survivor_tag
        return f"{self.merged_name} merged into {survivor}"


class AttributionFlag(models.Model):
    """Why an attribution deserves a second look, from the attribution checks."""

    class Code(models.TextChoices):
        SPEAKER_NOT_INTRODUCED = "speaker_not_introduced", "Speaker never introduced"
        ROLE_MISMATCH = "role_mismatch", "Title contradicts the actor's roles"
        CONFLICTING_ATTRIBUTION = "conflicting_attribution", "Same quote, different speakers"
        UNATTRIBUTED = "unattributed", "Quote without a speaker"

    class Severity(models.TextChoices):
        WARNING = "warning", "Warning"
        NOTE = "note", "Note"

    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="flags")
    code = models.CharField(max_length=32, choices=Code.choices)
    severity = models.CharField(max_length=10, choices=Severity.choices, default=Severity.WARNING)
    message = models.TextField()
    suggested_speaker = models.ForeignKey(Actor, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    resolution = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["statement", "code"]
        indexes = [models.Index(fields=["resolved_at", "statement"], name="flag_open")]

    def __str__(self):
        return f"{self.get_code_display()}: {self.message}"

    @property
    def is_open(self) -> bool:
        return self.resolved_at is None


class ReviewDecision(models.Model):
    """An editor's decision on a suggestion, kept to measure the extractor by."""

    class Decision(models.TextChoices):
        CONFIRMED = "confirmed", "Confirmed as suggested"
        EDITED = "edited", "Confirmed with edits"
        REJECTED = "rejected", "Rejected"

    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="decisions")
    decision = models.CharField(max_length=10, choices=Decision.choices)
    suggestion = models.JSONField(help_text="The statement as the extractor suggested it.")
    outcome = models.JSONField(help_text="The statement as the editor left it.")
    editor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-decided_at", "-id"]

    def __str__(self):
        return f"{self.get_decision_display()} by {self.editor} on {self.decided_at:%Y-%m-%d}"
