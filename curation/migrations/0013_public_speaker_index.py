"""Count an actor's public statements from a small index, on PostgreSQL.

The actor page's timeline (public statements per month of their article)
and the kept count of an actor's public statements read every public
statement of the actor. For the busiest actor of the benchmark archive,
140,000 of a million, reading those rows from the table took 414 ms; this
partial index holds the public rows' speaker and article, so both counts
are an index-only scan joined to the published articles' dates
(``article_public_date``): 50–60 ms.
"""

from django.db import migrations

from curation.migrations._postgresql import PostgreSQLOnly


class Migration(migrations.Migration):
    dependencies = [("curation", "0012_search_vector_statistics")]

    operations = [
        PostgreSQLOnly(
            "CREATE INDEX statement_public_speaker ON curation_statement (speaker_id, article_id) "
            "WHERE published AND review_status = 'confirmed'",
            "DROP INDEX IF EXISTS statement_public_speaker",
        ),
    ]
