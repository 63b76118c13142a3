"""Writes that touch several models or must leave a record.

Admin actions, views and management commands call these; nothing else
changes a statement's speaker or creates an article.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify

from curation.importing import ParsedArticle
from curation.models import (
    Actor,
    Article,
    AttributionCorrection,
    Statement,
    Tag,
)

ANCHOR_CONTEXT_LENGTH = 32


class ArticleAlreadyImported(Exception):
    """The source or its exact text is already in the desk."""

    def __init__(self, message: str, article: Article):
        super().__init__(message)
        self.article = article


class StatementChangedElsewhere(Exception):
    """Someone saved the statement after the editor opened it."""


def unique_slug(model, text: str, *, max_length: int = 80, field: str = "slug") -> str:
    """Return a slug from ``text`` that no row of ``model`` uses yet."""
    base = slugify(text)[:max_length].strip("-") or model._meta.model_name
    candidate, number = base, 2
    while model.objects.filter(**{field: candidate}).exists():
        candidate = f"{base[: max_length - 6]}-{number}"
        number += 1
    return candidate


@transaction.atomic
def article_import(
    *,
    parsed: ParsedArticle,
    import_key: str,
    status: str = Article.Status.DRAFT,
    slug: str | None = None,
    title: str | None = None,
) -> Article:
    """Create an article from parsed text, refusing a source or text already in the desk."""
    existing = Article.objects.filter(import_key=import_key).first()
    if existing:
        raise ArticleAlreadyImported(f"already imported as “{existing.slug}”", existing)
    existing = Article.objects.filter(content_hash=parsed.content_hash).first()
    if existing:
        raise ArticleAlreadyImported(
            f"the same text is already imported as “{existing.slug}” (from {existing.import_key})",
            existing,
        )
    final_title = (title or parsed.title or import_key).strip()
    article = Article(
        title=final_title,
        slug=slug or unique_slug(Article, final_title),
        outlet=parsed.outlet,
        url=parsed.url,
        published_on=parsed.published_on,
        body=parsed.body,
        import_key=import_key,
        content_hash=parsed.content_hash,
        status=status,
    )
    article.full_clean()
    try:
        with transaction.atomic():
            article.save()
    except IntegrityError:
        # Another import of the same source won the race; report it as such.
        existing = Article.objects.filter(import_key=import_key).first() or Article.objects.filter(
            content_hash=parsed.content_hash
        ).first()
        if existing is None:
            raise
        raise ArticleAlreadyImported(f"already imported as “{existing.slug}”", existing) from None
    return article


def anchor_context(body: str, start: int, end: int) -> tuple[str, str]:
    """Return the prefix and suffix that re-find a span if offsets drift."""
    return body[max(0, start - ANCHOR_CONTEXT_LENGTH) : start], body[end : end + ANCHOR_CONTEXT_LENGTH]


@transaction.atomic
def statement_create(
    *,
    article: Article,
    kind: str,
    start: int,
    end: int,
    speaker_as_printed: str = "",
    speaker: Actor | None = None,
    tags: list[Tag] | tuple = (),
    review_status: str = Statement.ReviewStatus.SUGGESTED,
    published: bool = False,
    origin: str = Statement.Origin.CURATED,
    confidence: float | None = None,
    text: str | None = None,
) -> Statement:
    """Create a statement anchored at ``body[start:end]``.

    When ``text`` is given it must be exactly what the offsets cut out of the
    body, so a curation file with drifting offsets fails loudly.
    """
    if not 0 <= start < end <= len(article.body):
        raise ValidationError(
            f"Span {start}–{end} is outside the article “{article.slug}” ({len(article.body)} characters)."
        )
    anchored_text = article.body[start:end]
    if text is not None and text != anchored_text:
        raise ValidationError(
            f"Offsets {start}–{end} of “{article.slug}” cut out {anchored_text!r}, not {text!r}."
        )
    prefix, suffix = anchor_context(article.body, start, end)
    statement = Statement.objects.create(
        article=article,
        kind=kind,
        text=anchored_text,
        start=start,
        end=end,
        prefix=prefix,
        suffix=suffix,
        speaker_as_printed=speaker_as_printed,
        speaker=speaker,
        review_status=review_status,
        published=published,
        origin=origin,
        confidence=confidence,
    )
    if tags:
        statement.tags.set(tags)
    return statement


@transaction.atomic
def statement_reattribute(
    *,
    statement: Statement,
    to_actor: Actor | None,
    by,
    reason: str,
    public: bool = True,
    expected_version: int | None = None,
) -> AttributionCorrection:
    """Change who a statement is attributed to and record why, in one transaction.

    ``expected_version`` is the version the editor saw; if someone saved the
    statement since, nothing changes and ``StatementChangedElsewhere`` is raised.
    """
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "Give a reason for changing who said this; readers will see it."})
    locked = Statement.objects.select_for_update().get(pk=statement.pk)
    if expected_version is not None and locked.version != expected_version:
        raise StatementChangedElsewhere(
            "Someone else changed this statement after you opened it. "
            "Reload it to see their change, then reattribute it again if still needed."
        )
    if locked.speaker_id == (to_actor.pk if to_actor else None):
        who = to_actor.name if to_actor else "no one"
        raise ValidationError({"speaker": f"This statement is already attributed to {who}."})
    correction = AttributionCorrection.objects.create(
        statement=locked,
        from_actor=locked.speaker,
        to_actor=to_actor,
        speaker_as_printed=locked.speaker_as_printed,
        reason=reason,
        editor=by,
        corrected_at=timezone.now(),
        is_public=public,
    )
    locked.speaker = to_actor
    locked.version += 1
    # The history library keeps at most 100 characters of a reason; the
    # correction row keeps all of it.
    locked._change_reason = f"Reattributed: {reason}"[:100]
    locked.save(update_fields=["speaker", "version", "updated_at"])
    statement.refresh_from_db()
    return correction


@transaction.atomic
def article_reanchor(*, article: Article) -> dict[str, int]:
    """Re-find every statement of an article in its current body.

    A statement whose text is still at its offsets stays; one that moved is
    found again by its text and context; one that can no longer be found is
    marked orphaned and reported, never deleted.
    """
    counts = {"found": 0, "moved": 0, "orphaned": 0}
    for statement in article.statements.select_for_update():
        position = _refind(article.body, statement)
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


def _refind(body: str, statement: Statement) -> int | None:
    if body[statement.start : statement.end] == statement.text:
        return statement.start
    candidates = []
    position = body.find(statement.text)
    while position != -1:
        candidates.append(position)
        position = body.find(statement.text, position + 1)
    if len(candidates) <= 1:
        return candidates[0] if candidates else None
    # Several copies of the text: the one whose surroundings match best wins.
    def context_score(candidate: int) -> int:
        prefix, suffix = anchor_context(body, candidate, candidate + len(statement.text))
        return _common_suffix(prefix, statement.prefix) + _common_prefix(suffix, statement.suffix)

    return max(candidates, key=lambda candidate: (context_score(candidate), -abs(candidate - statement.start)))


def _common_prefix(left: str, right: str) -> int:
    count = 0
    for a, b in zip(left, right):
        if a != b:
            break
        count += 1
    return count


def _common_suffix(left: str, right: str) -> int:
    return _common_prefix(left[::-1], right[::-1])
