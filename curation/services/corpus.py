"""A synthetic archive for measuring the desk at newsroom scale.

``corpus_generate`` writes articles with statements at their true offsets,
actors with aliases and dated roles, a tag hierarchy and a trickle of
corrections. It generates and writes one batch of articles at a time, so
memory stays flat however large the archive; ids are chosen here and the
sequences moved past them afterwards.

Run into an empty archive it refuses nothing; into a non-empty one it
refuses unless ``append`` is set. An append adds a new set of articles,
actors and tags whose ids continue after the highest ones in the archive;
every generated slug ends in its row id, so an append never collides with
what is there.
"""

import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.utils import timezone

from curation.corpus.articles import Cast, generate_article
from curation.corpus.text import actor_counts, generate_actors, generate_tags, tag_count
from curation.extraction.names import normalise_name
from curation.models import (
    Actor,
    ActorAlias,
    ActorRole,
    Article,
    AttributionCorrection,
    Statement,
    Tag,
    TagAlias,
)
from curation.search_text import statement_document
from curation.services.corpus_writers import StatementTag, next_ids, writer_for_connection
from curation.services.counts import public_counts_rebuild

CORPUS_EDITOR_USERNAME = "corpus-editor"


class ArchiveNotEmpty(Exception):
    """The archive already holds articles, actors or tags and --append was not given."""


@dataclass
class CorpusSummary:
    articles: int = 0
    statements: int = 0
    actors: int = 0
    tags: int = 0
    corrections: int = 0
    seconds: float = 0.0

    def line(self) -> str:
        return (
            f"{self.articles} articles, {self.statements} statements, {self.actors} actors, "
            f"{self.tags} tags, {self.corrections} corrections in {self.seconds:.1f} s"
        )


def archive_is_empty() -> bool:
    return not (Article.objects.exists() or Actor.objects.exists() or Tag.objects.exists())


def corpus_generate(
    *,
    articles: int,
    seed: int = 0,
    batch_size: int = 1000,
    append: bool = False,
    on_batch: Callable[[int], None] | None = None,
) -> CorpusSummary:
    """Write a synthetic archive of ``articles`` articles; the same seed gives the same rows."""
    started = time.monotonic()
    if not append and not archive_is_empty():
        raise ArchiveNotEmpty(
            "The archive is not empty; generate into an empty database, or pass --append to add to it."
        )
    summary = CorpusSummary()
    with transaction.atomic():
        ids, writer = next_ids(), writer_for_connection()
        editor_id = corpus_editor().pk
        cast = _write_cast(writer, ids, seed=seed, articles=articles, summary=summary)
        wanted = range(ids[Article], ids[Article] + articles)
        batches = _batch_rows(seed=seed, cast=cast, articles=wanted, size=batch_size, ids=ids, editor_id=editor_id)
        # The next batch is generated in a thread while the database takes this
        # one: Python and PostgreSQL then work at once, on a core each.
        for rows in _one_ahead(batches):
            _write_batch(writer, ids, rows, summary)
            if on_batch:
                on_batch(len(rows.articles))
        writer.finish()
        # Fresh statistics before the recount, or the planner takes a freshly
        # loaded million rows for an empty table (the recount then ran for
        # minutes) until autovacuum comes round. ANALYZE may run in a transaction.
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        # COPY bypasses the services, so the kept counts are recounted once.
        public_counts_rebuild()
    summary.seconds = time.monotonic() - started
    return summary


def corpus_editor():
    """Return the account the generated corrections are signed by; it cannot log in."""
    user, created = get_user_model().objects.get_or_create(username=CORPUS_EDITOR_USERNAME, defaults={"is_staff": True})
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def _write_cast(writer, ids, *, seed: int, articles: int, summary: CorpusSummary) -> Cast:
    people, organisations = actor_counts(articles)
    actors = generate_actors(seed=seed, first_id=ids[Actor], people=people, organisations=organisations)
    tags = generate_tags(first_id=ids[Tag], count=tag_count(articles))
    now = timezone.now()
    # Counts start at zero and are recounted once everything is written.
    writer.write(Actor, [(a.id, a.name, a.slug, a.kind, a.description, now, now, 0) for a in actors])
    aliases = [(a.id, alias) for a in actors for alias in a.aliases]
    writer.write(
        ActorAlias, _numbered(ids, ActorAlias, [(actor_id, name, normalise_name(name)) for actor_id, name in aliases])
    )
    roles = [(a.id, r.title, r.organisation, r.start, r.end) for a in actors for r in a.roles]
    writer.write(ActorRole, _numbered(ids, ActorRole, roles))
    writer.write(Tag, [(t.id, t.name, t.slug, t.parent_id, t.description, 0) for t in tags])
    tag_aliases = [(t.id, alias, normalise_name(alias)) for t in tags for alias in t.aliases]
    writer.write(TagAlias, _numbered(ids, TagAlias, tag_aliases))
    summary.actors, summary.tags = len(actors), len(tags)
    return Cast(actors, tags)


