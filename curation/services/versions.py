"""Two editors, one statement: every save names the version it started from.

A statement's ``version`` moves on with every save. A save that started from
an older version is refused with one sentence, whichever form, action or
service it came through, and nothing of it is written.
"""

from curation.models import Statement

STATEMENT_CHANGED_ELSEWHERE = (
    "Someone else changed this statement after you opened it, so nothing of yours was saved: "
    "reload it to see their change, then make yours again if it is still needed."
)


class StatementChangedElsewhere(Exception):
    """Someone saved the statement after the editor opened it."""

    def __init__(self, message: str = STATEMENT_CHANGED_ELSEWHERE):
        super().__init__(message)


def statement_version_check(statement_id: int, opened_version: int | None) -> None:
    """Raise ``StatementChangedElsewhere`` when the stored version is not ``opened_version``.

    A form calls this before saving, to tell the editor early; the save
    itself checks again under a lock (``statement_lock``).
    """
    current = Statement.objects.filter(pk=statement_id).values_list("version", flat=True).first()
    if opened_version is not None and current != opened_version:
        raise StatementChangedElsewhere


def statement_lock(statement: Statement, expected_version: int | None = None) -> Statement:
    """Return the statement's row locked for this transaction, checked against ``expected_version``."""
    locked = Statement.objects.select_for_update().get(pk=statement.pk)
    if expected_version is not None and locked.version != expected_version:
        raise StatementChangedElsewhere
    return locked


def statements_lock(statements) -> list[Statement]:
    """Return the rows of ``statements`` locked for this transaction."""
    # In id order, so two bulk changes over overlapping statements queue instead of deadlocking.
    ids = [statement.pk for statement in statements]
    return list(Statement.objects.select_for_update().filter(pk__in=ids).order_by("pk"))
