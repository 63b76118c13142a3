"""Changing who said a statement: the only place a correction is written.

A correction is an append-only row (from, to, the name as printed, reason,
editor, time); it is written in the same transaction that changes the
speaker, and never edited or deleted afterwards.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from curation.models import Actor, AttributionCorrection, Statement
from curation.services.counts import public_counts_refresh
from curation.services.versions import statement_lock, statements_lock

# The history library keeps at most 100 characters of a change reason; the
# correction row keeps all of it.
HISTORY_REASON_LENGTH = 100


def correction_record(
    *, statement: Statement, from_actor, to_actor, speaker_as_printed: str, reason: str, editor, corrected_at, is_public
) -> AttributionCorrection:
    """Write one correction row; callers change (or, in a restore, have set) the speaker themselves.

    Every correction in the desk is created here, so the rules a correction
    must keep live in one place.
    """
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "Give a reason for changing who said this; readers will see it."})
    return AttributionCorrection.objects.create(
        statement=statement,
        from_actor=from_actor,
        to_actor=to_actor,
        speaker_as_printed=speaker_as_printed,
        reason=reason,
        editor=editor,
        corrected_at=corrected_at,
        is_public=is_public,
    )


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
    if not (reason or "").strip():
        raise ValidationError({"reason": "Give a reason for changing who said this; readers will see it."})
    locked = statement_lock(statement, expected_version)
    if locked.speaker_id == (to_actor.pk if to_actor else None):
        who = to_actor.name if to_actor else "no one"
        raise ValidationError({"speaker": f"This statement is already attributed to {who}."})
    correction = correction_record(
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
    locked._change_reason = f"Reattributed: {correction.reason}"[:HISTORY_REASON_LENGTH]
    locked.save(update_fields=["speaker", "version", "updated_at"])
    public_counts_refresh(statements=[locked], actor_ids=[correction.from_actor_id])
    statement.refresh_from_db()
    return correction


@dataclass
class BulkResult:
    changed: int = 0
    skipped: int = 0


@transaction.atomic
def statements_reattribute(*, statements, to_actor: Actor | None, by, reason: str, public: bool = True) -> BulkResult:
    """Reattribute several statements with one reason; those already attributed to ``to_actor`` are skipped."""
    result = BulkResult()
    target = to_actor.pk if to_actor else None
    for statement in statements_lock(statements):
        if statement.speaker_id == target:
            result.skipped += 1
            continue
        statement_reattribute(statement=statement, to_actor=to_actor, by=by, reason=reason, public=public)
        result.changed += 1
    return result
