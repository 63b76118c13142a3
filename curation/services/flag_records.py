"""Resolving stored attribution flags, shared by the services that act on a flagged statement."""

from django.utils import timezone

from curation.models import AttributionFlag

RESOLUTION_LENGTH = AttributionFlag._meta.get_field("resolution").max_length


def flag_resolve(flag: AttributionFlag, *, by, resolution: str) -> None:
    """Resolve a flag, by an editor or (``by`` None) by the checks themselves."""
    flag.resolved_at = timezone.now()
    flag.resolved_by = by
    flag.resolution = resolution[:RESOLUTION_LENGTH]
    flag.save(update_fields=["resolved_at", "resolved_by", "resolution"])


def statement_flags_resolve(statement, *, by, resolution: str) -> int:
    """Resolve every open flag of ``statement`` with who acted and how; return how many.

    An editor who set the speaker, confirmed or rejected a statement has
    answered whatever it was flagged for: leaving the flag open would keep a
    stale one-click "fix" next to the statement.
    """
    return AttributionFlag.objects.filter(statement=statement, resolved_at__isnull=True).update(
        resolved_at=timezone.now(), resolved_by=by, resolution=resolution[:RESOLUTION_LENGTH]
    )
