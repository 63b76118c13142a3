"""Writes that touch several models or must leave a record.

Admin actions, views and management commands call these; nothing else
changes a statement's speaker or creates an article.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from simple_history.utils import bulk_update_with_history

from curation.counts import public_counts_refresh
from curation.extraction.names import normalise_name
from curation.importing import ParsedArticle, content_hash
from curation.models import (
    Actor,
    ActorAlias,
    ActorSlugRedirect,
    Article,
    AttributionCorrection,
    AttributionFlag,
    ReviewDecision,
    Statement,
    Tag,
    TagAlias,
    TagSlugRedirect,
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
        existing = (
            Article.objects.filter(import_key=import_key).first()
            or Article.objects.filter(content_hash=parsed.content_hash).first()
        )
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
        raise ValidationError(f"Offsets {start}–{end} of “{article.slug}” cut out {anchored_text!r}, not {text!r}.")
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
    if review_status == Statement.ReviewStatus.CONFIRMED and published:
        public_counts_refresh(statements=[statement])
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
    previous_speaker = correction.from_actor_id
    locked.save(update_fields=["speaker", "version", "updated_at"])
    public_counts_refresh(statements=[locked], actor_ids=[previous_speaker])
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
    for a, b in zip(left, right, strict=False):
        if a != b:
            break
        count += 1
    return count


def _common_suffix(left: str, right: str) -> int:
    return _common_prefix(left[::-1], right[::-1])


# The editor desk: changes an editor makes in the admin, one service each, so
# the admin's forms and actions never write to several models themselves.

STATEMENT_EDITABLE_FIELDS = ("kind", "speaker_as_printed", "review_status", "published")
# What a suggestion consists of: an editor who changes any of these has
# corrected the extractor, which is what its evaluation needs to know.
SUGGESTION_FIELDS = ("kind", "text", "start", "end", "speaker_as_printed", "speaker", "tags")


def statement_snapshot(statement: Statement) -> dict:
    """Return the statement's content as plain JSON, for review decisions."""
    return {
        "kind": statement.kind,
        "text": statement.text,
        "start": statement.start,
        "end": statement.end,
        "speaker_as_printed": statement.speaker_as_printed,
        "speaker": statement.speaker.slug if statement.speaker else None,
        "tags": sorted(statement.tags.values_list("slug", flat=True)),
        "review_status": statement.review_status,
        "published": statement.published,
        "confidence": statement.confidence,
    }


def _lock_statement(statement: Statement, expected_version: int | None) -> Statement:
    locked = Statement.objects.select_for_update().get(pk=statement.pk)
    if expected_version is not None and locked.version != expected_version:
        raise StatementChangedElsewhere(
            "Someone else changed this statement after you opened it. Nothing of yours was saved; "
            "reload it to see their change, then make yours again if it is still needed."
        )
    return locked


def _save_statement(statement: Statement, *, by, fields: list[str], why: str = "", bump: bool = True) -> None:
    # Every save moves the version on, so a form opened before it is refused
    # instead of silently writing over this change. A reattribution in the
    # same save has moved it on already.
    if bump:
        statement.version += 1
    statement._history_user = by
    if why:
        statement._change_reason = why[:100]
    statement.save(update_fields=[*fields, "version", "updated_at"])
    public_counts_refresh(statements=[statement])


def _record_review(statement: Statement, suggestion: dict, by) -> ReviewDecision:
    outcome = statement_snapshot(statement)
    if statement.review_status == Statement.ReviewStatus.REJECTED:
        decision = ReviewDecision.Decision.REJECTED
    elif any(suggestion[field] != outcome[field] for field in SUGGESTION_FIELDS):
        decision = ReviewDecision.Decision.EDITED
    else:
        decision = ReviewDecision.Decision.CONFIRMED
    return ReviewDecision.objects.create(
        statement=statement, decision=decision, suggestion=suggestion, outcome=outcome, editor=by
    )