def _numbered(ids: dict, model, rows: list[tuple]) -> list[tuple]:
    """Prefix each row with the next free id of ``model``."""
    first = ids[model]
    ids[model] = first + len(rows)
    return [(first + offset, *row) for offset, row in enumerate(rows)]


@dataclass
class BatchRows:
    """The rows of one batch of generated articles, ids chosen; tag links and corrections numbered when written."""

    articles: list[tuple]
    statements: list[tuple]
    tags: list[tuple]
    corrections: list[tuple]


def _batch_rows(*, seed: int, cast: Cast, articles: range, size: int, ids: dict, editor_id: int) -> Iterator[BatchRows]:
    """Yield each batch's rows; statement ids continue from ``ids[Statement]``, which is left past them."""
    next_statement = ids[Statement]
    for batch_start in range(articles.start, articles.stop, size):
        rows = BatchRows([], [], [], [])
        for article_id in range(batch_start, min(batch_start + size, articles.stop)):
            article = generate_article(seed=seed, article_id=article_id, cast=cast)
            rows.articles.append(_article_row(article))
            for statement in article.statements:
                rows.statements.append(_statement_row(next_statement, article, statement))
                rows.tags.extend((next_statement, tag_id) for tag_id in statement.tag_ids)
                if statement.correction:
                    rows.corrections.append(_correction_row(next_statement, statement, editor_id))
                next_statement += 1
        yield rows
    ids[Statement] = next_statement


def _one_ahead(items: Iterator) -> Iterator:
    """Yield ``items``, making the next one in a thread while the caller works on this one."""
    done = object()
    with ThreadPoolExecutor(max_workers=1) as pool:
        coming = pool.submit(next, items, done)
        while (item := coming.result()) is not done:
            coming = pool.submit(next, items, done)
            yield item


def _write_batch(writer, ids, rows: BatchRows, summary: CorpusSummary) -> None:
    writer.write(Article, rows.articles)
    writer.write(Statement, rows.statements)
    writer.write(StatementTag, _numbered(ids, StatementTag, rows.tags))
    writer.write(AttributionCorrection, _numbered(ids, AttributionCorrection, rows.corrections))
    summary.articles += len(rows.articles)
    summary.statements += len(rows.statements)
    summary.corrections += len(rows.corrections)


def _article_row(article) -> tuple:
    return (
        article.id,
        article.title,
        article.slug,
        article.outlet,
        article.url,
        article.published_on,
        article.body,
        article.import_key,
        article.content_hash,
        article.status,
        article.imported_at,
        article.imported_at,
        [],  # non_story: generated bodies are all story
    )


def _statement_row(statement_id: int, article, statement) -> tuple:
    version = 2 if statement.correction else 1
    # Readers saw it if it is public now or carries a correction (one is written
    # only for a change of speaker readers saw); the speaker they last saw is
    # the current one, since the corpus writes no pending change.
    shown = statement.correction is not None or (
        statement.review_status == "confirmed" and statement.published and article.status == "published"
    )
    return (
        statement_id,
        article.id,
        statement.kind,
        statement.text,
        statement.start,
        statement.end,
        statement.prefix,
        statement.suffix,
        "found",
        statement.speaker_as_printed,
        statement.speaker_id,
        statement.review_status,
        statement.published,
        statement.origin,
        statement.confidence,
        article.imported_at if shown else None,
        statement.speaker_id if shown else None,
        "",
        version,
        article.imported_at,
        article.imported_at,
        statement_document(
            text=statement.text,
            speaker_as_printed=statement.speaker_as_printed,
            speaker_id=statement.speaker_id,
            tag_ids=statement.tag_ids,
        ),
    )


def _correction_row(statement_id: int, statement, editor_id: int) -> tuple:
    correction = statement.correction
    return (
        statement_id,
        correction.from_actor_id,
        correction.to_actor_id,
        correction.speaker_as_printed,
        correction.reason,
        editor_id,
        correction.corrected_at,
        correction.is_public,
    )
