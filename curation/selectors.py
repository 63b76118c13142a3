"""Reads shared by the public pages and the API."""

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.core.cache import cache
from django.db import connection
from django.db.models import Count, Exists, F, IntegerField, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce, TruncMonth

from curation.extraction.names import normalise_name
from curation.models import (
    Actor,
    ActorAlias,
    ActorSlugRedirect,
    Article,
    AttributionCorrection,
    Statement,
    Tag,
    TagSlugRedirect,
)


def tag_descendant_ids(tag: Tag) -> set[int]:
    """Return the ids of ``tag`` and every tag below it in the hierarchy."""
    # One read of the whole vocabulary (small: topics, not content) instead
    # of one query per level of depth.
    children: dict[int, list[int]] = {}
    for pk, parent_id in Tag.objects.order_by().values_list("pk", "parent_id"):
        children.setdefault(parent_id, []).append(pk)
    ids, frontier = {tag.pk}, [tag.pk]
    while frontier:
        below = [child for parent in frontier for child in children.get(parent, []) if child not in ids]
        ids.update(below)
        frontier = below
    return ids


def tag_find(value: str) -> Tag | None:
    """Return the tag a slug, a former slug or an alias names, or None."""
    tag = Tag.objects.filter(slug=value).first()
    if tag:
        return tag
    redirect = TagSlugRedirect.objects.select_related("tag").filter(old_slug=value).first()
    if redirect:
        return redirect.tag
    key = normalise_name(value.replace("-", " "))
    return Tag.objects.filter(Q(aliases__normalised=key) | Q(name__iexact=value)).distinct().first()


def actor_find(slug: str) -> Actor | None:
    """Return the actor a slug or a former slug (kept after a merge) names, or None."""
    actor = Actor.objects.filter(slug=slug).first()
    if actor:
        return actor
    redirect = ActorSlugRedirect.objects.select_related("actor").filter(old_slug=slug).first()
    return redirect.actor if redirect else None


# Public pages. Every read below starts from a ``public()`` queryset; each
# returns a queryset whose related rows come in a fixed number of queries,
# however many items a page shows.


def public_statement_count(outer_field: str):
    """Count the public statements whose ``outer_field`` is the outer row."""
    statements = (
        Statement.objects.public()
        .filter(**{outer_field: OuterRef("pk")})
        .order_by()
        .values(outer_field)
        .annotate(total=Count("pk"))
        .values("total")
    )
    return Coalesce(Subquery(statements, output_field=IntegerField()), 0)


def _newest_said_first(queryset):
    # Undated articles sort last on every database (PostgreSQL would put
    # NULL first in a descending order).
    return queryset.order_by(F("article__published_on").desc(nulls_last=True), "-article_id", "start")


def articles_listing():
    """Public articles, newest first, each with its number of public statements."""
    return (
        Article.objects.public()
        .annotate(statement_count=public_statement_count("article"))
        .order_by(F("published_on").desc(nulls_last=True), "-id")
    )


def statements_listing():
    """Public statements with their article and speaker, newest said first."""
    # The statements are public already, so a public correction of one is
    # simply one marked public; asking public() again costs a scan.
    corrected = AttributionCorrection.objects.filter(statement=OuterRef("pk"), is_public=True)
    return _newest_said_first(
        Statement.objects.public().select_related("article", "speaker").annotate(is_corrected=Exists(corrected))
    )


def corrections_listing():
    """Public corrections, newest first, with everything a notice names."""
    return (
        AttributionCorrection.objects.public()
        .select_related("statement__article", "statement__speaker", "from_actor", "to_actor")
        # The notice names the earlier speaker as printed when that is one of their aliases.
        .prefetch_related("from_actor__aliases")
        .order_by("-corrected_at", "-id")
    )


def article_detail(slug: str) -> Article | None:
    """Return the public article with its public statements, in text order, as ``public_statements``."""
    statements = Statement.objects.public().select_related("speaker").prefetch_related("tags").order_by("start", "id")
    return (
        Article.objects.public()
        .prefetch_related(Prefetch("statements", queryset=statements, to_attr="public_statements"))
        .filter(slug=slug)
        .first()
    )


def article_corrections(article: Article):
    """The public corrections of an article's statements, oldest first."""
    return corrections_listing().filter(statement__article=article).order_by("corrected_at", "id")


def statement_detail(pk: int) -> Statement | None:
    """Return a public statement with its tags, speaker's roles and public corrections, oldest first."""
    corrections = corrections_listing().order_by("corrected_at", "id")
    return (
        Statement.objects.public()
        .select_related("article", "speaker")
        .prefetch_related(
            "tags",
            "speaker__roles",
            Prefetch("corrections", queryset=corrections, to_attr="public_corrections"),
        )
        .filter(pk=pk)
        .first()
    )


def actor_public(slug: str) -> tuple[Actor | None, bool]:
    """Return the public actor a slug names and whether the slug is a former one.

    A former slug (kept after a merge) leads to the survivor only when the
    survivor is public, so an old link never reveals an unpublished name.
    """
    actor = Actor.objects.public().prefetch_related("aliases", "roles").filter(slug=slug).first()
    if actor:
        return actor, False
    survivor = actor_find(slug)
    if survivor and survivor.slug != slug and Actor.objects.public().filter(pk=survivor.pk).exists():
        return survivor, True
    return None, False


