"""Articles: the text exactly as imported, and whether readers see it."""

from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords


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
    # [start, end] pairs of the body: feed headers, a repeated headline,
    # credits and links that readers' pages leave out and the desk dims.
    non_story = models.JSONField(
        default=list,
        blank=True,
        help_text="Ranges of the text that are not the story (headers, credits); readers do not see them.",
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
