"""Let PostgreSQL's planner know how rare a rare word is, on the statements' search column.

With the default statistics target the planner keeps the frequencies of
about a thousand words and guesses the rest from the least common of those:
on the benchmark archive an actor's name found in 1,827 of a million
statements was taken for 20,965. Ten times the target keeps ten thousand
words, and the same guess became 3,527. The next ANALYZE reads them.
"""

from django.db import migrations

from curation.migrations._postgresql import PostgreSQLOnly


class Migration(migrations.Migration):
    dependencies = [("curation", "0011_public_row_indexes")]

    operations = [
        PostgreSQLOnly(
            "ALTER TABLE curation_statement ALTER COLUMN search_vector SET STATISTICS 1000",
            "ALTER TABLE curation_statement ALTER COLUMN search_vector SET STATISTICS -1",
        ),
    ]
