"""Storing the extractor's suggestions as statements awaiting review."""

from collections.abc import Iterable

from django.db import transaction

from curation.extraction import KnownActor, Suggestion, extract
from curation.models import Actor, Article, Statement
from curation.selectors.registry import known_actors
from curation.services.statements import statement_create

SPEAKER_AS_PRINTED_LENGTH = Statement._meta.get_field("speaker_as_printed").max_length


class StoredSuggestions(list):
    """The statements one run stored; ``skipped`` counts suggestions left out as duplicates."""

    skipped: int = 0


@transaction.atomic
def article_suggest(*, article: Article, actors: tuple[KnownActor, ...] | None = None) -> StoredSuggestions:
    """Store the extractor's suggestions for ``article`` as statements awaiting review.

    A suggestion that overlaps any statement already in the article, whatever
    its review status, is skipped: an editor who rejected a suggestion or
    curated the span by hand must not see it proposed again. Running twice
    therefore stores nothing the second time.
    """
    # Locking the article serialises two runs on it, which could otherwise
    # both store overlapping suggestions.
    article = Article.objects.select_for_update().get(pk=article.pk)
    actors = known_actors() if actors is None else actors
    suggestions = extract(article.body, actors=actors, published_on=article.published_on)
    taken = list(article.statements.values_list("start", "end"))
    speakers = Actor.objects.in_bulk({s.speaker for s in suggestions if s.speaker}, field_name="slug")
    stored = StoredSuggestions()
    for suggestion in suggestions:
        if _overlaps(suggestion, taken):
            stored.skipped += 1
            continue
        stored.append(_store_suggestion(article, suggestion, speakers.get(suggestion.speaker)))
        taken.append((suggestion.start, suggestion.end))
    return stored


def _overlaps(suggestion: Suggestion, spans: Iterable[tuple[int, int]]) -> bool:
    return any(start < suggestion.end and suggestion.start < end for start, end in spans)


def _store_suggestion(article: Article, suggestion: Suggestion, speaker: Actor | None) -> Statement:
    return statement_create(
        article=article,
        kind=suggestion.kind,
        start=suggestion.start,
        end=suggestion.end,
        speaker_as_printed=suggestion.speaker_as_printed[:SPEAKER_AS_PRINTED_LENGTH],
        speaker=speaker,
        review_status=Statement.ReviewStatus.SUGGESTED,
        published=False,
        origin=Statement.Origin.EXTRACTED,
        confidence=suggestion.confidence,
    )
