"""Statements: creating one, an editor's save, the review of a suggestion, and bulk changes.

A new speaker always goes through ``speaker_set`` (curation/services/corrections.py),
and every service here ends with ``statements_show``, which tells readers of
a change of speaker they saw as a correction.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from curation.anchoring import anchor_context
from curation.models import Actor, Article, AttributionCorrection, ReviewDecision, Statement, Tag
from curation.services.checks import articles_recheck
from curation.services.corrections import speaker_set, statements_show
from curation.services.counts import public_counts_refresh
from curation.services.flag_records import statement_flags_resolve
from curation.services.search_index import statements_index
from curation.services.versions import statement_lock, statements_lock

STATEMENT_EDITABLE_FIELDS = ("kind", "speaker_as_printed", "review_status", "published")
# What a suggestion consists of: an editor who changes any of these has
# corrected the extractor, which is what its evaluation needs to know.
SUGGESTION_FIELDS = ("kind", "text", "start", "end", "speaker_as_printed", "speaker", "tags")


@dataclass
class BulkResult:
    changed: int = 0
    skipped: int = 0
    corrections: int = 0


REVIEW_CHANGEABLE_FIELDS = {"kind", "speaker_as_printed", "speaker", "tags", "review_status", "published"}


# Long only in its keyword arguments, one per field a curator, importer or the
# extractor may set.
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
    statements_index([statement])
    if review_status == Statement.ReviewStatus.CONFIRMED and published:
        statements_show([statement])
        public_counts_refresh(statements=[statement])
    return statement


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
    statements_index([statement])
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


def _refuse_unknown(changes: dict, allowed, what: str) -> None:
    unknown = set(changes) - set(allowed)
    if unknown:
        raise ValueError(f"{what}: {', '.join(sorted(unknown))}.")


def _refuse_return_to_review(statement: Statement, new_status: str | None) -> None:
    # The review queue is for suggestions readers never saw; a statement they
    # saw is hidden by unpublishing it, and its speaker changed with a reason.
    if new_status == Statement.ReviewStatus.SUGGESTED and statement.was_shown:
        raise ValidationError(
            {
                "review_status": "Readers have seen this statement, so it cannot go back to the review queue. "
                "Unpublish it to hide it while you work on it."
            }
        )


def _apply_fields(statement: Statement, changes: dict) -> list[str]:
    """Set the plain fields that ``changes`` really changes; return their names."""
    fields = [
        name for name in STATEMENT_EDITABLE_FIELDS if name in changes and getattr(statement, name) != changes[name]
    ]
    for name in fields:
        setattr(statement, name, changes[name])
    if statement.review_status == Statement.ReviewStatus.REJECTED and statement.published:
        # A rejected statement is withdrawn, never left published.
        statement.published = False
        fields = [*dict.fromkeys([*fields, "published"])]
    return fields


def _apply_tags(statement: Statement, changes: dict) -> None:
    """Set the statement's tags when ``changes`` gives others; recount the tags it lost."""
    if "tags" not in changes:
        return
    before = set(statement.tags.values_list("pk", flat=True))
    if {tag.pk for tag in changes["tags"]} == before:
        return
    statement.tags.set(changes["tags"])
    public_counts_refresh(statements=[statement], tag_ids=before)


def _resolve_flags_of_decision(statement: Statement, fields: list[str], *, by) -> None:
    if "review_status" not in fields:
        return
    done = {Statement.ReviewStatus.CONFIRMED: "Confirmed", Statement.ReviewStatus.REJECTED: "Rejected"}
    if statement.review_status in done:
        statement_flags_resolve(statement, by=by, resolution=f"{done[statement.review_status]} by the editor")


@transaction.atomic
def statement_update(
    *, statement: Statement, by, changes: dict, expected_version: int, reason: str = ""
) -> AttributionCorrection | None:
    """Save an editor's changes to a statement in one transaction; return the correction readers see, if any.

    ``changes`` maps field names to new values: any of
    ``STATEMENT_EDITABLE_FIELDS``, ``speaker`` (an Actor or None) and ``tags``.
    A new speaker of a statement readers saw needs a ``reason``; a suggestion
    confirmed or rejected here is recorded as a review decision.
    """
    _refuse_unknown(changes, {*STATEMENT_EDITABLE_FIELDS, "speaker", "tags"}, "Statements cannot be edited this way")
    locked = statement_lock(statement, expected_version)
    _refuse_return_to_review(locked, changes.get("review_status"))
    suggestion = statement_snapshot(locked) if locked.review_status == Statement.ReviewStatus.SUGGESTED else None
    previous_speaker = locked.speaker_id
    new_speaker = changes.get("speaker", locked.speaker)
    speaker_changed = (new_speaker.pk if new_speaker else None) != previous_speaker
    if speaker_changed:
        speaker_set(locked, to_actor=new_speaker, by=by, reason=reason)
    fields = _apply_fields(locked, changes)
    _apply_tags(locked, changes)
    if not speaker_changed or fields:
        # Even a save that changes nothing moves the version on: whoever
        # opened the statement before it must look again before saving.
        _save_statement(locked, by=by, fields=fields, bump=not speaker_changed)
    _resolve_flags_of_decision(locked, fields, by=by)
    if suggestion and locked.review_status != Statement.ReviewStatus.SUGGESTED:
        _record_review(locked, suggestion, by)
    # A new speaker or new topics may have been stored without a save of the fields.
    statements_index([locked])
    written = statements_show([locked])
    public_counts_refresh(statements=[locked], actor_ids=[previous_speaker])
    statement.refresh_from_db()
    return written[0] if written else None


