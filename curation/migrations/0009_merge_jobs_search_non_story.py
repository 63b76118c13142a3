# Jobs, the search index and an article's non-story ranges were built side by
# side, each on 0007; they touch separate tables, so their order is free.
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("curation", "0008_jobs"),
        ("curation", "0008_search_document"),
        ("curation", "0008_article_non_story"),
    ]

    operations = []
