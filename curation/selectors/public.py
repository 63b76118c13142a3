"""Reads of the public pages and the API: everything starts from a ``public()`` queryset.

Each function returns a queryset whose related rows come in a fixed number
of queries, however many items a page shows.
"""

from django.core.cache import cache
from django.db.models import Count, Exists, F, IntegerField, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce, TruncMonth

from curation.models import Actor, Article, AttributionCorrection, Statement, Tag
from curation.selectors.names import actor_find, actors_named_like, tag_descendant_ids


def public_statement_count(outer_field: str):
    """Count the public statements whose ``outer_field`` is the outer row."""
    statements = (
        Statement.objects.public()
        .filter(**{outer_field: OuterRef("pk")})
        .order_by()
        .values(outer_field)
        # Rows, not ids: an actor's are then counted from an index alone (migration 0013).
        .annotate(total=Count("*"))
        .values("total")
    )
    return Coalesce(Subquery(statements, output_field=IntegerField()), 0)


def _newest_said_first(queryset):
    # Undated articles sort last on every database (PostgreSQL would put
    # NULL first in a descending order); the id makes the order total.
    return queryset.order_by(F("article__published_on").desc(nulls_last=True), "-article_id", "start", "id")


def said_after(statement: Statement, *, older: bool) -> Q:
    """A condition for the statements after ``statement`` in the newest-said-first order, or before it.

    Keyset pages of that order (``older``: the next page, else the page
    before), so a topic's hundred-thousandth statement costs what its first
    does, with no count and no OFFSET.
    """
    said, article_id, start = statement.article.published_on, statement.article_id, statement.start
    later, other_article = ("gt", "lt") if older else ("lt", "gt")
    same_article = Q(article_id=article_id, **{f"start__{later}": start}) | Q(
        article_id=article_id, start=start, **{f"pk__{later}": statement.pk}
    )
    # Undated articles come after every dated one; an empty Q() drops out of an OR.
    if said is None:
        other_days = Q() if older else Q(article__published_on__isnull=False)
    else:
        other_days = Q(**{f"article__published_on__{other_article}": said})
        other_days |= Q(article__published_on__isnull=True) if older else Q()
    same_day = Q(article__published_on=said) if said else Q(article__published_on__isnull=True)
    return other_days | (same_day & Q(**{f"article_id__{other_article}": article_id})) | same_article


def articles_listing():
    """Public articles, newest first, each with its number of public statements."""
    return (
        Article.objects.public()
        .annotate(statement_count=public_statement_count("article"))
        .order_by(F("published_on").desc(nulls_last=True), "-id")
    )


def has_public_correction():
    """Return a condition for statements already known to be public: one of its corrections is public."""
    # The statements are public already, so a public correction of one is
    # simply one marked public; asking public() again costs a scan.
    return Exists(AttributionCorrection.objects.filter(statement=OuterRef("pk"), is_public=True))


# What a list of statements never shows: an article's text is most of the bytes a page would fetch.
UNLISTED_FIELDS = ("search_document", "article__body", "article__non_story")


def statements_listing():
    """Public statements with their article and speaker, newest said first, for lists (``UNLISTED_FIELDS`` deferred).

    A list marks its rows with ``corrected_marked`` once it has them.
    """
    statements = Statement.objects.public().select_related("article", "speaker").defer(*UNLISTED_FIELDS)
    return _newest_said_first(statements)


def corrected_marked(statements) -> list:
    """Return public ``statements`` as a list, each with ``is_corrected``: it has a public correction. One query.

    Asked of a page's rows once fetched: as a column of the page's own query,
    PostgreSQL hashed every public correction of the archive first, 6 ms a
    page on a million statements.
    """
    statements = list(statements)
    ids = [statement.pk for statement in statements]
    # The statements are public already: a public correction of one is one marked public.
    corrections = AttributionCorrection.objects.filter(statement_id__in=ids, is_public=True)
    corrected = set(corrections.values_list("statement_id", flat=True)) if ids else set()
    for statement in statements:
        statement.is_corrected = statement.pk in corrected
    return statements