@transaction.atomic
def statement_review(
    *, statement: Statement, decision: str, by, changes: dict | None = None, expected_version: int | None = None
) -> ReviewDecision:
    """Confirm, confirm with edits, or reject a suggested statement, and keep the decision.

    The decision records the suggestion and what the editor made of it, which
    is how the extractor's precision is measured. A suggestion was never
    shown to readers, so a changed speaker here is part of the review, not a
    correction.
    """
    locked = statement_lock(statement, expected_version)
    if locked.review_status != Statement.ReviewStatus.SUGGESTED:
        raise ValidationError(f"This statement was already {locked.get_review_status_display().lower()}.")
    suggestion = statement_snapshot(locked)
    changes = _review_changes(decision, changes)
    _refuse_unknown(changes, REVIEW_CHANGEABLE_FIELDS, "A review cannot change")
    if locked.was_shown and "speaker" in changes and changes["speaker"] != locked.speaker:
        raise ValidationError(
            {"speaker": "Readers saw this statement; change who said it on its own page, with a reason."}
        )
    if "tags" in changes:
        locked.tags.set(changes.pop("tags"))
    for name, value in changes.items():
        setattr(locked, name, value)
    _save_statement(locked, by=by, fields=list(changes), why=f"Review: {locked.get_review_status_display()}")
    _resolve_flags_of_decision(locked, ["review_status"], by=by)
    statements_show([locked])
    statement.refresh_from_db()
    return _record_review(locked, suggestion, by)


def _review_changes(decision: str, changes: dict | None) -> dict:
    changes = dict(changes or {})
    if decision == ReviewDecision.Decision.REJECTED:
        return {"review_status": Statement.ReviewStatus.REJECTED, "published": False}
    if decision in (ReviewDecision.Decision.CONFIRMED, ReviewDecision.Decision.EDITED):
        changes["review_status"] = Statement.ReviewStatus.CONFIRMED
        return changes
    raise ValueError(f"Unknown review decision {decision!r}.")


@transaction.atomic
def statements_set_review_status(*, statements, status: str, by) -> int:
    """Confirm or reject statements in bulk; suggestions among them are recorded as review decisions.

    Return how many changed.
    """
    changed = 0
    for statement in statements_lock(statements):
        if statement.review_status == status:
            continue
        if statement.review_status == Statement.ReviewStatus.SUGGESTED:
            rejected = status == Statement.ReviewStatus.REJECTED
            decision = ReviewDecision.Decision.REJECTED if rejected else ReviewDecision.Decision.CONFIRMED
            statement_review(statement=statement, decision=decision, by=by)
        else:
            _refuse_return_to_review(statement, status)
            fields = _apply_fields(statement, {"review_status": status})
            _save_statement(statement, by=by, fields=fields)
            _resolve_flags_of_decision(statement, fields, by=by)
            statements_show([statement])
        changed += 1
    return changed


@transaction.atomic
def statements_set_published(*, statements, published: bool, by) -> BulkResult:
    """Publish or unpublish statements; only confirmed statements can be published."""
    result = BulkResult()
    for statement in statements_lock(statements):
        if statement.published == published:
            continue
        if published and statement.review_status != Statement.ReviewStatus.CONFIRMED:
            result.skipped += 1
            continue
        statement.published = published
        _save_statement(statement, by=by, fields=["published"])
        statements_show([statement])
        result.changed += 1
    return result


@transaction.atomic
def statements_add_tags(*, statements, tags, by) -> int:
    """Add ``tags`` to each statement; return how many statements gained a tag."""
    changed = 0
    wanted = {tag.pk for tag in tags}
    for statement in statements_lock(statements):
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
    for statement in statements_lock(statements):
        present = unwanted & set(statement.tags.values_list("pk", flat=True))
        if present:
            statement.tags.remove(*present)
            _save_statement(statement, by=by, fields=[])
            public_counts_refresh(tag_ids=present)
            changed += 1
    return changed


