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
from collections.abc import Callable
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
        first_article = ids[Article]
        for batch_start in range(first_article, first_article + articles, batch_size):
            batch_end = min(batch_start + batch_size, first_article + articles)
            batch = [
                generate_article(seed=seed, article_id=article_id, cast=cast)
                for article_id in range(batch_start, batch_end)
            ]
            _write_articles(writer, ids, batch, editor_id, summary)
            if on_batch:
                on_batch(len(batch))
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


def _write_articles(writer, ids, batch, editor_id: int, summary: CorpusSummary) -> None:
    article_rows, statement_rows, tag_rows, correction_rows = [], [], [], []
    for article in batch:
        article_rows.append(
            (
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
        )
        for statement in article.statements:
            statement_id = ids[Statement] + len(statement_rows)
            statement_rows.append(_statement_row(statement_id, article, statement))
            tag_rows.extend((statement_id, tag_id) for tag_id in statement.tag_ids)
            if statement.correction:
                correction_rows.append(_correction_row(statement_id, statement, editor_id))
    ids[Statement] += len(statement_rows)
    writer.write(Article, article_rows)
    writer.write(Statement, statement_rows)
    writer.write(StatementTag, _numbered(ids, StatementTag, tag_rows))
    writer.write(AttributionCorrection, _numbered(ids, AttributionCorrection, correction_rows))
    summary.articles += len(article_rows)
    summary.statements += len(statement_rows)
    summary.corrections += len(correction_rows)


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