def _public_statements(*, with_corrections: bool):
    statements = Statement.objects.public().select_related("speaker").prefetch_related("tags")
    if not with_corrections:
        return statements
    corrections = AttributionCorrection.objects.public().select_related("from_actor", "to_actor", "withdrawal")
    return statements.prefetch_related(Prefetch("corrections", queryset=corrections, to_attr="public_corrections"))


def statements_with_corrections():
    """Public statements with article, speaker, tags and their public corrections (``public_corrections``)."""
    return _public_statements(with_corrections=True).select_related("article")


def statements_bare():
    """Public statements, nothing joined: the API's lists read their rows, tags and corrections as values."""
    return Statement.objects.public()


def statements_tagged(queryset, tag: Tag):
    """Narrow statements to those tagged ``tag`` or any tag below it."""
    tagged = Statement.tags.through.objects.filter(statement=OuterRef("pk"), tag_id__in=tag_descendant_ids(tag))
    return queryset.filter(Exists(tagged))


def corrections_listing():
    """Public corrections, newest first, with their statement's article, both speakers and any withdrawal."""
    return (
        AttributionCorrection.objects.public()
        .select_related("statement__article", "from_actor", "to_actor", "withdrawal")
        .order_by("-corrected_at", "-id")
    )


def _superseded():
    """A condition on corrections: a later public correction of the same statement exists."""
    later = AttributionCorrection.objects.filter(statement=OuterRef("statement"), is_public=True).filter(
        Q(corrected_at__gt=OuterRef("corrected_at")) | Q(corrected_at=OuterRef("corrected_at"), pk__gt=OuterRef("pk"))
    )
    return Exists(later)


def correction_notices():
    """Public corrections, newest first, with everything a notice in plain words names.

    ``superseded`` tells a notice whether a later correction followed it, so
    only the latest says who the quote is attributed to now.
    """
    return (
        corrections_listing()
        .select_related("statement__speaker", "from_actor__merged_into")
        .annotate(superseded=_superseded())
        # The notice names the earlier speaker as printed when that is one of their aliases.
        .prefetch_related("from_actor__aliases", "from_actor__merged_into__aliases")
    )


def articles_with_statements(*, with_corrections: bool = False):
    """Public articles, each with its public statements in text order as ``public_statements``."""
    statements = _public_statements(with_corrections=with_corrections).order_by("start", "id")
    return articles_listing().prefetch_related(Prefetch("statements", queryset=statements, to_attr="public_statements"))


def article_detail(slug: str) -> Article | None:
    """Return the public article with its public statements, in text order, as ``public_statements``."""
    return articles_with_statements().filter(slug=slug).first()


def article_corrections(article: Article):
    """The public corrections of an article's statements, oldest first."""
    return correction_notices().filter(statement__article=article).order_by("corrected_at", "id")


def statement_detail(pk: int) -> Statement | None:
    """Return a public statement with its tags, speaker's roles and public corrections, oldest first."""
    corrections = correction_notices().order_by("corrected_at", "id")
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
        .annotate(total=Count("*"))
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
    """Narrow ``queryset`` to actors named like ``text`` (see ``actors_named_like``)."""
    return queryset.filter(actors_named_like(text))


def tags_ordered():
    """Every tag by name, with its aliases and public statement count (tagged directly)."""
    return (
        Tag.objects.public()
        .prefetch_related("aliases")
        .annotate(statement_count=F("public_statement_count"))
        .order_by("name", "id")
    )


def tags_listing() -> list[Tag]:
    """Every tag with its aliases and public statement count, as a tree."""
    return tags_tree(tags_ordered())


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
    return statements_tagged(statements_listing(), tag)


def articles_quoting(queryset, actors):
    """Narrow articles to those with a public statement by any of ``actors``."""
    statements = Statement.objects.public().filter(article=OuterRef("pk"), speaker__in=actors)
    return queryset.filter(Exists(statements))


def articles_tagged(queryset, tag: Tag):
    """Narrow articles to those with a public statement tagged ``tag`` or below it."""
    statements = statements_tagged(Statement.objects.public().filter(article=OuterRef("pk")), tag)
    return queryset.filter(Exists(statements))
