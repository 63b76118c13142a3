"""The editorial record: articles, actors, statements, tags and corrections.

Anything readers or API clients may see is selected through the ``public()``
querysets defined here, so pages and API share one definition of "public".
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from curation.extraction.names import normalise_name


class ArticleQuerySet(models.QuerySet):
    def public(self):
        return self.filter(status=Article.Status.PUBLISHED)


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    title = models.CharField(max_length=500)
    slug = models.SlugField(max_length=200, unique=True)
    outlet = models.CharField(max_length=200, blank=True)
    url = models.URLField(max_length=1000, blank=True)
    published_on = models.DateField(
        null=True,
        blank=True,
        help_text="The publication date the article gives; left empty when it gives none.",
    )
    body = models.TextField(help_text="The text exactly as imported; statement offsets point into it.")
    import_key = models.CharField(
        max_length=300,
        unique=True,
        help_text="Where the text came from (a file name or URL); the same source never makes two articles.",
    )
    content_hash = models.CharField(max_length=64, unique=True, help_text="SHA-256 of the body.")
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.DRAFT)
    imported_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ArticleQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-published_on", "-id"]
        indexes = [
            models.Index(fields=["status", "-published_on", "-id"], name="article_status_date"),
            models.Index(fields=["outlet"], name="article_outlet"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("curation:article-detail", kwargs={"slug": self.slug})


class KeepsPublicStatementCount:
    """For models with a ``public_statement_count`` that only curation.services.counts writes."""

    def save(self, *args, **kwargs):
        # A form holding an older copy of this row must not write its stale
        # count back: an update saves every field but the count.
        if self.pk is not None and not self._state.adding and kwargs.get("update_fields") is None:
            kwargs["update_fields"] = [
                field.attname
                for field in self._meta.concrete_fields
                if not field.primary_key and field.attname != "public_statement_count"
            ]
        super().save(*args, **kwargs)


class ActorQuerySet(models.QuerySet):
    def public(self):
        """Actors with at least one public statement; drafts never reveal a name.

        Read from the kept count rather than searched for: on an archive of
        millions of statements the search costs half a second per list. An
        actor merged into another has no statements left, so it is never
        public itself; its address leads to the survivor.
        """
        return self.filter(public_statement_count__gt=0)

    def current(self):
        """Actors not merged into another: the ones editors attribute statements to."""
        return self.filter(merged_into__isnull=True)


class Actor(KeepsPublicStatementCount, models.Model):
    class Kind(models.TextChoices):
        PERSON = "person", "Person"
        ORGANISATION = "organisation", "Organisation"

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.PERSON)
    description = models.TextField(blank=True)
    # Don't set this by hand: curation.services.counts keeps it equal to the number of
    # public statements attributed to the actor.
    public_statement_count = models.PositiveIntegerField(default=0, editable=False)
    # Set by curation.services.merges: the actor stays, so that corrections
    # naming it keep their words, and its address leads to the survivor.
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="merged_actors", editable=False
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ActorQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name", "id"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("curation:actor-detail", kwargs={"slug": self.slug})

    def survivor(self) -> "Actor":
        """Return the actor this one was merged into, following merges of merges; itself if never merged."""
        actor, seen = self, {self.pk}
        while actor.merged_into_id is not None and actor.merged_into_id not in seen:
            seen.add(actor.merged_into_id)
            actor = actor.merged_into
        return actor

    def roles_on(self, day):
        """Return the roles the actor held on ``day`` (all roles when ``day`` is None)."""
        roles = list(self.roles.all())
        if day is None:
            return roles
        return [role for role in roles if role.held_on(day)]


class ActorAlias(models.Model):
    """A name the actor is printed under: "Jaafari", "al-Jaafari", "Da'esh"."""

    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200)
    normalised = models.CharField(max_length=200, db_index=True, editable=False)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "actor aliases"
        constraints = [
            models.UniqueConstraint(fields=["actor", "normalised"], name="actor_alias_unique"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        # A derived lookup key, kept in step with the name it is derived from.
        self.normalised = normalise_name(self.name)
        super().save(*args, **kwargs)


class ActorRole(models.Model):
    """A dated position: "Foreign Minister" of "Iraq" from 2014-09-08 to 2018-10-25."""

    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="roles")
    title = models.CharField(max_length=200)
    organisation = models.CharField(max_length=200, blank=True)
    start = models.DateField(null=True, blank=True, help_text="Empty when not known.")
    end = models.DateField(null=True, blank=True, help_text="Empty while the role is held.")

    class Meta:
        ordering = ["start", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(start__isnull=True) | Q(end__isnull=True) | Q(end__gte=F("start")),
                name="actor_role_ends_after_start",
            ),
        ]

    def __str__(self):
        where = f", {self.organisation}" if self.organisation else ""
        return f"{self.title}{where}"

    def held_on(self, day) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


class ActorSlugRedirect(models.Model):
    """An old slug, kept after a merge or rename so links keep working."""

    old_slug = models.SlugField(max_length=200, unique=True)
    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="slug_redirects")

    def __str__(self):
        return f"{self.old_slug} → {self.actor.slug}"


class TagQuerySet(models.QuerySet):
    def public(self):
        # The topic list is editorial vocabulary, not content: all of it is public.
        return self.all()


class Tag(KeepsPublicStatementCount, models.Model):
    name = models.CharField(max_length=100)
    slug = models.SlugField(max_length=100, unique=True)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="children")
    description = models.TextField(blank=True)
    # Don't set this by hand: curation.services.counts keeps it equal to the number of
    # public statements tagged with this tag itself (not its children).
    public_statement_count = models.PositiveIntegerField(default=0, editable=False)

    objects = TagQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name", "id"]
        constraints = [
            models.CheckConstraint(condition=~Q(parent=F("id")), name="tag_not_own_parent"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("curation:tag-detail", kwargs={"slug": self.slug})

    def clean(self):
        """Refuse a parent that is this topic or below it: a cycle would hide the topics in it from the tree."""
        chain, parent = [self.name], self.parent
        seen = set()
        while parent is not None and parent.pk not in seen:
            chain.append(parent.name)
            if self.pk is not None and parent.pk == self.pk:
                raise ValidationError(
                    {"parent": f"“{self.parent.name}” is below “{self.name}” ({' → '.join(chain)}); choose another."}
                )
            seen.add(parent.pk)
            parent = parent.parent


class TagAlias(models.Model):
    tag = models.ForeignKey(Tag, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=100)
    normalised = models.CharField(max_length=100, db_index=True, editable=False)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "tag aliases"
        constraints = [
            models.UniqueConstraint(fields=["tag", "normalised"], name="tag_alias_unique"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.normalised = normalise_name(self.name)
        super().save(*args, **kwargs)


class TagSlugRedirect(models.Model):
    old_slug = models.SlugField(max_length=100, unique=True)
    tag = models.ForeignKey(Tag, on_delete=models.CASCADE, related_name="slug_redirects")

    def __str__(self):
        return f"{self.old_slug} → {self.tag.slug}"


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
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    objects = StatementQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[tags])

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
