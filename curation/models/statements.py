"""Statements: what an actor said, anchored in an article's text, and what readers were shown of it."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from curation.models.actors import Actor
from curation.models.articles import Article
from curation.models.tags import Tag


class StatementQuerySet(models.QuerySet):
    def public(self):
        return self.filter(
            review_status=Statement.ReviewStatus.CONFIRMED,
            published=True,
            article__status=Article.Status.PUBLISHED,
        )


class Statement(models.Model):
    """Something an actor said, anchored in an article's text.

    The anchor follows the W3C Web Annotation model: ``start``/``end`` are the
    text position, ``text`` with ``prefix`` and ``suffix`` the quote selector
    that re-finds it if the body is ever edited.
    """

    class Kind(models.TextChoices):
        DIRECT = "direct", "Direct quote"
        INDIRECT = "indirect", "Indirect quote"
        CLAIM = "claim", "Claim"

    class ReviewStatus(models.TextChoices):
        SUGGESTED = "suggested", "Suggested"
        CONFIRMED = "confirmed", "Confirmed"
        REJECTED = "rejected", "Rejected"

    class Origin(models.TextChoices):
        CURATED = "curated", "Curated by an editor"
        EXTRACTED = "extracted", "Suggested by the extractor"

    class Anchor(models.TextChoices):
        FOUND = "found", "Found in the text"
        ORPHANED = "orphaned", "No longer found in the text"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="statements")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    text = models.TextField()
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    prefix = models.CharField(max_length=64, blank=True)
    suffix = models.CharField(max_length=64, blank=True)
    anchor = models.CharField(max_length=10, choices=Anchor.choices, default=Anchor.FOUND)
    speaker_as_printed = models.CharField(
        max_length=200, blank=True, help_text="The speaker exactly as the article prints it."
    )
    speaker = models.ForeignKey(
        Actor,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="statements",
        limit_choices_to={"merged_into__isnull": True},
        help_text="The actor who really said it. Change it only through a reattribution with a reason.",
    )
    review_status = models.CharField(max_length=10, choices=ReviewStatus.choices, default=ReviewStatus.SUGGESTED)
    published = models.BooleanField(default=False)
    tags = models.ManyToManyField(Tag, blank=True, related_name="statements")
    origin = models.CharField(max_length=10, choices=Origin.choices, default=Origin.CURATED)
    confidence = models.FloatField(null=True, blank=True, help_text="The extractor's confidence, 0–1.")
    # Don't set these by hand: curation.services.corrections keeps them. They
    # say what readers were last shown, so a change of speaker they already
    # saw is told to them as a correction, and one they never saw is not.
    first_shown_at = models.DateTimeField(
        null=True, blank=True, editable=False, help_text="When readers first saw it; empty while never public."
    )
    shown_speaker = models.ForeignKey(
        Actor, null=True, blank=True, on_delete=models.PROTECT, related_name="+", editable=False
    )
    # A change of speaker made while the statement was hidden from readers,
    # told to them as a correction when they see the statement again.
    pending_reason = models.TextField(blank=True, editable=False)
    pending_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+", editable=False
    )
    # Don't set this by hand: services bump it on every save, and a save that
    # carries an older number is refused instead of overwriting someone's work.
    version = models.PositiveIntegerField(default=1)
    # Don't set this by hand: curation.services.search_index keeps it, and the
    # databases index it (PostgreSQL's tsvector, SQLite's FTS5 table).
    search_document = models.TextField(blank=True, default="", editable=False)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    objects = StatementQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[tags], excluded_fields=["search_document"])

    class Meta:
        ordering = ["article", "start", "id"]
        indexes = [
            models.Index(fields=["article", "start"], name="statement_article_start"),
            models.Index(fields=["speaker", "-id"], name="statement_speaker"),
            models.Index(fields=["review_status", "published"], name="statement_review"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(start__lt=F("end")), name="statement_start_before_end"),
            models.UniqueConstraint(fields=["article", "start", "end"], name="statement_unique_span"),
        ]

    def __str__(self):
        shortened = self.text if len(self.text) <= 80 else self.text[:79] + "…"
        return f"“{shortened}”"

    def get_absolute_url(self):
        return reverse("curation:statement-detail", kwargs={"pk": self.pk})

    @property
    def was_shown(self) -> bool:
        """Whether readers have ever been shown this statement."""
        return self.first_shown_at is not None

    def is_public_now(self) -> bool:
        """Whether readers are shown it now: the same rule as ``Statement.objects.public()``."""
        return (
            self.review_status == self.ReviewStatus.CONFIRMED
            and self.published
            and self.article.status == Article.Status.PUBLISHED
        )


class SuggestedStatement(Statement):
    """The review queue: the extractor's suggestions awaiting an editor."""

    class Meta:
        proxy = True
        verbose_name = "suggested statement"
