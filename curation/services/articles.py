"""Articles: importing one, saving an editor's edit, and finding its statements again."""

import hashlib

from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils.text import slugify

from curation.anchoring import anchor_context, refind
from curation.importing.boilerplate import non_story_ranges
from curation.importing.parsing import ParsedArticle, content_hash
from curation.models import Article, Statement
from curation.services.checks import articles_recheck
from curation.services.corrections import statements_show
from curation.services.counts import public_counts_refresh
from curation.services.versions import statements_lock


class ArticleAlreadyImported(Exception):
    """The source or its exact text is already in the desk."""

    def __init__(self, message: str, article: Article):
        super().__init__(message)
        self.article = article


# Two imports choosing a slug at once: the loser takes the next free one,
# this many times before the import is refused in words.
SLUG_ATTEMPTS = 5


class SlugUnavailable(ValidationError):
    """No free slug could be taken for the title; the message says so."""


def unique_slug(model, text: str, *, max_length: int = 80, field: str = "slug") -> str:
    """Return a slug from ``text`` that no row of ``model`` uses, nor keeps as a former slug.

    A former slug (kept after a merge) still leads to the object it was
    merged into, so it is never given to a new one.
    """
    base = slugify(text)[:max_length].strip("-") or model._meta.model_name
    stem = base[: max_length - 6].rstrip("-") or base
    taken = set(model.objects.filter(**{f"{field}__startswith": stem}).values_list(field, flat=True))
    redirects = getattr(model, "slug_redirects", None)
    if redirects is not None:
        former = redirects.rel.related_model.objects.filter(old_slug__startswith=stem)
        taken.update(former.values_list("old_slug", flat=True))
    candidate, number = base, 2
    while candidate in taken:
        candidate = f"{stem}-{number}"
        number += 1
    return candidate


def _lock_slug_choice(model, text: str) -> None:
    """Let one transaction at a time choose a slug from this title, until it commits (PostgreSQL).

    Without it two imports of one title choose the same free slug, and the
    loser chooses again in step with the winner's next import, and again.
    SQLite lets one writer in at a time anyway.
    """
    if connection.vendor != "postgresql":
        return
    base = slugify(text)[:80]
    digest = hashlib.sha256(f"{model._meta.label}:{base}".encode()).digest()
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [int.from_bytes(digest[:8], "big", signed=True)])


def _already_imported(*, import_key: str, body_hash: str) -> ArticleAlreadyImported | None:
    existing = Article.objects.filter(import_key=import_key).first()
    if existing:
        return ArticleAlreadyImported(f"already imported as “{existing.slug}”", existing)
    existing = Article.objects.filter(content_hash=body_hash).first()
    if existing:
        return ArticleAlreadyImported(
            f"the same text is already imported as “{existing.slug}” (from {existing.import_key})", existing
        )
    return None


@transaction.atomic
def article_import(
    *,
    parsed: ParsedArticle,
    import_key: str,
    status: str = Article.Status.DRAFT,
    slug: str | None = None,
    title: str | None = None,
) -> Article:
    """Create an article from parsed text, refusing a source or text already in the desk.

    A little over 40 lines: the retry of a slug taken meanwhile belongs with
    the insert it retries.
    """
    duplicate = _already_imported(import_key=import_key, body_hash=parsed.content_hash)
    if duplicate:
        raise duplicate
    final_title = (title or parsed.title or import_key).strip()
    if not slug:
        _lock_slug_choice(Article, final_title)
    article = Article(
        title=final_title,
        slug=slug or unique_slug(Article, final_title),
        outlet=parsed.outlet,
        url=parsed.url,
        published_on=parsed.published_on,
        body=parsed.body,
        non_story=[list(pair) for pair in non_story_ranges(parsed.body, final_title)],
        import_key=import_key,
        content_hash=parsed.content_hash,
        status=status,
    )
    # Uniqueness is the database's to enforce: a slug free now may be taken
    # by another import before the insert, and is then chosen again below.
    article.full_clean(validate_unique=False)
    for _attempt in range(SLUG_ATTEMPTS):
        try:
            with transaction.atomic():
                article.save()
            return article
        except IntegrityError:
            # Another import of the same source won the race; report it as such.
            duplicate = _already_imported(import_key=import_key, body_hash=parsed.content_hash)
            if duplicate is not None:
                raise duplicate from None
            if not Article.objects.filter(slug=article.slug).exists():
                raise
            if slug is not None:
                raise ValidationError({"slug": f"Another article already has the address “{slug}”."}) from None
            # Another import took this slug after it was chosen: choose again.
            article.slug = unique_slug(Article, final_title)
    raise SlugUnavailable({"slug": f"No free address could be found for “{final_title}”; try again."})


