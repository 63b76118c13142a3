"""One search on both databases: each statement's folded words, indexed.

``search_document`` holds the words ``curation.search_text`` folds (case,
accents, apostrophes, hyphens, stems) plus marker words for the speaker and
topics. PostgreSQL derives a stored ``tsvector`` from it with the
``curation_search`` configuration (``unaccent`` then ``simple``: the folding
is done already, the configuration only keeps the database's own queries
honest) and indexes it with GIN; SQLite gets an FTS5 table kept by triggers
(``curation.services.search_index``). The old English-stemmed expression
index on the quote is dropped: nothing searches statements through it now.
"""

from django.db import migrations, models

from curation.search_text import statement_document

POSTGRESQL_FORWARDS = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS curation_search",
    "CREATE TEXT SEARCH CONFIGURATION curation_search (COPY = simple)",
    "ALTER TEXT SEARCH CONFIGURATION curation_search ALTER MAPPING FOR "
    "asciiword, word, numword, asciihword, hword, numhword, hword_asciipart, hword_part, hword_numpart "
    "WITH unaccent, simple",
    "ALTER TABLE curation_statement ADD COLUMN search_vector tsvector "
    "GENERATED ALWAYS AS (to_tsvector('curation_search'::regconfig, search_document)) STORED",
    "CREATE INDEX statement_search_vector ON curation_statement USING gin (search_vector)",
    "DROP INDEX IF EXISTS statement_search",
]
POSTGRESQL_BACKWARDS = [
    "CREATE INDEX IF NOT EXISTS statement_search ON curation_statement USING gin ("
    "(setweight(to_tsvector('english'::regconfig, COALESCE(\"text\", '')), 'A') || "
    "setweight(to_tsvector('english'::regconfig, COALESCE(\"speaker_as_printed\", '')), 'B')))",
    "DROP INDEX IF EXISTS statement_search_vector",
    "ALTER TABLE curation_statement DROP COLUMN IF EXISTS search_vector",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS curation_search",
]


def fill_documents(apps, schema_editor):
    Statement = apps.get_model("curation", "Statement")
    links = Statement.tags.through.objects
    ids = list(Statement.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), 2000):
        batch = ids[start : start + 2000]
        tags = {}
        for statement_id, tag_id in links.filter(statement_id__in=batch).values_list("statement_id", "tag_id"):
            tags.setdefault(statement_id, []).append(tag_id)
        rows = Statement.objects.filter(pk__in=batch).values_list("pk", "text", "speaker_as_printed", "speaker_id")
        filled = [
            Statement(
                pk=pk,
                search_document=statement_document(
                    text=text, speaker_as_printed=printed, speaker_id=speaker_id, tag_ids=tags.get(pk, [])
                ),
            )
            for pk, text, printed, speaker_id in rows
        ]
        Statement.objects.bulk_update(filled, ["search_document"], batch_size=500)


def index_forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in POSTGRESQL_FORWARDS:
            schema_editor.execute(statement)
    elif schema_editor.connection.vendor == "sqlite":
        from curation.services.search_index import SQLITE_INDEX

        for statement in SQLITE_INDEX:
            schema_editor.execute(statement)
        schema_editor.execute("INSERT INTO curation_statement_fts(curation_statement_fts) VALUES ('rebuild')")


def index_backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in POSTGRESQL_BACKWARDS:
            schema_editor.execute(statement)
    elif schema_editor.connection.vendor == "sqlite":
        for trigger in ("insert", "delete", "update"):
            schema_editor.execute(f"DROP TRIGGER IF EXISTS curation_statement_fts_{trigger}")
        schema_editor.execute("DROP TABLE IF EXISTS curation_statement_fts")


class Migration(migrations.Migration):
    dependencies = [("curation", "0007_canonical_content_hash")]

    operations = [
        migrations.AddField(
            model_name="statement",
            name="search_document",
            field=models.TextField(blank=True, default="", editable=False),
        ),
        migrations.RunPython(fill_documents, migrations.RunPython.noop),
        migrations.RunPython(index_forwards, index_backwards),
    ]
