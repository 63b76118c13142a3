"""Who said it, as readers are told: changing a speaker, and the only place a correction is written.

Readers are told of a change of speaker exactly when they were shown one
speaker and are now shown another. A statement remembers what readers were
last shown (``first_shown_at``, ``shown_speaker``); ``statements_show`` runs
at the end of every service that can change a speaker or what is public, and
writes a correction when a public statement's speaker differs from the one
readers last saw. A change made while the statement is hidden waits, with its
reason, until readers see the statement again; a change undone before then is
never told. A statement readers never saw has no corrections: changing its
speaker is part of the review, kept in its history.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from curation.models import Actor, AttributionCorrection, CorrectionWithdrawal, Statement
from curation.services.counts import public_counts_refresh
from curation.services.flag_records import statement_flags_resolve
from curation.services.search_index import statements_index
from curation.services.versions import statement_lock

# The history library keeps at most 100 characters of a change reason; the
# correction row keeps all of it.
HISTORY_REASON_LENGTH = 100
REASON_REQUIRED = "Give a reason for changing who said this; readers will see it."


def correction_record(
    *, statement: Statement, from_actor, to_actor, speaker_as_printed: str, reason: str, editor, corrected_at, is_public
) -> AttributionCorrection:
    """Write one correction row; every correction in the desk is created here.

    ``statements_show`` calls it when readers are shown a new speaker; the
    restore of an export calls it to replay a record as it was written.
    """
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": REASON_REQUIRED})
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


def statements_show(statements) -> list[AttributionCorrection]:
    """Bring what readers were shown in line with the record; return the corrections this wrote.

    Call it inside the transaction that changed the statements, with their
    rows locked. A statement readers see now for the first time is noted as
    shown; one whose speaker differs from the one readers last saw gets a
    correction, with the reason given when the speaker was changed.
    """
    written = []
    for statement in Statement.objects.select_related("article", "speaker", "shown_speaker").filter(
        pk__in=[statement.pk for statement in statements]
    ):
        correction = _show(statement)
        if correction is not None:
            written.append(correction)
    return written


def _show(statement: Statement) -> AttributionCorrection | None:
    if not statement.is_public_now():
        return None
    now, correction = timezone.now(), None
    if statement.first_shown_at is None:
        statement.first_shown_at = now
    elif statement.speaker_id != statement.shown_speaker_id:
        if not statement.pending_reason:
            # Every path that changes the speaker of a statement readers saw
            # gives a reason; one that did not bypassed the record.
            raise ValidationError(
                f"Readers were shown this statement as said by {_name(statement.shown_speaker)}; "
                "changing who said it needs a reason, given through a reattribution."
            )
        correction = correction_record(
            statement=statement,
            from_actor=statement.shown_speaker,
            to_actor=statement.speaker,
            speaker_as_printed=statement.speaker_as_printed,
            reason=statement.pending_reason,
            editor=statement.pending_by,
            corrected_at=now,
            is_public=True,
        )
    elif not statement.pending_reason and statement.shown_speaker_id == statement.speaker_id:
        return None
    # What readers are shown is bookkeeping, not an edit: it moves no version
    # and leaves no history entry of its own.
    Statement.objects.filter(pk=statement.pk).update(
        first_shown_at=statement.first_shown_at, shown_speaker=statement.speaker, pending_reason="", pending_by=None
    )
    return correction


def _lock_actors(previous: int | None, to_actor: Actor | None) -> None:
    """Lock the earlier and the new speaker, in id order, and refuse a new speaker merged into another.

    Their counts are refreshed in this transaction; locking both up front, in
    the order every other change locks them, lets two reattributions between
    the same actors queue instead of deadlocking, and makes a merge running
    now wait for this change, or finish first.
    """
    ids = sorted({pk for pk in (previous, to_actor.pk if to_actor else None) if pk is not None})
    locked = Actor.objects.select_for_update().in_bulk(ids)
    if to_actor is None:
        return
    current = locked.get(to_actor.pk)
    if current is None:
        raise ValidationError({"speaker": f"{to_actor.name} is no longer on the desk; choose the speaker again."})
    if current.merged_into_id is not None:
        raise ValidationError(
            {"speaker": f"{current.name} was merged into {current.survivor().name}; attribute it to that actor."}
        )


def _name(actor: Actor | None) -> str:
    return actor.name if actor else "no one"


def speaker_set(locked: Statement, *, to_actor: Actor | None, by, reason: str) -> None:
    """Set a locked statement's speaker, keeping the reason readers will be told if they saw it.

    The caller shows the change (``statements_show``) and recounts.
    """
    reason = (reason or "").strip()
    if locked.speaker_id == (to_actor.pk if to_actor else None):
        raise ValidationError({"speaker": f"This statement is already attributed to {_name(to_actor)}."})
    _lock_actors(locked.speaker_id, to_actor)
    if locked.was_shown:
        if not reason:
            raise ValidationError({"reason": REASON_REQUIRED})
        locked.pending_reason, locked.pending_by = reason, by
        why = f"Reattributed: {reason}"
    else:
        why = f"Speaker set during review{': ' + reason if reason else ''}"
    previous = locked.speaker
    locked.speaker = to_actor
    locked.version += 1
    locked._history_user = by
    locked._change_reason = why[:HISTORY_REASON_LENGTH]
    locked.save(update_fields=["speaker", "pending_reason", "pending_by", "version", "updated_at"])
    statements_index([locked])
    statement_flags_resolve(locked, by=by, resolution=f"Speaker set to {_name(to_actor)} (was {_name(previous)})")


@transaction.atomic
def correction_withdraw(*, correction: AttributionCorrection, by, reason: str) -> CorrectionWithdrawal:
    """Withdraw a correction that was itself a mistake, in the open; the speaker returns to the one it replaced.

    Only the latest correction of a statement, while the statement is still
    attributed as it says, can be withdrawn: anything else would leave a
    notice contradicting the speaker. Nothing is deleted or edited; the
    withdrawal (who, when, why) is told beside the correction.
    """
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "Give a reason for withdrawing the correction; readers will see it."})
    statement = statement_lock(correction.statement)
    correction = AttributionCorrection.objects.select_related("from_actor", "to_actor").get(pk=correction.pk)
    _refuse_withdrawal(statement, correction)
    withdrawal = CorrectionWithdrawal.objects.create(
        correction=correction, reason=reason, editor=by, withdrawn_at=timezone.now()
    )
    statement.speaker = correction.from_actor
    # The withdrawal tells readers of the change back, so nothing waits to be told.
    statement.shown_speaker = correction.from_actor
    statement.pending_reason, statement.pending_by = "", None
    statement.version += 1
    statement._history_user = by
    statement._change_reason = f"Correction withdrawn: {reason}"[:HISTORY_REASON_LENGTH]
    statement.save(update_fields=["speaker", "shown_speaker", "pending_reason", "pending_by", "version", "updated_at"])
    statements_index([statement])
    public_counts_refresh(statements=[statement], actor_ids=[correction.to_actor_id])
    return withdrawal


def _refuse_withdrawal(statement: Statement, correction: AttributionCorrection) -> None:
    if CorrectionWithdrawal.objects.filter(correction=correction).exists():
        raise ValidationError("This correction was already withdrawn.")
    if not Statement.objects.public().filter(pk=statement.pk).exists():
        # Told while readers see it, a withdrawal is exactly the change they see.
        raise ValidationError(
            "Readers do not see this statement now. Publish it to withdraw the correction in the open, or "
            "reattribute it with a reason: readers are told of that when they see it again."
        )
    latest = statement.corrections.order_by("corrected_at", "pk").last()
    if latest.pk != correction.pk:
        raise ValidationError(
            "A later correction followed this one; only the latest correction of a statement can be withdrawn. "
            "Reattribute the statement instead."
        )
    if statement.speaker_id != correction.to_actor_id:
        raise ValidationError(
            f"The statement is now attributed to {_name(statement.speaker)}, not to {_name(correction.to_actor)} "
            "as this correction says; reattribute it instead."
        )
