from django.core.management.base import BaseCommand
from django.db import transaction

from curation.services import public_counts_rebuild


class Command(BaseCommand):
    help = "Recount the public statements of every actor and tag (after bulk loads or direct database edits)."

    def handle(self, *args, **options):
        with transaction.atomic():
            public_counts_rebuild()
        self.stdout.write("Public statement counts recounted for every actor and tag.")
