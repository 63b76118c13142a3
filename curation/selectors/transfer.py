"""The whole editorial state as one versioned JSON document.

The export is deterministic (sorted, no timestamps of its own), so exporting,
restoring into an empty database (``curation.services.transfer``) and
exporting again gives identical files. Editors are referred to by user name.

Version 2 carries the public record whole: what readers were last shown of
each statement (and any change of speaker waiting to be told), merged actors,
withdrawals of corrections and the merges themselves. Version 1 files still
restore; ``curation.services.transfer`` works out what their readers saw.
"""

from curation.models import (
    Actor,
    Article,
    AttributionCorrection,
    AttributionFlag,
    Merge,
    ReviewDecision,
    Statement,
    Tag,
)

EXPORT_FORMAT = "curation-desk-export"
EXPORT_VERSION = 2


def curation_export() -> dict:
    """Return the whole editorial state, every list in a fixed order."""
    return {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "actors": [
            _actor_record(actor)
            for actor in Actor.objects.order_by("slug")
            .select_related("merged_into")
            .prefetch_related("aliases", "roles", "slug_redirects")
        ],
        "tags": [
            _tag_record(tag)
            for tag in Tag.objects.order_by("slug")
            .select_related("parent")
            .prefetch_related("aliases", "slug_redirects")
        ],
        "articles": [_article_record(article) for article in Article.objects.order_by("import_key")],
        "statements": [
            _statement_record(statement)
            for statement in Statement.objects.select_related("article", "speaker", "shown_speaker", "pending_by")
            .prefetch_related("tags")
            .order_by("article__import_key", "start", "end")
        ],
        "corrections": [_correction_record(correction) for correction in _corrections()],
        "flags": [_flag_record(flag) for flag in _flags()],
        "decisions": [_decision_record(decision) for decision in _decisions()],
        "merges": [_merge_record(merge) for merge in _merges()],
    }


def _merges():
    return Merge.objects.select_related("survivor_actor", "survivor_tag", "editor").order_by("merged_at", "id")


def _merge_record(merge: Merge) -> dict:
    return {
        "kind": merge.kind,
        "merged_name": merge.merged_name,
        "merged_slug": merge.merged_slug,
        "survivor": _slug(merge.survivor_actor or merge.survivor_tag),
        "statements_moved": merge.statements_moved,
        "editor": merge.editor.get_username(),
        "merged_at": merge.merged_at.isoformat(),
    }


def _corrections():
    return AttributionCorrection.objects.select_related(
        "statement__article", "from_actor", "to_actor", "editor", "withdrawal__editor"
    ).order_by("corrected_at", "id")


def _correction_record(correction: AttributionCorrection) -> dict:
    return {
        "statement": _statement_key(correction.statement),
        "from_actor": _slug(correction.from_actor),
        "to_actor": _slug(correction.to_actor),
        "speaker_as_printed": correction.speaker_as_printed,
        "reason": correction.reason,
        "editor": correction.editor.get_username(),
        "corrected_at": correction.corrected_at.isoformat(),
        "is_public": correction.is_public,
        "withdrawal": _withdrawal_record(correction),
    }


def _withdrawal_record(correction: AttributionCorrection) -> dict | None:
    withdrawal = getattr(correction, "withdrawal", None)
    if withdrawal is None:
        return None
    return {
        "reason": withdrawal.reason,
        "editor": withdrawal.editor.get_username(),
        "withdrawn_at": withdrawal.withdrawn_at.isoformat(),
    }


def _flags():
    return AttributionFlag.objects.select_related("statement__article", "suggested_speaker", "resolved_by").order_by(
        "statement__article__import_key", "statement__start", "code", "id"
    )


def _flag_record(flag: AttributionFlag) -> dict:
    return {
        "statement": _statement_key(flag.statement),
        "code": flag.code,
        "severity": flag.severity,
        "message": flag.message,
        "suggested_speaker": _slug(flag.suggested_speaker),
        "created_at": flag.created_at.isoformat(),
        "resolved_at": flag.resolved_at.isoformat() if flag.resolved_at else None,
        "resolved_by": flag.resolved_by.get_username() if flag.resolved_by else None,
        "resolution": flag.resolution,
    }


def _decisions():
    return ReviewDecision.objects.select_related("statement__article", "editor").order_by("decided_at", "id")


def _decision_record(decision: ReviewDecision) -> dict:
    return {
        "statement": _statement_key(decision.statement),
        "decision": decision.decision,
        "suggestion": decision.suggestion,
        "outcome": decision.outcome,
        "editor": decision.editor.get_username(),
        "decided_at": decision.decided_at.isoformat(),
    }


def _slug(instance) -> str | None:
    return instance.slug if instance else None


def _statement_key(statement: Statement) -> list:
    return [statement.article.import_key, statement.start, statement.end]


def _actor_record(actor: Actor) -> dict:
    return {
        "slug": actor.slug,
        "name": actor.name,
        "kind": actor.kind,
        "description": actor.description,
        "merged_into": _slug(actor.merged_into),
        "created_at": actor.created_at.isoformat(),
        "aliases": sorted(alias.name for alias in actor.aliases.all()),
        "roles": sorted(
            (
                {
                    "title": role.title,
                    "organisation": role.organisation,
                    "start": role.start.isoformat() if role.start else None,
                    "end": role.end.isoformat() if role.end else None,
                }
                for role in actor.roles.all()
            ),
            key=lambda role: (role["start"] or "", role["title"], role["organisation"]),
        ),
        "former_slugs": sorted(redirect.old_slug for redirect in actor.slug_redirects.all()),
    }


def _tag_record(tag: Tag) -> dict:
    return {
        "slug": tag.slug,
        "name": tag.name,
        "parent": _slug(tag.parent),
        "description": tag.description,
        "aliases": sorted(alias.name for alias in tag.aliases.all()),
        "former_slugs": sorted(redirect.old_slug for redirect in tag.slug_redirects.all()),
    }


def _article_record(article: Article) -> dict:
    return {
        "import_key": article.import_key,
        "slug": article.slug,
        "title": article.title,
        "outlet": article.outlet,
        "url": article.url,
        "published_on": article.published_on.isoformat() if article.published_on else None,
        "status": article.status,
        "imported_at": article.imported_at.isoformat(),
        "body": article.body,
        "non_story": article.non_story,
    }


def _statement_record(statement: Statement) -> dict:
    return {
        "key": _statement_key(statement),
        "kind": statement.kind,
        "text": statement.text,
        "prefix": statement.prefix,
        "suffix": statement.suffix,
        "anchor": statement.anchor,
        "speaker_as_printed": statement.speaker_as_printed,
        "speaker": _slug(statement.speaker),
        "review_status": statement.review_status,
        "published": statement.published,
        "origin": statement.origin,
        "confidence": statement.confidence,
        "version": statement.version,
        "created_at": statement.created_at.isoformat(),
        "tags": sorted(tag.slug for tag in statement.tags.all()),
        "first_shown_at": statement.first_shown_at.isoformat() if statement.first_shown_at else None,
        "shown_speaker": _slug(statement.shown_speaker),
        "pending_reason": statement.pending_reason,
        "pending_by": statement.pending_by.get_username() if statement.pending_by else None,
    }
