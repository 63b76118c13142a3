"""The kept counts of public statements per actor and per tag.

Lists of actors and tags show how much each has said, and ``Actor.public()``
reads the count; counting afresh on every page costs seconds on a large
archive. Every service that changes what is public, who said it or how it is
tagged calls ``public_counts_refresh`` for what it touched, in the same
transaction; ``public_counts_rebuild`` recounts everything after bulk loads
(``python manage.py refresh_public_counts`` does the same).
"""

from django.db import transaction
from django.db.models import Count

from curation.models import Actor, Statement, Tag
from curation.selectors.public import public_statement_count


def public_counts_refresh(*, statements=(), actor_ids=(), tag_ids=()) -> None:
    """Recount the actors and tags of ``statements``, plus the ids given.

    Pass the ids a change took away (the earlier speaker, removed tags): the
    statements no longer lead to them.
    """
    statement_ids = [statement.pk for statement in statements]
    actors = set(actor_ids) | set(
        Statement.objects.filter(pk__in=statement_ids, speaker__isnull=False).values_list("speaker_id", flat=True)
    )
    tags = set(tag_ids) | set(
        Statement.tags.through.objects.filter(statement_id__in=statement_ids).values_list("tag_id", flat=True)
    )
    actors.discard(None)
    # Lock the rows first, in id order, then count in a statement of its own:
    # a transaction that changed the same actor's statements and committed
    # while this one waited for the lock is then counted too. (An UPDATE that
    # waits for a row lock keeps the snapshot its subquery started with, and
    # two concurrent publications would each write a count missing the other.)
    if actors:
        _lock(Actor, actors)
        Actor.objects.filter(pk__in=actors).update(public_statement_count=public_statement_count("speaker"))
    if tags:
        _lock(Tag, tags)
        Tag.objects.filter(pk__in=tags).update(public_statement_count=public_statement_count("tags"))


def _lock(model, ids) -> None:
    list(model.objects.select_for_update().filter(pk__in=ids).order_by("pk").values_list("pk", flat=True))


@transaction.atomic
def public_counts_rebuild() -> None:
    """Recount every actor and tag: one grouped count a table, and only the counts that differ written.

    A count per row (a correlated subquery, as ``public_counts_refresh``
    does for a few) costs minutes over a million statements; one ``GROUP
    BY`` costs seconds. Every row is locked first, as in
    ``public_counts_refresh``, so a change committed meanwhile is counted.
    """
    public = Statement.objects.public().order_by()
    _rewrite(Actor, public.filter(speaker__isnull=False).values_list("speaker_id").annotate(total=Count("pk")))
    _rewrite(Tag, public.filter(tags__isnull=False).values_list("tags").annotate(total=Count("pk")))


def _rewrite(model, totals) -> None:
    kept = dict(model.objects.select_for_update().order_by("pk").values_list("pk", "public_statement_count"))
    counted = dict(totals)
    changed = [
        model(pk=pk, public_statement_count=counted.get(pk, 0))
        for pk, count in kept.items()
        if counted.get(pk, 0) != count
    ]
    model.objects.bulk_update(changed, ["public_statement_count"], batch_size=1000)


def public_counts_differences() -> dict[str, list[int]]:
    """Return the ids of actors and tags whose kept count differs from a fresh count (nothing when all agree)."""
    return {
        "actors": list(
            Actor.objects.exclude(public_statement_count=public_statement_count("speaker")).values_list("pk", flat=True)
        ),
        "tags": list(
            Tag.objects.exclude(public_statement_count=public_statement_count("tags")).values_list("pk", flat=True)
        ),
    }
