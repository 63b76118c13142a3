from django.core.management.base import BaseCommand
from django.db import transaction

from curation.services import search_index_rebuild


class Command(BaseCommand):
    help = "Recompute every statement's searchable words (after bulk loads, direct database edits or a new folding)."

    def handle(self, *args, **options):
        with transaction.atomic():
            changed = search_index_rebuild()
        self.stdout.write(f"Search index rebuilt: {changed} statement{'s' if changed != 1 else ''} re-indexed.")
