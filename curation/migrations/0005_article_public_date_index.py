"""Walk published articles newest first with undated ones last, on PostgreSQL.

Pages list statements and articles in that order; PostgreSQL puts NULL first
in a descending index unless told otherwise, so the order needs its own
index. SQLite needs none at its sizes.
"""

from django.db import migrations

from curation.migrations._postgresql import PostgreSQLOnly


class Migration(migrations.Migration):
    dependencies = [("curation", "0004_public_statement_counts")]

    operations = [
        PostgreSQLOnly(
            "CREATE INDEX IF NOT EXISTS article_public_date "
            "ON curation_article (status, published_on DESC NULLS LAST, id DESC)",
            "DROP INDEX IF EXISTS article_public_date",
        ),
    ]
