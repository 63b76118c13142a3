from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _ensure_search_index(sender, using="default", **kwargs):
    # SQLite drops a table's triggers when a migration rebuilds the table;
    # putting the search index's back after every migrate keeps it in step.
    from django.db import connections

    from curation.services.search_index import search_index_ensure

    if connections[using].vendor == "sqlite":
        search_index_ensure(using=using)


class CurationConfig(AppConfig):
    name = "curation"
    verbose_name = "Curation desk"

    def ready(self):
        post_migrate.connect(_ensure_search_index, sender=self)