@transaction.atomic
def statement_update(
    *,
    statement: Statement,
    by,
    changes: dict,
    expected_version: int,
    reason: str = "",
    public: bool = True,
) -> AttributionCorrection | None:
    """Save an editor's changes to a statement in one transaction.

    ``changes`` maps field names to new values: any of
    ``STATEMENT_EDITABLE_FIELDS``, ``speaker`` (an Actor or None) and ``tags``.
    A new speaker goes through ``statement_reattribute`` and so needs a
    ``reason``; a suggestion confirmed or rejected here is recorded as a
    review decision. Return the correction, if the speaker changed.
    """
    unknown = set(changes) - {*STATEMENT_EDITABLE_FIELDS, "speaker", "tags"}
    if unknown:
        raise ValueError(f"Statements cannot be edited this way: {', '.join(sorted(unknown))}.")
    locked = _lock_statement(statement, expected_version)
    suggestion = statement_snapshot(locked) if locked.review_status == Statement.ReviewStatus.SUGGESTED else None
    correction = None
    new_speaker = changes.get("speaker", locked.speaker)
    if (new_speaker.pk if new_speaker else None) != locked.speaker_id:
        correction = statement_reattribute(
            statement=locked,
            to_actor=new_speaker,
            by=by,
            reason=reason,
            public=public,
            expected_version=expected_version,
        )
    fields = [name for name in STATEMENT_EDITABLE_FIELDS if name in changes and getattr(locked, name) != changes[name]]
    for name in fields:
        setattr(locked, name, changes[name])
    tags_changed = "tags" in changes and {tag.pk for tag in changes["tags"]} != set(
        locked.tags.values_list("pk", flat=True)
    )
    if tags_changed:
        removed_tags = set(locked.tags.values_list("pk", flat=True))
        locked.tags.set(changes["tags"])
        public_counts_refresh(statements=[locked], tag_ids=removed_tags)
    if correction is None or fields:
        # Even a save that changes nothing moves the version on: whoever
        # opened the statement before it must look again before saving.
        _save_statement(locked, by=by, fields=fields, bump=correction is None)
    if suggestion and locked.review_status != Statement.ReviewStatus.SUGGESTED:
        _record_review(locked, suggestion, by)
    statement.refresh_from_db()
    return correction


@transaction.atomic
def statement_review(
    *, statement: Statement, decision: str, by, changes: dict | None = None, expected_version: int | None = None
) -> ReviewDecision:
    """Confirm, confirm with edits, or reject a suggested statement, and keep the decision.

    The decision records the suggestion and what the editor made of it, which
    is how the extractor's precision is measured. A suggestion was never
    public, so a changed speaker here is part of the review, not a correction.
    """
    locked = _lock_statement(statement, expected_version)
    if locked.review_status != Statement.ReviewStatus.SUGGESTED:
        raise ValidationError(f"This statement was already {locked.get_review_status_display().lower()}.")
    suggestion = statement_snapshot(locked)
    changes = dict(changes or {})
    if decision == ReviewDecision.Decision.REJECTED:
        changes = {"review_status": Statement.ReviewStatus.REJECTED, "published": False}
    elif decision in (ReviewDecision.Decision.CONFIRMED, ReviewDecision.Decision.EDITED):
        changes["review_status"] = Statement.ReviewStatus.CONFIRMED
    else:
        raise ValueError(f"Unknown review decision {decision!r}.")
    fields = _apply_review_changes(locked, changes)
    _save_statement(locked, by=by, fields=fields, why=f"Review: {locked.get_review_status_display()}")
    statement.refresh_from_db()
    return _record_review(locked, suggestion, by)


def _apply_review_changes(statement: Statement, changes: dict) -> list[str]:
    allowed = {"kind", "speaker_as_printed", "speaker", "tags", "review_status", "published"}
    unknown = set(changes) - allowed
    if unknown:
        raise ValueError(f"A review cannot change: {', '.join(sorted(unknown))}.")
    if "tags" in changes:
        statement.tags.set(changes.pop("tags"))
    for name, value in changes.items():
        setattr(statement, name, value)
    return list(changes)


def _locked_statements(statements):
    return list(Statement.objects.select_for_update().filter(pk__in=[statement.pk for statement in statements]))


@transaction.atomic
def statements_set_review_status(*, statements, status: str, by) -> int:
    """Confirm or reject statements in bulk; suggestions among them are recorded as review decisions.

    Return how many changed.
    """
    changed = 0
    for statement in _locked_statements(statements):
        if statement.review_status == status:
            continue
        if statement.review_status == Statement.ReviewStatus.SUGGESTED:
            decision = (
                ReviewDecision.Decision.REJECTED
                if status == Statement.ReviewStatus.REJECTED
                else (ReviewDecision.Decision.CONFIRMED)
            )
            statement_review(statement=statement, decision=decision, by=by)
        else:
            statement.review_status = status
            fields = ["review_status"]
            if status == Statement.ReviewStatus.REJECTED and statement.published:
                # A rejected statement is withdrawn, never left published.
                statement.published = False
                fields.append("published")
            _save_statement(statement, by=by, fields=fields)
        changed += 1
    return changed


@dataclass
class BulkResult:
    changed: int = 0
    skipped: int = 0


@transaction.atomic
def statements_set_published(*, statements, published: bool, by) -> BulkResult:
    """Publish or unpublish statements; only confirmed statements can be published."""
    result = BulkResult()
    for statement in _locked_statements(statements):
        if statement.published == published:
            continue
        if published and statement.review_status != Statement.ReviewStatus.CONFIRMED:
            result.skipped += 1
            continue
        statement.published = published
        _save_statement(statement, by=by, fields=["published"])
        result.changed += 1
    return result


