"""Indexes that keep search fast on a large archive, on PostgreSQL.

The expressions must stay identical to ``statement_search_vector`` and
``article_search_vector`` in ``curation.selectors`` and to the ``UPPER(…)``
Django's ``icontains`` produces, or the planner will not use them. SQLite
(development, tests) gets none of them: it has neither GIN nor trigrams.
"""

from django.db import migrations

from curation.migrations._postgresql import PostgreSQLOnly

STATEMENT_VECTOR = (
    "(setweight(to_tsvector('english'::regconfig, COALESCE(\"text\", '')), 'A') || "
    "setweight(to_tsvector('english'::regconfig, COALESCE(\"speaker_as_printed\", '')), 'B'))"
)
ARTICLE_VECTOR = (
    "(setweight(to_tsvector('english'::regconfig, COALESCE(\"title\", '')), 'A') || "
    "setweight(to_tsvector('english'::regconfig, COALESCE(\"outlet\", '') || ' ' || COALESCE(\"body\", '')), 'B'))"
)


class Migration(migrations.Migration):
    dependencies = [("curation", "0002_editor_group")]

    operations = [
        # Kept on the way back: other databases objects may use the extension.
        PostgreSQLOnly("CREATE EXTENSION IF NOT EXISTS pg_trgm", migrations.RunSQL.noop),
        PostgreSQLOnly(
            f"CREATE INDEX statement_search ON curation_statement USING gin ({STATEMENT_VECTOR})",
            "DROP INDEX IF EXISTS statement_search",
        ),
        PostgreSQLOnly(
            f"CREATE INDEX article_search ON curation_article USING gin ({ARTICLE_VECTOR})",
            "DROP INDEX IF EXISTS article_search",
        ),
        PostgreSQLOnly(
            'CREATE INDEX statement_text_trigram ON curation_statement USING gin (UPPER("text") gin_trgm_ops)',
            "DROP INDEX IF EXISTS statement_text_trigram",
        ),
        PostgreSQLOnly(
            "CREATE INDEX statement_printed_trigram ON curation_statement "
            'USING gin (UPPER("speaker_as_printed") gin_trgm_ops)',
            "DROP INDEX IF EXISTS statement_printed_trigram",
        ),
    ]
