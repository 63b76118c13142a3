"""Articles' search words stored, so the search page finds the newest matches without parsing bodies.

PostgreSQL only, like 0003: a stored, generated ``search_vector`` (the same
English words the 0003 expression index held: title weighted A, outlet and
body B) with a GIN index in place of that expression index, and a GIN index
on the title's words alone, so "the headline has it" is one index probe.
Walking articles newest first and testing each stored vector is cheap; with
the expression index every test parsed a whole body again.
"""

from django.db import migrations

from curation.migrations._postgresql import PostgreSQLOnly

ARTICLE_VECTOR = (
    "(setweight(to_tsvector('english'::regconfig, COALESCE(\"title\", '')), 'A') || "
    "setweight(to_tsvector('english'::regconfig, COALESCE(\"outlet\", '') || ' ' || COALESCE(\"body\", '')), 'B'))"
)
TITLE_VECTOR = "to_tsvector('english'::regconfig, COALESCE(\"title\", ''))"


class Migration(migrations.Migration):
    dependencies = [("curation", "0009_merge_jobs_search_non_story")]

    operations = [
        PostgreSQLOnly(
            "ALTER TABLE curation_article ADD COLUMN search_vector tsvector "
            f"GENERATED ALWAYS AS {ARTICLE_VECTOR} STORED",
            "ALTER TABLE curation_article DROP COLUMN IF EXISTS search_vector",
        ),
        PostgreSQLOnly(
            "CREATE INDEX article_search_vector ON curation_article USING gin (search_vector)",
            "DROP INDEX IF EXISTS article_search_vector",
        ),
        PostgreSQLOnly(
            f"CREATE INDEX article_title_search ON curation_article USING gin ({TITLE_VECTOR})",
            "DROP INDEX IF EXISTS article_title_search",
        ),
        PostgreSQLOnly(
            "DROP INDEX IF EXISTS article_search",
            f"CREATE INDEX IF NOT EXISTS article_search ON curation_article USING gin ({ARTICLE_VECTOR})",
        ),
    ]