@transaction.atomic
def statements_add_tags(*, statements, tags, by) -> int:
    """Add ``tags`` to each statement; return how many statements gained a tag."""
    changed = 0
    wanted = {tag.pk for tag in tags}
    for statement in _locked_statements(statements):
        missing = wanted - set(statement.tags.values_list("pk", flat=True))
        if missing:
            statement.tags.add(*missing)
            # Saving recounts the statement's tags, the added ones among them.
            _save_statement(statement, by=by, fields=[])
            changed += 1
    return changed


@transaction.atomic
def statements_remove_tags(*, statements, tags, by) -> int:
    """Remove ``tags`` from each statement; return how many statements lost a tag."""
    changed = 0
    unwanted = {tag.pk for tag in tags}
    for statement in _locked_statements(statements):
        present = unwanted & set(statement.tags.values_list("pk", flat=True))
        if present:
            statement.tags.remove(*present)
            _save_statement(statement, by=by, fields=[])
            public_counts_refresh(tag_ids=present)
            changed += 1
    return changed


@transaction.atomic
def statements_reattribute(*, statements, to_actor: Actor | None, by, reason: str, public: bool = True) -> BulkResult:
    """Reattribute several statements with one reason; those already attributed to ``to_actor`` are skipped."""
    result = BulkResult()
    target = to_actor.pk if to_actor else None
    for statement in _locked_statements(statements):
        if statement.speaker_id == target:
            result.skipped += 1
            continue
        statement_reattribute(statement=statement, to_actor=to_actor, by=by, reason=reason, public=public)
        result.changed += 1
    return result


@transaction.atomic
def flag_apply_suggestion(*, flag: AttributionFlag, by) -> AttributionCorrection | None:
    """Attribute the flagged statement to the flag's suggested speaker and resolve the flag.

    The correction's reason names the check that raised the flag, so readers
    and editors see why the speaker changed.
    """
    flag = AttributionFlag.objects.select_for_update(of=("self",)).select_related("suggested_speaker").get(pk=flag.pk)
    if not flag.is_open:
        raise ValidationError("This flag was already resolved.")
    if flag.suggested_speaker is None:
        raise ValidationError("This flag suggests no speaker; change the speaker in the statement instead.")
    correction = None
    if flag.statement.speaker_id != flag.suggested_speaker_id:
        correction = statement_reattribute(
            statement=flag.statement,
            to_actor=flag.suggested_speaker,
            by=by,
            reason=f"Attribution check “{flag.get_code_display()}”: {flag.message}",
        )
    _flag_resolve(flag, by=by, resolution=f"Attributed to {flag.suggested_speaker.name}, as suggested")
    return correction


@transaction.atomic
def flag_dismiss(*, flag: AttributionFlag, by, resolution: str = "Checked: the attribution stands") -> None:
    """Resolve a flag without changing the statement, keeping who decided and why."""
    flag = AttributionFlag.objects.select_for_update().get(pk=flag.pk)
    if not flag.is_open:
        raise ValidationError("This flag was already resolved.")
    _flag_resolve(flag, by=by, resolution=resolution)


def _flag_resolve(flag: AttributionFlag, *, by, resolution: str) -> None:
    flag.resolved_at = timezone.now()
    flag.resolved_by = by
    flag.resolution = resolution[:200]
    flag.save(update_fields=["resolved_at", "resolved_by", "resolution"])


@transaction.atomic
def article_update(*, article: Article, by, changed_fields: list[str]) -> dict[str, int] | None:
    """Save an edited article; a changed body re-anchors its statements.

    Return the re-anchoring counts when the body changed, else None.
    """
    body_changed = "body" in changed_fields
    if body_changed:
        article.content_hash = content_hash(article.body)
    article._history_user = by
    article.save()
    if "status" in changed_fields:
        public_counts_refresh(statements=article.statements.all())
    return article_reanchor(article=article) if body_changed else None


