"""Tags: the topics statements are filed under, with aliases and a parent."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from curation.extraction.names import normalise_name
from curation.models.actors import KeepsPublicStatementCount


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
        """Refuse a parent that is this topic or below it, and a former slug of another topic.

        A cycle would hide the topics in it from the tree; a former slug still
        leads to the topic it was merged into.
        """
        if self._state.adding and self.slug:
            kept = TagSlugRedirect.objects.select_related("tag").filter(old_slug=self.slug).first()
            if kept is not None:
                raise ValidationError(
                    {
                        "slug": f"“{self.slug}” is a former address of {kept.tag.name} and still leads there; "
                        "choose another."
                    }
                )
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

    def clean(self):
        """Refuse an address another topic has now: it would lead to two topics."""
        if self.old_slug and Tag.objects.filter(slug=self.old_slug).exclude(pk=self.tag_id).exists():
            raise ValidationError({"old_slug": f"“{self.old_slug}” is another topic's address; choose another."})
