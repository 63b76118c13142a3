"""Actors: people and organisations, the names articles print for them, their dated roles."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from curation.extraction.names import normalise_name


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

    def clean(self):
        """Refuse a former slug: it still leads to the actor it was kept for."""
        if self._state.adding and self.slug:
            kept = ActorSlugRedirect.objects.select_related("actor").filter(old_slug=self.slug).first()
            if kept is not None:
                raise ValidationError(
                    {
                        "slug": f"“{self.slug}” is a former address of {kept.actor.name} and still leads there; "
                        "choose another."
                    }
                )

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

    def clean(self):
        """Refuse an address another actor has now: it would lead to two actors."""
        if self.old_slug and Actor.objects.filter(slug=self.old_slug).exclude(pk=self.actor_id).exists():
            raise ValidationError({"old_slug": f"“{self.old_slug}” is another actor's address; choose another."})