@transaction.atomic
def actor_merge(*, survivor: Actor, merged: Actor, by) -> Actor:
    """Fold ``merged`` into ``survivor``: one actor, nothing lost.

    Statements, aliases, roles, corrections, flag suggestions and old slugs
    move to the survivor; the merged name becomes an alias and its slug keeps
    resolving through a redirect.
    """
    if survivor.pk == merged.pk:
        raise ValidationError("Choose two different actors to merge.")
    linking = AttributionCorrection.objects.filter(
        Q(from_actor=merged, to_actor=survivor) | Q(from_actor=survivor, to_actor=merged)
    )
    if linking.exists():
        # A correction that says "not X but Y" would read "not Y but Y" after
        # the merge; the record is append-only, so the merge must not happen.
        raise ValidationError(
            f"A correction moved a statement between {merged.name} and {survivor.name}; "
            "they were recorded as different actors, so they cannot be merged."
        )
    why = f"Merged {merged.name} ({merged.slug}) into {survivor.name}"
    statements = list(Statement.objects.select_for_update().filter(speaker=merged))
    for statement in statements:
        statement.speaker = survivor
        statement.version += 1
    bulk_update_with_history(
        statements, Statement, ["speaker", "version"], default_user=by, default_change_reason=why[:100]
    )
    AttributionCorrection.objects.filter(from_actor=merged).update(from_actor=survivor)
    AttributionCorrection.objects.filter(to_actor=merged).update(to_actor=survivor)
    AttributionFlag.objects.filter(suggested_speaker=merged).update(suggested_speaker=survivor)
    _move_aliases(ActorAlias, "actor", survivor, merged)
    _move_roles(survivor, merged)
    _fold_into(survivor, merged, ActorSlugRedirect, "actor", by=by, why=why)
    public_counts_refresh(actor_ids=[survivor.pk])
    return survivor


def _fold_into(survivor, merged, redirect_model, owner_field: str, *, by, why: str) -> None:
    """Finish a merge: keep both descriptions, delete ``merged``, and point its slugs at ``survivor``."""
    redirect_model.objects.filter(**{owner_field: merged}).update(**{owner_field: survivor})
    if merged.description and merged.description not in survivor.description:
        survivor.description = "\n\n".join(part for part in (survivor.description, merged.description) if part)
    survivor._history_user = by
    survivor._change_reason = why[:100]
    survivor.save()
    old_slug = merged.slug
    merged._history_user = by
    merged._change_reason = why[:100]
    merged.delete()
    redirect_model.objects.create(old_slug=old_slug, **{owner_field: survivor})


def _move_aliases(alias_model, owner_field: str, survivor, merged) -> None:
    known = set(alias_model.objects.filter(**{owner_field: survivor}).values_list("normalised", flat=True))
    for alias in alias_model.objects.filter(**{owner_field: merged}):
        if alias.normalised in known:
            alias.delete()  # The survivor already answers to this name.
            continue
        setattr(alias, owner_field, survivor)
        alias.save()
        known.add(alias.normalised)
    if normalise_name(merged.name) not in known:
        alias_model.objects.create(**{owner_field: survivor, "name": merged.name})


def _move_roles(survivor: Actor, merged: Actor) -> None:
    held = set(survivor.roles.values_list("title", "organisation", "start", "end"))
    for role in merged.roles.all():
        if (role.title, role.organisation, role.start, role.end) in held:
            role.delete()  # The same dated role, recorded twice.
            continue
        role.actor = survivor
        role.save(update_fields=["actor"])


@transaction.atomic
def tag_merge(*, survivor: Tag, merged: Tag, by) -> Tag:
    """Fold ``merged`` into ``survivor``: its statements, aliases, children and old slugs move over."""
    if survivor.pk == merged.pk:
        raise ValidationError("Choose two different tags to merge.")
    why = f"Tag {merged.name} ({merged.slug}) merged into {survivor.name}"
    _move_statement_tags(survivor, merged, by=by, why=why)
    if merged.pk in _tag_ancestor_ids(survivor):
        # The survivor takes the merged tag's place in the tree, or the
        # merged tag's children would end up above the survivor.
        survivor.parent_id = merged.parent_id
    Tag.objects.filter(parent=merged).exclude(pk=survivor.pk).update(parent=survivor)
    _move_aliases(TagAlias, "tag", survivor, merged)
    _fold_into(survivor, merged, TagSlugRedirect, "tag", by=by, why=why)
    public_counts_refresh(tag_ids=[survivor.pk])
    return survivor


def _tag_ancestor_ids(tag: Tag) -> set[int]:
    ancestors, parent_id = set(), tag.parent_id
    while parent_id is not None and parent_id not in ancestors:
        ancestors.add(parent_id)
        parent_id = Tag.objects.filter(pk=parent_id).values_list("parent_id", flat=True).first()
    return ancestors


def _move_statement_tags(survivor: Tag, merged: Tag, *, by, why: str) -> None:
    links = Statement.tags.through.objects
    statement_ids = set(links.filter(tag=merged).values_list("statement_id", flat=True))
    already = set(links.filter(tag=survivor, statement_id__in=statement_ids).values_list("statement_id", flat=True))
    links.bulk_create([links.model(statement_id=pk, tag=survivor) for pk in statement_ids - already])
    links.filter(tag=merged).delete()
    statements = list(Statement.objects.select_for_update().filter(pk__in=statement_ids))
    for statement in statements:
        statement.version += 1
    bulk_update_with_history(statements, Statement, ["version"], default_user=by, default_change_reason=why[:100])
