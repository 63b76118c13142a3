"""Write generated rows in bulk: COPY on PostgreSQL, bulk_create elsewhere.

Rows arrive as tuples in the order of a field list, so both writers share
one description of every table and no model instance is built on PostgreSQL.
"""

from django.core.management.color import no_style
from django.db import connection
from django.db.models import JSONField, Max

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

StatementTag = Statement.tags.through

FIELDS = {
    Actor: ("id", "name", "slug", "kind", "description", "created_at", "updated_at", "public_statement_count"),
    ActorAlias: ("id", "actor_id", "name", "normalised"),
    ActorRole: ("id", "actor_id", "title", "organisation", "start", "end"),
    Tag: ("id", "name", "slug", "parent_id", "description", "public_statement_count"),
    TagAlias: ("id", "tag_id", "name", "normalised"),
    Article: (
        "id",
        "title",
        "slug",
        "outlet",
        "url",
        "published_on",
        "body",
        "import_key",
        "content_hash",
        "status",
        "imported_at",
        "updated_at",
        "non_story",
    ),
    Statement: (
        "id",
        "article_id",
        "kind",
        "text",
        "start",
        "end",
        "prefix",
        "suffix",
        "anchor",
        "speaker_as_printed",
        "speaker_id",
        "review_status",
        "published",
        "origin",
        "confidence",
        "first_shown_at",
        "shown_speaker_id",
        "pending_reason",
        "version",
        "created_at",
        "updated_at",
        "search_document",
    ),
    StatementTag: ("id", "statement_id", "tag_id"),
    AttributionCorrection: (
        "id",
        "statement_id",
        "from_actor_id",
        "to_actor_id",
        "speaker_as_printed",
        "reason",
        "editor_id",
        "corrected_at",
        "is_public",
    ),
}


def next_ids() -> dict:
    """Return the first free id of every table the corpus writes, so ids continue on --append."""
    return {model: (model.objects.aggregate(highest=Max("id"))["highest"] or 0) + 1 for model in FIELDS}


class CopyWriter:
    """Stream rows into PostgreSQL with COPY FROM STDIN through Django's connection."""

    def __init__(self):
        self.cursor = connection.cursor()
        # Django's foreign keys are deferred to commit; checking them at the end
        # of each COPY instead keeps the server's queue of pending checks small.
        self.cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")

    def write(self, model, rows) -> None:
        from psycopg.types.json import Jsonb

        if not rows:
            return
        quote = connection.ops.quote_name
        fields = [model._meta.get_field(name) for name in FIELDS[model]]
        columns = ", ".join(quote(field.column) for field in fields)
        # COPY would send a Python list as a PostgreSQL array; JSON columns need it as JSON.
        json = [index for index, field in enumerate(fields) if isinstance(field, JSONField)]
        with self.cursor.copy(f"COPY {quote(model._meta.db_table)} ({columns}) FROM STDIN") as copy:
            for row in rows:
                if json:
                    row = tuple(Jsonb(value) if index in json else value for index, value in enumerate(row))
                copy.write_row(row)

    def finish(self) -> None:
        # Ids were chosen here, not by the sequences: move each sequence past them.
        for statement in connection.ops.sequence_reset_sql(no_style(), list(FIELDS)):
            self.cursor.execute(statement)
        self.cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        self.cursor.close()


class BulkCreateWriter:
    """The portable fallback (SQLite in tests): slower, same rows."""

    def __init__(self, batch_size: int = 2000):
        self.batch_size = batch_size

    def write(self, model, rows) -> None:
        names = FIELDS[model]
        objects = [model(**dict(zip(names, row, strict=False))) for row in rows]
        model.objects.bulk_create(objects, batch_size=self.batch_size)

    def finish(self) -> None:
        for statement in connection.ops.sequence_reset_sql(no_style(), list(FIELDS)):
            with connection.cursor() as cursor:
                cursor.execute(statement)


def writer_for_connection():
    return CopyWriter() if connection.vendor == "postgresql" else BulkCreateWriter()