def actor_statements(actor: Actor):
    """Every public statement attributed to ``actor``, newest said first."""
    return statements_listing().filter(speaker=actor)


TIMELINE_CACHE_SECONDS = 600


def actor_statements_per_month(actor: Actor) -> tuple[dict[tuple[int, int], int], int]:
    """Return public statements per (year, month) of their article, and how many are undated.

    Kept in the cache under the actor's public statement count, which every
    change to what the actor said publicly moves on, so a new or withdrawn
    statement is never hidden behind an old picture.
    """
    key = f"curation:timeline:{actor.pk}:{actor.public_statement_count}"
    cached = cache.get(key)
    if cached is None:
        cached = _count_statements_per_month(actor)
        cache.set(key, cached, TIMELINE_CACHE_SECONDS)
    return cached


def _count_statements_per_month(actor: Actor) -> tuple[dict[tuple[int, int], int], int]:
    months = (
        Statement.objects.public()
        .filter(speaker=actor)
        .annotate(month=TruncMonth("article__published_on"))
        .order_by()
        .values("month")
        .annotate(total=Count("pk"))
    )
    counts, undated = {}, 0
    for row in months:
        if row["month"] is None:
            undated = row["total"]
        else:
            counts[(row["month"].year, row["month"].month)] = row["total"]
    return counts, undated


def actors_listing():
    """Public actors by name, each with its number of public statements."""
    return Actor.objects.public().annotate(statement_count=F("public_statement_count")).order_by("name", "id")


def actors_matching(queryset, text: str):
    """Narrow ``queryset`` to actors whose name or any alias contains ``text``."""
    aliases = ActorAlias.objects.filter(actor=OuterRef("pk"), name__icontains=text)
    return queryset.filter(Q(name__icontains=text) | Exists(aliases))


def tags_listing() -> list[Tag]:
    """Every tag with its aliases and public statement count (tagged directly), as a tree."""
    return tags_tree(
        Tag.objects.public()
        .prefetch_related("aliases")
        .annotate(statement_count=F("public_statement_count"))
        .order_by("name", "id")
    )


def tags_tree(queryset) -> list[Tag]:
    """Return the top-level tags of ``queryset``, each with ``tree_children`` below it, recursively."""
    tags = list(queryset)
    by_id = {tag.pk: tag for tag in tags}
    for tag in tags:
        tag.tree_children = []
    roots = []
    for tag in tags:
        parent = by_id.get(tag.parent_id)
        (parent.tree_children if parent else roots).append(tag)
    return roots


def tag_statements(tag: Tag):
    """Public statements tagged with ``tag`` or any tag below it, newest said first."""
    tagged = Statement.tags.through.objects.filter(statement=OuterRef("pk"), tag_id__in=tag_descendant_ids(tag))
    return statements_listing().filter(Exists(tagged))


def articles_quoting(queryset, actors):
    """Narrow articles to those with a public statement by any of ``actors``."""
    statements = Statement.objects.public().filter(article=OuterRef("pk"), speaker__in=actors)
    return queryset.filter(Exists(statements))


def articles_tagged(queryset, tag: Tag):
    """Narrow articles to those with a public statement tagged ``tag`` or below it."""
    statements = Statement.objects.public().filter(article=OuterRef("pk"), tags__in=tag_descendant_ids(tag))
    return queryset.filter(Exists(statements))


def actors_named(text: str) -> list[Actor]:
    """Return the public actors a slug, former slug, name or alias names."""
    found = actor_find(text)
    if found:
        candidates = Actor.objects.filter(pk=found.pk)
    else:
        key = normalise_name(text)
        candidates = Actor.objects.filter(Q(name__iexact=text) | Q(aliases__normalised=key)).distinct()
    return list(candidates.filter(pk__in=Actor.objects.public()))


# Search. PostgreSQL ranks by full-text relevance with English stemming; on
# SQLite (development, tests) every word must appear somewhere, newest first.

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


SPEAKERS_MATCHED_AT_MOST = 200


def speaker_ids_matching(text: str) -> list[int]:
    """Return ids of actors whose name or an alias contains ``text``.

    Fetched first, as a short list, so that "or said by a matching actor"
    stays an index look-up instead of a join over every statement.
    """
    key = normalise_name(text)
    aliases = ActorAlias.objects.filter(actor=OuterRef("pk"), normalised__contains=key)
    matching = Actor.objects.filter(Q(name__icontains=text) | Exists(aliases)) if key else Actor.objects.none()
    return list(matching.order_by().values_list("pk", flat=True)[:SPEAKERS_MATCHED_AT_MOST])


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
    """Public statements matching ``text`` in their words, printed speaker or actor's name."""
    if connection.vendor == "postgresql":
        speakers = speaker_ids_matching(text)
        return _ranked(statements_listing(), statement_search_vector(), text, or_speakers=speakers)
    return statements_listing().filter(_every_word_in(("text", "speaker_as_printed", "speaker__name"), text))


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
    queryset = actors_listing()
    for word in _words(text):
        queryset = actors_matching(queryset, word)
    return queryset