@transaction.atomic
def article_update(*, article: Article, by, changed_fields: list[str]) -> dict[str, int] | None:
    """Save an edited article; a changed body re-anchors its statements.

    Return the re-anchoring counts when the body changed, else None.
    """
    body_changed = "body" in changed_fields
    if body_changed:
        article.content_hash = content_hash(article.body)
        # The old ranges point into the old text; the new one is read afresh.
        article.non_story = [list(pair) for pair in non_story_ranges(article.body, article.title)]
    article._history_user = by
    article.save()
    counts = article_reanchor(article=article) if body_changed else None
    if "status" in changed_fields:
        statements = statements_lock(article.statements.all())
        statements_show(statements)
        public_counts_refresh(statements=statements)
    if body_changed:
        articles_recheck([article])
    return counts


@transaction.atomic
def article_set_non_story(*, article: Article, ranges, by) -> list[list[int]]:
    """Set which ranges of the body readers are not shown; overlapping or touching ranges are joined.

    Only what is shown changes: the body and every statement's place stay.
    """
    cleaned = []
    for start, end in sorted((int(start), int(end)) for start, end in ranges):
        if not 0 <= start < end <= len(article.body):
            raise ValidationError(
                f"Characters {start}–{end} are not a part of the text, which has {len(article.body)} characters."
            )
        if cleaned and start <= cleaned[-1][1]:
            cleaned[-1][1] = max(cleaned[-1][1], end)
        else:
            cleaned.append([start, end])
    article.non_story = cleaned
    article._history_user = by
    article._change_reason = "Changed what readers are not shown"
    article.save(update_fields=["non_story", "updated_at"])
    return cleaned


@transaction.atomic
def article_reanchor(*, article: Article) -> dict[str, int]:
    """Re-find every statement of an article in its current body.

    A statement whose text is still at its offsets stays; one that moved is
    found again by its text and context; one that can no longer be found is
    marked orphaned and reported, never deleted.
    """
    counts = {"found": 0, "moved": 0, "orphaned": 0}
    for statement in article.statements.select_for_update():
        position = refind(
            article.body, text=statement.text, start=statement.start, prefix=statement.prefix, suffix=statement.suffix
        )
        if position is None:
            statement.anchor = Statement.Anchor.ORPHANED
            counts["orphaned"] += 1
        else:
            counts["moved" if position != statement.start else "found"] += 1
            statement.start, statement.end = position, position + len(statement.text)
            statement.prefix, statement.suffix = anchor_context(article.body, statement.start, statement.end)
            statement.anchor = Statement.Anchor.FOUND
        statement.save(update_fields=["start", "end", "prefix", "suffix", "anchor", "updated_at"])
    return counts


@transaction.atomic
def articles_delete(*, articles) -> int:
    """Delete articles with their statements, keeping the public counts true; return how many.

    Only an administrator can delete: editors unpublish. A statement with a
    correction is protected, so an article whose record readers rely on
    cannot go.
    """
    ids = [article.pk for article in articles]
    statements = Statement.objects.filter(article_id__in=ids)
    speakers = set(statements.exclude(speaker=None).values_list("speaker_id", flat=True))
    tags = set(Statement.tags.through.objects.filter(statement__in=statements).values_list("tag_id", flat=True))
    deleted = 0
    for article in Article.objects.filter(pk__in=ids):
        article.delete()
        deleted += 1
    public_counts_refresh(actor_ids=speakers, tag_ids=tags)
    return deleted
