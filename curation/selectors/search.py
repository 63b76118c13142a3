"""Search over the public record.

PostgreSQL ranks by full-text relevance with English stemming; on SQLite
(development, tests) every word must appear somewhere, newest first.
"""

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import F, Q, Subquery

from curation.models import Actor
from curation.selectors.names import actors_named_like, speaker_ids_matching
from curation.selectors.public import actors_listing, actors_matching, articles_listing, statements_listing

SEARCH_WORDS_AT_MOST = 12


def _words(text: str) -> list[str]:
    return text.split()[:SEARCH_WORDS_AT_MOST]


def _every_word_in(fields: tuple[str, ...], text: str) -> Q:
    condition = Q()
    for word in _words(text):
        either = Q()
        for field in fields:
            either |= Q(**{f"{field}__icontains": word})
        condition &= either
    return condition


# These two vectors are indexed on PostgreSQL (migration 0003): a query must
# build them exactly this way for the planner to use the index.
def statement_search_vector() -> SearchVector:
    return SearchVector("text", config="english", weight="A") + SearchVector(
        "speaker_as_printed", config="english", weight="B"
    )


def article_search_vector() -> SearchVector:
    return SearchVector("title", config="english", weight="A") + SearchVector(
        "outlet", "body", config="english", weight="B"
    )


RANKED_MATCHES_AT_MOST = 500


def _ranked(queryset, vector, text: str, *, or_speakers: list[int] = ()):
    """Order the newest ``RANKED_MATCHES_AT_MOST`` matches by relevance.

    Ranking reads each match's text again; for a word in half the archive
    that is hundreds of thousands of rows, so only the newest matches (found
    through the index alone) are ranked.
    """
    query = SearchQuery(text, search_type="websearch", config="english")
    matches = Q(search_vector=query)
    if or_speakers:
        matches |= Q(speaker_id__in=or_speakers)
    newest = (
        queryset.model.objects.annotate(search_vector=vector, id_unindexed=F("id") + 0)
        .filter(matches)
        # "id + 0" keeps PostgreSQL off walking the primary key backwards
        # and re-reading each row's text: it takes the matches from the
        # full-text index and sorts only those.
        .order_by("-id_unindexed")
        .values("pk")[:RANKED_MATCHES_AT_MOST]
    )
    return queryset.filter(pk__in=Subquery(newest)).annotate(rank=SearchRank(vector, query)).order_by("-rank", "-id")


def statements_search(text: str):
    """Public statements matching ``text`` in their words, printed speaker or actor's names."""
    if connection.vendor == "postgresql":
        speakers = speaker_ids_matching(text)
        return _ranked(statements_listing(), statement_search_vector(), text, or_speakers=speakers)
    condition = Q()
    for word in _words(text):
        said_by = Q(speaker__in=Actor.objects.filter(actors_named_like(word)))
        condition &= Q(text__icontains=word) | Q(speaker_as_printed__icontains=word) | said_by
    return statements_listing().filter(condition)


def statements_matching(queryset, text: str):
    """Narrow statements to those whose quote or printed speaker holds ``text``, or whose actor is named like it.

    The API's ``q`` and the admin's statement search, so both find the same rows.
    """
    # Each branch has its own index on PostgreSQL (trigram indexes on the
    # two text columns, the speaker index for the short list of matching
    # actors), so the database can combine them instead of scanning.
    matches = Q(text__icontains=text) | Q(speaker_as_printed__icontains=text)
    speakers = speaker_ids_matching(text)
    if speakers:
        matches |= Q(speaker_id__in=speakers)
    return queryset.filter(matches)


def articles_search(text: str):
    """Public articles matching ``text`` in their title or body."""
    if connection.vendor == "postgresql":
        return _ranked(articles_listing(), article_search_vector(), text)
    return articles_listing().filter(_every_word_in(("title", "outlet", "body"), text))


def actors_search(text: str):
    """Public actors whose name or aliases contain every word of ``text``.

    Names are not English prose, so stemming would not help them: the same
    plain match serves both databases.
    """
    return actors_matching(actors_listing(), text)
