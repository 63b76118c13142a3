"""The desk's record as the pure extractor reads it: the actor registry and statement views."""

from django.db.models import Q

from curation.extraction import KnownActor, KnownRole, StatementView
from curation.models import Actor, Statement


def known_actors() -> tuple[KnownActor, ...]:
    """Return the actor registry as the extractor reads it, in three queries."""
    actors = Actor.objects.current().order_by("pk").prefetch_related("aliases", "roles")
    return tuple(_known_actor(actor) for actor in actors)


def _known_actor(actor: Actor) -> KnownActor:
    return KnownActor(
        slug=actor.slug,
        name=actor.name,
        kind=actor.kind,
        aliases=tuple(alias.name for alias in actor.aliases.all()),
        roles=tuple(KnownRole(role.title, role.organisation, role.start, role.end) for role in actor.roles.all()),
    )


def statement_view(statement: Statement, *, speaker_slug: str | None) -> StatementView:
    return StatementView(
        key=statement.pk,
        article_key=statement.article_id,
        text=statement.text,
        start=statement.start,
        end=statement.end,
        kind=statement.kind,
        speaker_as_printed=statement.speaker_as_printed,
        speaker=speaker_slug,
    )


def conflict_candidates() -> Q:
    """Statements the cross-article conflict check compares: public ones and open suggestions."""
    public = Q(pk__in=Statement.objects.public().values("pk"))
    return public | Q(review_status=Statement.ReviewStatus.SUGGESTED)