@transaction.atomic
def statement_reattribute(
    *,
    statement: Statement,
    to_actor: Actor | None,
    by,
    reason: str,
    expected_version: int | None = None,
    recheck: bool = True,
) -> AttributionCorrection | None:
    """Change who a statement is attributed to, in one transaction; return the correction readers see.

    A statement readers saw needs a ``reason``: the correction is written now
    if they see it now, or when they next see it (None is returned then). A
    statement readers never saw is simply given its speaker (None).
    ``expected_version`` is the version the editor saw; if someone saved the
    statement since, nothing changes and ``StatementChangedElsewhere`` is raised.
    The article's checks run again unless ``recheck`` is False (loading a
    curation that is already checked).
    """
    locked = statement_lock(statement, expected_version)
    previous_speaker = locked.speaker_id
    speaker_set(locked, to_actor=to_actor, by=by, reason=reason)
    written = statements_show([locked])
    public_counts_refresh(statements=[locked], actor_ids=[previous_speaker])
    if recheck:
        articles_recheck([locked.article])
    statement.refresh_from_db()
    return written[0] if written else None


@transaction.atomic
def statements_reattribute(*, statements, to_actor: Actor | None, by, reason: str) -> BulkResult:
    """Reattribute several statements with one reason; those already attributed to ``to_actor`` are skipped."""
    result = BulkResult()
    target = to_actor.pk if to_actor else None
    for statement in statements_lock(statements):
        if statement.speaker_id == target:
            result.skipped += 1
            continue
        correction = statement_reattribute(statement=statement, to_actor=to_actor, by=by, reason=reason)
        result.changed += 1
        result.corrections += correction is not None
    return result


def same_passage(left: str, right: str) -> bool:
    """Return True when two passages read the same once line endings are made alike.

    A browser turns every "\\r\\n" of the text it shows into "\\n", so the
    passage an editor selected may differ from the body in line endings only.
    """
    return _plain_line_endings(left) == _plain_line_endings(right)


def _plain_line_endings(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def passage_check(
    article: Article, start: int, end: int, selected: str | None, *, other_than=None, taken_ok: bool = False
) -> None:
    """Refuse, with what is wrong, offsets outside the body, off the selected passage, or already taken."""
    if not 0 <= start < end <= len(article.body):
        raise ValidationError(
            f"The span {start}–{end} is not inside the article's text, which has {len(article.body)} "
            "characters; the end must come after the start."
        )
    found = article.body[start:end]
    if selected is not None and not same_passage(found, selected):
        raise ValidationError(
            f"The text at characters {start}–{end} reads “{shorten_passage(found)}”, not the passage you "
            f"selected (“{shorten_passage(selected)}”). The text may have changed since you opened it: "
            "reload the article and select the passage again."
        )
    taken = None if taken_ok else article.statements.filter(start=start, end=end).exclude(pk=other_than).first()
    if taken is not None:
        raise ValidationError(f"Another statement already covers exactly characters {start}–{end}: {taken}.")


def shorten_passage(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


@transaction.atomic
def statement_place(
    *, statement: Statement, start: int, end: int, by, selected: str | None = None, expected_version: int | None = None
) -> Statement:
    """Anchor a statement at ``body[start:end]`` again, typically one no longer found after a text edit.

    ``selected`` is the passage the editor chose, checked against what the
    offsets cut out of the body now. The statement takes the passage's words
    and context; its history keeps where it was before.
    """
    locked = statement_lock(statement, expected_version)
    article = locked.article
    passage_check(article, start, end, selected, other_than=locked.pk)
    locked.start, locked.end, locked.text = start, end, article.body[start:end]
    locked.prefix, locked.suffix = anchor_context(article.body, start, end)
    locked.anchor = Statement.Anchor.FOUND
    _save_statement(
        locked,
        by=by,
        fields=["start", "end", "text", "prefix", "suffix", "anchor"],
        why=f"Placed again at characters {start}–{end}",
    )
    statement.refresh_from_db()
    return statement


@transaction.atomic
def statements_delete(*, statements) -> int:
    """Delete statements, keeping the public counts true; return how many (administrators only)."""
    locked = statements_lock(statements)
    speakers = {statement.speaker_id for statement in locked if statement.speaker_id}
    tags = set(Statement.tags.through.objects.filter(statement__in=locked).values_list("tag_id", flat=True))
    for statement in locked:
        statement.delete()
    public_counts_refresh(actor_ids=speakers, tag_ids=tags)
    return len(locked)
